import type { Plugin } from 'graphql-yoga';
import { useCookieCsrfGuard } from './graphql-csrf';
import { useInputLimits } from './graphql-input-limits';
import { queryLimitPlugins } from './graphql-limits';
import { useApiRateLimit } from './graphql-rate-limit';
import { useTokenScopes } from './graphql-token-scopes';

/**
 * The protections of /graphql, in the order they apply: rate limit (before any other work), CSRF guard for
 * cookie-authenticated requests, input limits (size, nesting, tokens, well-formed strings, offset ranges — before
 * parsing where they can be), document limits (depth, cost, aliases) at validation, token scopes at execution.
 */
// Each plugin is typed for the context it reads; yoga's Plugin type is invariant in its context parameters, so the
// list is widened once here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export function apiProtectionPlugins(): Plugin<any, any, any>[] {
  return [
    useApiRateLimit(),
    useCookieCsrfGuard(),
    useInputLimits(),
    ...queryLimitPlugins(),
    useTokenScopes()
  ] as Plugin<any, any, any>[];
}
/* eslint-enable @typescript-eslint/no-explicit-any */
