import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatEurShort, formatNumber } from '$lib/components/dashboard/format';
import { organizationCount } from '$lib/components/directory/labels';
import { displayName } from '$lib/components/directory/facet-options';

const OriginalNumberFormat = Intl.NumberFormat;
afterEach(() => {
  Intl.NumberFormat = OriginalNumberFormat;
});

/** Counts `new Intl.NumberFormat` from here on (a subclass stands in for the constructor). */
function countNumberFormats(): { made: number } {
  const counter = { made: 0 };
  Intl.NumberFormat = class extends OriginalNumberFormat {
    constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      super(...args);
      counter.made++;
    }
  } as typeof Intl.NumberFormat;
  return counter;
}

describe('Intl formatters', () => {
  it('are made once per language and options, however many values a page formats', () => {
    const counter = countNumberFormats();
    const first = Array.from({ length: 500 }, (_, i) => formatNumber(i * 1000, 'de'));
    for (let i = 0; i < 500; i++) formatNumber(i, 'en');
    expect(counter.made).toBe(2);
    expect(first[3]).toBe('3.000');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(counter.made).toBe(3);
  });

  it('format as the uncached constructors do', () => {
    expect(formatEurShort(1_250_000, 'en')).toBe(
      new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'EUR',
        notation: 'compact',
        maximumFractionDigits: 1
      }).format(1_250_000)
    );
    expect(formatDateTime('2026-12-07T18:05:00Z', 'de')).toBe('07.12.2026, 18:05 UTC');
    expect(organizationCount('en', 1)).toMatch(/^1 /);
    expect(displayName('de', 'region', 'gr')).toBe('Griechenland');
    expect(displayName('en', 'region', 'gr')).toBe('Greece');
  });
});
