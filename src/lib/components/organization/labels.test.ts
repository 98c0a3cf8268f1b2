import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, languageName } from './labels';

describe('formatting for the organisation page', () => {
  it('formats money per locale, keeping cents only when there are some', () => {
    expect(formatMoney('25000.00', 'EUR', 'en')).toBe('€25,000');
    expect(formatMoney('25000.50', 'EUR', 'de')).toMatch(/^25\.000,50\s€$/);
    expect(formatMoney('oops', 'EUR', 'en')).toBe('oops EUR');
  });

  it('names languages in the visitor’s language and keeps unknown codes', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('el', 'de')).toBe('Griechisch');
    expect(languageName('not a code!', 'en')).toBe('not a code!');
  });

  it('shows a score as a whole percentage', () => {
    expect(formatPercent(0.724, 'en')).toBe('72%');
  });
});
