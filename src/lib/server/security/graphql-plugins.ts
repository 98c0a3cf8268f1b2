import type { Plugin } from 'graphql-yoga';
import { useCookieCsrfGuard } from './graphql-csrf';
import { queryLimitPlugins } from './graphql-limits';
import { useApiRateLimit } from './graphql-rate-limit';
import { useTokenScopes } from './graphql-token-scopes';

/**
 * The protections of /graphql, in the order they apply: rate limit (before any other work), CSRF guard for
 * cookie-authenticated requests, document limits (depth, cost, aliases) at validation, token scopes at execution.
 */
export function apiProtectionPlugins(): Plugin<any, any, any>[] {
  return [useApiRateLimit(), useCookieCsrfGuard(), ...queryLimitPlugins(), useTokenScopes()] as Plugin<any, any, any>[];
}
