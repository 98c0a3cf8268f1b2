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

describe('europeMapShapes(scope)', () => {
  const scoped = europeMapShapes(['DE', 'FR', 'GR', 'PT']);
  const byCode = new Map(scoped.countries.map((c) => [c.code, c]));

  it('zooms to the scope: its countries fill the frame, far countries are dropped', () => {
    for (const code of ['DE', 'FR', 'GR', 'PT']) {
      const c = byCode.get(code);
      expect(c, code).toBeDefined();
      expect(c!.x).toBeGreaterThan(0);
      expect(c!.x).toBeLessThan(scoped.width);
    }
    // Russia's far east and Iceland lie outside a map fitted to Portugal … Greece … Germany.
    expect(byCode.has('IS')).toBe(false);
    // France's overseas parts do not stretch the map: Portugal and Greece sit near the frame's edges.
    expect(byCode.get('PT')!.x).toBeLessThan(scoped.width * 0.2);
    expect(byCode.get('GR')!.x).toBeGreaterThan(scoped.width * 0.7);
  });

  it('answers the same shapes for the same scope in any order, and the whole extent without one', () => {
    expect(europeMapShapes(['PT', 'GR', 'FR', 'DE'])).toBe(scoped);
    expect(europeMapShapes([])).toEqual(europeMapShapes());
  });
});
