import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage, type Locale } from './generated/runtime.js';

/*
 * Paraglide's message functions read the locale from this request-scoped store while rendering on the server,
 * so concurrent requests in different languages never see each other's locale. We fill the store ourselves
 * (rather than with paraglideMiddleware) because hooks.server.ts already decided the language, and the
 * middleware would clone every request body, GraphQL POSTs included, for nothing.
 */
type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const storage = new AsyncLocalStorage<Store>();
overwriteServerAsyncLocalStorage(storage);

export function withLocale<T>(locale: Locale, origin: string, render: () => T): T {
  return storage.run({ locale, origin, messageCalls: new Set() }, render);
}
