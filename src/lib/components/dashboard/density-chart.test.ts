import { describe, expect, it } from 'vitest';
import { CHART, densityChart } from './density-chart';

describe('densityChart', () => {
  it('spans the plot from the first to the last year and rounds the y axis up', () => {
    const chart = densityChart([
      { year: 2020, density: 0 },
      { year: 2021, density: 0.013 },
      { year: 2022, density: 0.017 }
    ]);
    expect(chart.yMax).toBe(0.02);
    expect(chart.points[0]).toMatchObject({ x: CHART.left, y: CHART.height - CHART.bottom });
    expect(chart.points[2]!.x).toBe(CHART.width - CHART.right);
    // 0.017 of 0.02 is 85 % of the plot's height above the axis.
    const plotH = CHART.height - CHART.top - CHART.bottom;
    expect(chart.points[2]!.y).toBeCloseTo(CHART.top + plotH * 0.15);
    expect(chart.xTicks).toEqual([2020, 2021, 2022]);
  });

  it('keeps at most about six year labels, always the last year', () => {
    const years = Array.from({ length: 20 }, (_, i) => ({ year: 2007 + i, density: i / 1000 }));
    const ticks = densityChart(years).xTicks;
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.at(-1)).toBe(2026);
  });

  it('draws a flat network on a 0…1 axis instead of dividing by zero', () => {
    const chart = densityChart([{ year: 2024, density: 0 }]);
    expect(chart.yMax).toBe(1);
    expect(chart.points[0]!.x).toBe(CHART.left);
    expect(Number.isFinite(chart.points[0]!.y)).toBe(true);
  });
});
