import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../src/lib/server/imports/columns';
import { generateDataset, toCsv, type Dataset } from './generator';

function hashes(dataset: Dataset): Record<string, string> {
  return Object.fromEntries(
    IMPORT_KINDS.map((kind) => [kind, createHash('sha256').update(toCsv(kind, dataset[kind])).digest('hex')])
  );
}

describe('generateDataset', () => {
  const first = generateDataset({ orgs: 300, seed: 42 });

  it('gives byte-identical CSV files for the same seed', () => {
    expect(hashes(generateDataset({ orgs: 300, seed: 42 }))).toEqual(hashes(first));
  });

  it('gives different files for another seed', () => {
    const other = hashes(generateDataset({ orgs: 300, seed: 43 }));
    for (const kind of IMPORT_KINDS) expect(other[kind]).not.toBe(hashes(first)[kind]);
  });

  it('has a heavy-tailed partnership degree, ~10 partnerships per organisation and a few isolated ones', () => {
    const large = generateDataset({ orgs: 2_000, seed: 7 });
    const degree = new Map<string, number>();
    for (const p of large.partnerships)
      for (const key of [p.org_a!, p.org_b!]) degree.set(key, (degree.get(key) ?? 0) + 1);
    const degrees = large.organizations.map((o) => degree.get(o.external_id!) ?? 0).sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    const max = degrees[degrees.length - 1]!;
    expect(max).toBeGreaterThan(5 * median);
    expect(large.partnerships.length / large.organizations.length).toBeGreaterThan(8);
    expect(large.partnerships.length / large.organizations.length).toBeLessThan(12);
    const isolated = degrees.filter((d) => d === 0).length / degrees.length;
    expect(isolated).toBeGreaterThan(0.02);
    expect(isolated).toBeLessThan(0.1);
  });

  it('never repeats a pair, never pairs an organisation with itself and keeps dates in 2012–2026', () => {
    const pairs = new Set<string>();
    for (const p of first.partnerships) {
      expect(p.org_a).not.toBe(p.org_b);
      const pair = [p.org_a, p.org_b].sort().join('|');
      expect(pairs.has(pair)).toBe(false);
      pairs.add(pair);
      expect(p.start_date! >= '2012-01-01' && p.start_date! <= '2026-06-30').toBe(true);
      if (p.end_date) expect(p.end_date >= p.start_date!).toBe(true);
    }
  });

  it('skews countries towards the large ones and keeps grants mostly in EUR', () => {
    const large = generateDataset({ orgs: 2_000, seed: 7 });
    const byCountry = new Map<string, number>();
    for (const o of large.organizations) byCountry.set(o.hq_country!, (byCountry.get(o.hq_country!) ?? 0) + 1);
    expect(byCountry.get('DE')!).toBeGreaterThan(5 * (byCountry.get('LU') ?? 0));
    expect(byCountry.size).toBeGreaterThanOrEqual(35);
    const eur = large.grants.filter((g) => g.Currency === 'EUR').length / large.grants.length;
    expect(eur).toBeGreaterThan(0.75);
  });
});
