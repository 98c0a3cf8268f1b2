/** The dashboard's words for API values (measures, gap flags, visibility levels, filter errors), in both languages. */
import { m } from '$lib/i18n/generated/messages.js';
import type { Gap } from './coverage';
import type { FilterError, Measure } from './filters';

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
  }
}
