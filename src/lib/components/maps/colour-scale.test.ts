import { describe, expect, it } from 'vitest';
import { GAP, NO_DATA, SEQUENTIAL, colourClass, textColourOn } from './colour-scale';

// WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('colour scale', () => {
  it('gives text on every class colour at least WCAG AA contrast (4.5:1)', () => {
    for (const background of [...SEQUENTIAL, GAP, NO_DATA]) {
      expect(contrast(background, textColourOn(background)), background).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('puts zero in the lightest class and the maximum in the darkest', () => {
    expect(colourClass(0, 10)).toBe(0);
    expect(colourClass(10, 10)).toBe(SEQUENTIAL.length - 1);
    expect(colourClass(1, 10)).toBe(1);
    expect(colourClass(5, 0)).toBe(0);
  });
});
