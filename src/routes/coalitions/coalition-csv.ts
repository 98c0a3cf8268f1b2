/**
 * The coalition builder's CSV: one row per member of the proposal and of each alternative, with the countries the
 * member covers, the members it is tied to and the coalition's gaps — missing themes, missing countries and every
 * missing (theme, country) cell — so a spreadsheet can filter by coalition. Themes are slugs and countries ISO
 * codes (stable across languages, like the import/export formats in docs/data-formats.md); a cell is `theme:CC`.
 */
import { csvLine, joinList } from '$lib/server/exports/csv-writer';
import { summarise, tiesByMember, type CoalitionData } from '$lib/components/coalition/coverage';

export const COALITION_CSV_COLUMNS = [
  'coalition',
  'position',
  'organization',
  'slug',
  'profile_url',
  'covers_countries',
  'tied_with',
  'coalition_gaps',
  'coalition_missing_themes',
  'coalition_missing_cells',
  'coalition_cells_covered'
] as const;

export function coalitionCsv(
  coalitions: { label: string; coalition: CoalitionData }[],
  requested: readonly string[],
  origin: string
): string {
  let text = csvLine(COALITION_CSV_COLUMNS);
  for (const { label, coalition } of coalitions) {
    const summary = summarise(coalition, requested);
    const gaps = joinList(summary.gaps);
    const missingThemes = joinList(summary.themeGaps);
    const missingCells = joinList(
      coalition.cells.filter((c) => !c.covered).map((c) => `${c.theme.slug}:${c.country.code}`)
    );
    const cellsCovered = `${summary.cellsCovered}/${summary.cellsRequested}`;
    const ties = tiesByMember(coalition);
    coalition.members.forEach((member, index) => {
      const org = member.organization;
      text += csvLine(
        [
          label,
          index + 1,
          org.name,
          org.slug,
          `${origin}/organizations/${encodeURIComponent(org.slug)}`,
          joinList(member.coversCountries.map((c) => c.code)),
          joinList(ties.get(org.id)),
          gaps,
          missingThemes,
          missingCells,
          cellsCovered
        ],
        COALITION_CSV_COLUMNS
      );
    });
  }
  return text;
}

/** e.g. coalition-legal-aid-housing-de-gr-it.csv: says what it holds, safe in every file system. */
export function coalitionFilename(themes: readonly string[], countries: readonly string[]): string {
  const words = [...themes, ...countries]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  const trimmed = words.slice(0, 80).replace(/-+$/, '');
  return `coalition-${trimmed || 'proposal'}.csv`;
}
