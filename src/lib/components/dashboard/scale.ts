/**
 * Legend entries for the colour classes of src/lib/components/maps/colour-scale.ts: what range of values each
 * colour stands for, so the heatmap's and the map's legends can say it in numbers.
 */
import { SEQUENTIAL, colourClass } from '$lib/components/maps/colour-scale';

export interface LegendClass {
  colour: string;
  /** Smallest and largest value of the class (class 0 is exactly 0). */
  from: number;
  to: number;
}

/**
 * `integer`: the values are counts, so a class covers whole numbers (1–2, 3–5 …) and classes no whole number
 * falls into are left out of the legend.
 */
export function legendClasses(max: number, integer: boolean): LegendClass[] {
  const zero = { colour: SEQUENTIAL[0], from: 0, to: 0 };
  if (max <= 0) return [zero];
  const steps = SEQUENTIAL.length - 1;
  const classes: LegendClass[] = [zero];
  for (let i = 1; i <= steps; i += 1) {
    const lower = ((i - 1) / steps) * max;
    const upper = (i / steps) * max;
    const from = integer ? Math.floor(lower) + 1 : lower;
    const to = integer ? Math.floor(upper) : upper;
    if (from > to || colourClass(to, max) !== i) continue;
    classes.push({ colour: SEQUENTIAL[i]!, from, to });
  }
  return classes;
}
