import { defineCustomClientStrategy } from './generated/runtime.js';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from './locale';

/*
 * In the browser the language is whatever the server rendered into <html lang>, so hydration and later
 * client-side navigation use the same messages as the server-rendered page. Imported for its effect by the
 * root layout, before any message function runs. Changing language is a full page load (see LanguageSwitch).
 */
defineCustomClientStrategy('custom-html', {
  getLocale: () => (typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined),
  setLocale: (locale) => {
    document.cookie = `${LANG_COOKIE}=${locale}; path=/; max-age=${LANG_COOKIE_MAX_AGE}; samesite=lax`;
  }
});
