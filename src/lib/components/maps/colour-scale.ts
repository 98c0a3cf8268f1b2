/**
 * Colour classes for maps and heatmaps: ColorBrewer's sequential "Blues" (colour-blind safe), five classes, and a
 * diverging red for gaps. Classes, not a continuous ramp, so a legend can name what each colour means.
 */
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA = '#e4e4e7';
export const GAP = '#a63603';

/** Class index 0–4 of `value` on a 0…max scale (0 → class 0; max → class 4). */
export function colourClass(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(SEQUENTIAL.length - 1, Math.ceil((value / max) * (SEQUENTIAL.length - 1)));
}

export function sequentialColour(value: number | null | undefined, max: number): string {
  if (value === null || value === undefined) return NO_DATA;
  return SEQUENTIAL[colourClass(value, max)]!;
}

/** Text that stays readable on a class colour (WCAG AA contrast): dark on the light classes, white on dark ones. */
export function textColourOn(background: string): string {
  // Pure black: the house text colour (#1f2328) reaches only 3.8:1 on the fourth blue.
  return background === SEQUENTIAL[4] || background === GAP ? '#ffffff' : '#000000';
}
