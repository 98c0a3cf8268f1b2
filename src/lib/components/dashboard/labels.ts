/** The dashboard's words for API values (measures, gap flags, visibility levels, filter errors), in both languages. */
import { m } from '$lib/i18n/generated/messages.js';
import type { Gap, GapEntry } from './coverage';
import type { FilterError, Measure } from './filters';
import type { RegionOrOther } from './regions';

export function measureLabel(measure: Measure): string {
  if (measure === 'organizations') return m.dash_measure_organizations();
  if (measure === 'ties') return m.dash_measure_ties();
  return m.dash_measure_money();
}

export function gapLabel(gap: Gap): string {
  if (gap === 'NONE') return m.dash_gap_none();
  if (gap === 'THIN') return m.dash_gap_thin();
  return m.dash_gap_isolated();
}

/**
 * A gap's severity in words (docs/decisions/0014): its tier (empty, thin, isolated) and its reach, the number of
 * the other countries in scope where organisations work on the theme. `others` is that number of other countries;
 * the reach is read back from the API's severity (tier + share), not recomputed.
 */
export function severityWords(
  gap: Pick<GapEntry, 'gaps' | 'severity'>,
  others: number
): { tier: string; reach: string } {
  const tier = gap.gaps.includes('NONE') ? 2 : gap.gaps.includes('THIN') ? 1 : 0;
  const words = [m.dash_gaplist_tier_isolated, m.dash_gaplist_tier_thin, m.dash_gaplist_tier_empty][tier]!();
  const alsoIsolated = tier === 1 && gap.gaps.includes('ISOLATED') ? m.dash_gaplist_also_isolated() : '';
  const count = Math.round(((gap.severity ?? tier) - tier) * others);
  return {
    tier: alsoIsolated ? `${words}, ${alsoIsolated}` : words,
    reach: m.dash_gaplist_reach({ count: String(count), total: String(others) })
  };
}

export function regionLabel(region: RegionOrOther): string {
  if (region === 'north') return m.dash_gaplist_region_north();
  if (region === 'west') return m.dash_gaplist_region_west();
  if (region === 'south') return m.dash_gaplist_region_south();
  if (region === 'east') return m.dash_gaplist_region_east();
  return m.dash_gaplist_region_other();
}

/** A symbol per gap so that gaps are never told by colour alone (the legend and hidden text name them). */
export const GAP_SYMBOL: Record<Gap, string> = { NONE: '∅', THIN: '△', ISOLATED: '◇' };

export function visibilityNote(level: 'PUBLIC' | 'MEMBERS' | 'ADMIN'): string {
  if (level === 'PUBLIC') return m.dash_visibility_public();
  if (level === 'MEMBERS') return m.dash_visibility_members();
  return m.dash_visibility_admin();
}

export function filterErrorText(
  error: FilterError,
  context: { min: number; max: number; from: number | null }
): string {
  switch (error.code) {
    case 'slug':
      return m.dash_error_slug();
    case 'year':
      return m.dash_error_year({ min: String(context.min), max: String(context.max) });
    case 'order':
      return m.dash_error_order({ from: String(context.from ?? '') });
    case 'choice':
      return m.dash_error_choice();
    case 'unknown_funder':
      return m.dash_error_unknown_funder();
    case 'page':
      return m.dash_gaplist_error_page();
    case 'unknown_theme':
      return m.dashmap_error_unknown_theme();
  }
}
