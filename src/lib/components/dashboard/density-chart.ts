/** Geometry of the density line chart: points in a fixed viewBox, y from 0 to a rounded-up maximum. */
export interface DensityPoint {
  year: number;
  density: number;
}

export interface ChartGeometry {
  points: { x: number; y: number; year: number; density: number }[];
  /** Top of the y axis (a "nice" number ≥ the largest density). */
  yMax: number;
  yTicks: number[];
  xTicks: number[];
}

export const CHART = { width: 640, height: 220, left: 56, right: 12, top: 12, bottom: 28 } as const;

function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}

export function densityChart(years: readonly DensityPoint[]): ChartGeometry {
  const yMax = niceCeiling(Math.max(0, ...years.map((y) => y.density)));
  const first = years[0]?.year ?? 0;
  const last = years.at(-1)?.year ?? first;
  const span = Math.max(1, last - first);
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const x = (year: number) => CHART.left + ((year - first) / span) * plotW;
  const y = (density: number) => CHART.top + plotH - (density / yMax) * plotH;
  const every = Math.max(1, Math.ceil(years.length / 6));
  return {
    points: years.map((p) => ({ x: x(p.year), y: y(p.density), year: p.year, density: p.density })),
    yMax,
    yTicks: [0, yMax / 2, yMax],
    xTicks: years.filter((_, i) => i % every === 0 || i === years.length - 1).map((p) => p.year)
  };
}
