/**
 * "Who could form a coalition on these themes across these countries?" — a proposed membership covering the
 * requested countries, preferring organisations already tied to each other, with 2–3 alternatives.
 * Cypher fetches the bounded candidate set and the visible ties; the greedy choice runs in set-cover.ts.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { visibilityOf, type Viewer, type VisibilityParams } from '../auth/viewer';
import { readTx } from '../graph/driver';
import { visibilityParams } from '../graph/visibility';
import { COALITION_CANDIDATES, CHECK_COALITION_INPUT, TIES } from './coalition-query';
import { countryCodes, organizationIds, parseInput, themeSlugs, throwIfInvalid, unknownValues } from './input';
import type { OrganizationRef } from './recommend';
import { greedyCover, type CoverCandidate, type CoverResult } from './set-cover';
import { int, num } from './values';

/** Candidates kept per requested country: enough for alternatives, small enough for the loop to be instant. */
export const CANDIDATES_PER_COUNTRY = 25;
const ALTERNATIVES = 3;

export const CoalitionInput = z
  .object({
    themes: themeSlugs.refine((v) => v.length > 0, 'must name at least one theme'),
    countries: countryCodes.refine((v) => v.length > 0, 'must name at least one country'),
    size: z
      .number()
      .int('must be a whole number')
      .min(2, 'must be at least 2')
      .max(20, 'must be at most 20')
      .optional(),
    include: organizationIds.default([]),
    exclude: organizationIds.default([])
  })
  .superRefine((value, ctx) => {
    value.exclude.forEach((id, index) => {
      if (value.include.includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['exclude', index], message: `"${id}" is also in include` });
      }
    });
    if (value.size !== undefined && value.include.length > value.size) {
      ctx.addIssue({ code: 'custom', path: ['include'], message: `has more organisations than size (${value.size})` });
    }
  });
export type CoalitionInput = z.input<typeof CoalitionInput>;

export interface Coalition {
  members: { organization: OrganizationRef; coversCountries: string[] }[];
  /** Visible confirmed partnerships among the members, once per pair. */
  ties: { a: string; b: string }[];
  uncoveredCountries: string[];
  /** In [0, 1]: 0.6·coverage + 0.25·tie density + 0.15·mean thematic fit. */
  score: number;
}

export interface CoalitionProposal extends Coalition {
  alternatives: Coalition[];
}

export async function proposeCoalition(viewer: Viewer, input: CoalitionInput): Promise<CoalitionProposal> {
  const parsed = parseInput(CoalitionInput, input);
  return readTx((tx) => proposeInTx(tx, visibilityOf(viewer), parsed));
}

export async function proposeInTx(
  tx: ManagedTransaction,
  visibility: VisibilityParams,
  input: z.output<typeof CoalitionInput>
): Promise<CoalitionProposal> {
  const lists = { themes: input.themes, countries: input.countries, include: input.include, exclude: input.exclude };
  const check = (await tx.run(CHECK_COALITION_INPUT, lists)).records[0];
  throwIfInvalid([
    ...unknownValues('themes', input.themes, check.get('unknownThemes'), 'theme slug'),
    ...unknownValues('countries', input.countries, check.get('unknownCountries'), 'country code'),
    ...unknownValues('include', input.include, check.get('unknownIncluded'), 'organisation id')
  ]);

  const params = { ...lists, perCountry: int(CANDIDATES_PER_COUNTRY), ...visibilityParams(visibility) };
  const rows = (await tx.run(COALITION_CANDIDATES, params)).records;
  const refs = new Map<string, OrganizationRef>();
  const candidates: CoverCandidate[] = rows.map((r) => {
    refs.set(r.get('id'), { id: r.get('id'), slug: r.get('slug'), name: r.get('name') });
    return { id: r.get('id'), covers: r.get('covers'), degree: num(r.get('degree')), themeFit: num(r.get('themeFit')) };
  });
  const tieRows = (await tx.run(TIES, { ids: [...refs.keys()], ...visibilityParams(visibility) })).records;
  const ties = tieRows.map((r) => [r.get('a'), r.get('b')] as [string, string]);

  const base = { candidates, ties, countries: input.countries, include: input.include, size: input.size };
  const main = greedyCover(base);
  const alternatives = alternativesOf(main, base);
  const shape = (result: CoverResult) => toCoalition(result, candidates, ties, refs);
  return { ...shape(main), alternatives: alternatives.map(shape) };
}

/**
 * Re-runs the cover with the leading members of the previous solution excluded (cumulatively: the first
 * alternative drops the main proposal's first free pick, the second also drops the first alternative's …), so
 * each alternative is built around different organisations. Identical member sets are skipped.
 */
function alternativesOf(main: CoverResult, base: Parameters<typeof greedyCover>[0]): CoverResult[] {
  const seen = new Set([key(main.members)]);
  const out: CoverResult[] = [];
  const excluded: string[] = [];
  let previous = main;
  for (let attempt = 0; attempt < ALTERNATIVES * 2 && out.length < ALTERNATIVES; attempt++) {
    const lead = previous.members.find((id) => !base.include.includes(id) && !excluded.includes(id));
    if (!lead) break;
    excluded.push(lead);
    const next = greedyCover({ ...base, exclude: excluded });
    if (next.members.length === 0) break;
    previous = next;
    if (seen.has(key(next.members))) continue;
    seen.add(key(next.members));
    out.push(next);
  }
  return out;
}

const key = (members: string[]) => [...members].sort().join(' ');

function toCoalition(
  result: CoverResult,
  candidates: CoverCandidate[],
  ties: [string, string][],
  refs: Map<string, OrganizationRef>
): Coalition {
  const members = new Set(result.members);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    members: result.members.map((id) => ({ organization: refs.get(id)!, coversCountries: byId.get(id)?.covers ?? [] })),
    ties: ties.filter(([a, b]) => members.has(a) && members.has(b)).map(([a, b]) => ({ a, b })),
    uncoveredCountries: result.uncovered,
    score: result.score
  };
}
