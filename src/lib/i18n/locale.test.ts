import { describe, expect, it } from 'vitest';
import { chooseLocale, hrefWithLocale } from './locale';

describe('chooseLocale', () => {
  it('prefers an explicit ?lang= over the cookie', () => {
    expect(chooseLocale('de', 'en')).toBe('de');
    expect(chooseLocale('en', 'de')).toBe('en');
  });

  it('falls back to the cookie, then to English', () => {
    expect(chooseLocale(null, 'de')).toBe('de');
    expect(chooseLocale(undefined, undefined)).toBe('en');
  });

  it('ignores languages the Atlas does not have', () => {
    expect(chooseLocale('fr', 'de')).toBe('de');
    expect(chooseLocale('<script>', 'xx')).toBe('en');
  });
});

describe('hrefWithLocale', () => {
  it('keeps the path and other query parameters', () => {
    expect(hrefWithLocale(new URL('http://x/directory?q=asylum&lang=en'), 'de')).toBe('/directory?q=asylum&lang=de');
    expect(hrefWithLocale(new URL('http://x/'), 'en')).toBe('/?lang=en');
  });
});
