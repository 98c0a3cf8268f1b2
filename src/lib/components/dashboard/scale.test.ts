import { describe, expect, it } from 'vitest';
import { SEQUENTIAL, colourClass } from '$lib/components/maps/colour-scale';
import { legendClasses } from './scale';

describe('legendClasses', () => {
  it('gives one zero class when there is nothing to show', () => {
    expect(legendClasses(0, true)).toEqual([{ colour: SEQUENTIAL[0], from: 0, to: 0 }]);
  });

  it('covers 1…max with whole-number classes that agree with colourClass', () => {
    const classes = legendClasses(10, true);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 2],
      [3, 5],
      [6, 7],
      [8, 10]
    ]);
    for (const entry of classes.slice(1)) {
      const index = SEQUENTIAL.indexOf(entry.colour as (typeof SEQUENTIAL)[number]);
      for (let v = entry.from; v <= entry.to; v += 1) expect(colourClass(v, 10)).toBe(index);
    }
  });

  it('leaves out classes no whole number falls into', () => {
    // max 2: 1 is class 2, 2 is class 4 — classes 1 and 3 hold no count.
    expect(legendClasses(2, true).map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2]
    ]);
    expect(legendClasses(2, true).map((c) => c.colour)).toEqual([SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4]]);
  });

  it('uses exact bounds for amounts', () => {
    expect(legendClasses(1000, false).map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [0, 250],
      [250, 500],
      [500, 750],
      [750, 1000]
    ]);
  });
});
