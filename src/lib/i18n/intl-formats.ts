/**
 * Intl formatters, made once per language and options and reused. Constructing one costs far more than using it
 * (the locale data is resolved each time): the dashboard page formats every heatmap cell, and under
 * `npm run load` on the 20k data, `new Intl.NumberFormat` inside formatNumber was 12 % of the app's CPU.
 * Languages and options come from the code and the two site languages, so the caches stay small. A constructor
 * that throws (an unknown currency) caches nothing and throws to the caller, as before.
 */
type Cache<T> = Map<string, T>;

const numberFormats: Cache<Intl.NumberFormat> = new Map();
const dateTimeFormats: Cache<Intl.DateTimeFormat> = new Map();
const pluralRules: Cache<Intl.PluralRules> = new Map();
const displayNames: Cache<Intl.DisplayNames> = new Map();

function cached<T, O>(cache: Cache<T>, lang: string, options: O, make: () => T): T {
  const key = `${lang}|${JSON.stringify(options)}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export const numberFormat = (lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached(numberFormats, lang, options, () => new Intl.NumberFormat(lang, options));

export const dateTimeFormat = (lang: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  cached(dateTimeFormats, lang, options, () => new Intl.DateTimeFormat(lang, options));

export const pluralRulesOf = (lang: string): Intl.PluralRules =>
  cached(pluralRules, lang, {}, () => new Intl.PluralRules(lang));

export const displayNamesOf = (lang: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames =>
  cached(displayNames, lang, options, () => new Intl.DisplayNames([lang], options));
