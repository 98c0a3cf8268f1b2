import { baseLocale, isLocale, type Locale } from './generated/runtime.js';

/** The cookie that remembers a visitor's language (set by hooks.server.ts when a `?lang=` link is followed). */
export const LANG_COOKIE = 'lang';
export const LANG_PARAM = 'lang';
/** 400 days: the longest lifetime browsers accept for a cookie. */
export const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 400;

/**
 * The language for a request: an explicit `?lang=` wins over the remembered cookie, anything unknown falls back
 * to English. One function so the page, the cookie and <html lang> can never disagree.
 */
export function chooseLocale(param: string | null | undefined, cookie: string | null | undefined): Locale {
  if (isLocale(param)) return param;
  if (isLocale(cookie)) return cookie;
  return baseLocale;
}

/** The current page's path and query with the language set: the language switch keeps the visitor's place. */
export function hrefWithLocale(url: Pick<URL, 'pathname' | 'search'>, locale: Locale): string {
  const params = new URLSearchParams(url.search);
  params.set(LANG_PARAM, locale);
  return `${url.pathname}?${params}`;
}
