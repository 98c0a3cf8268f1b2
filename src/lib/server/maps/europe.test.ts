import { describe, expect, it } from 'vitest';
import { europeMapShapes } from './europe';

describe('europeMapShapes', () => {
  const shapes = europeMapShapes();
  const codes = new Set(shapes.countries.map((c) => c.code));

  it('draws every EU member state, the microstates as dots, and Kosovo', () => {
    const eu = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
    for (const code of [...eu, 'GB', 'NO', 'CH', 'UA', 'XK', 'LI', 'AD']) expect(codes, code).toContain(code);
    expect(shapes.countries.find((c) => c.code === 'MT')?.dot).toBe(true);
  });

  it('keeps every label anchor on the map and the path data small enough to send with a page', () => {
    for (const c of shapes.countries.filter((s) => ['DE', 'GR', 'PT', 'FI'].includes(s.code))) {
      expect(c.x).toBeGreaterThan(0);
      expect(c.x).toBeLessThan(shapes.width);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(shapes.height);
    }
    expect(JSON.stringify(shapes).length).toBeLessThan(40_000);
  });
});
