import { parse } from 'csv-parse/sync';

/**
 * The 360Giving flat format: one grant per row, column titles such as "Recipient Org:Identifier" or
 * "Beneficiary Location:1:Country Code" (a number selects the item of a list; without one, the first). This
 * turns the rows back into the standard's JSON shape, so one schema validation and one mapping serve both
 * formats. Unknown titles are returned to be named in the report, not silently dropped.
 */

/** Titles of the flat format → JSON property names (the standard's own title mapping, for the fields we read). */
const PROPERTY_OF_TITLE: Record<string, string> = {
  Identifier: 'id',
  Title: 'title',
  Description: 'description',
  Currency: 'currency',
  'Amount Awarded': 'amountAwarded',
  'Award Date': 'awardDate',
  'Planned Dates': 'plannedDates',
  'Start Date': 'startDate',
  'End Date': 'endDate',
  'Duration (months)': 'duration',
  'Recipient Org': 'recipientOrganization',
  'Funding Org': 'fundingOrganization',
  Name: 'name',
  Country: 'addressCountry',
  'Charity Number': 'charityNumber',
  'Company Number': 'companyNumber',
  'Web Address': 'url',
  'Grant Programme': 'grantProgramme',
  Code: 'code',
  'Beneficiary Location': 'beneficiaryLocation',
  'Country Code': 'countryCode',
  Classifications: 'classifications',
  Vocabulary: 'vocabulary',
  'Data Source': 'dataSource',
  'Last Modified': 'dateModified'
};

const LIST_PROPERTIES = new Set([
  'plannedDates',
  'recipientOrganization',
  'fundingOrganization',
  'grantProgramme',
  'beneficiaryLocation',
  'classifications'
]);
const NUMBER_PROPERTIES = new Set(['amountAwarded', 'duration']);
const NUMBER = /^-?\d+(\.\d+)?$/;

type Path = (string | number)[];

/** The JSON path a column title stands for, or null when the title is not one we know. */
function pathOfTitle(title: string): Path | null {
  const path: Path = [];
  const parts = title.split(':').map((p) => p.trim());
  for (let i = 0; i < parts.length; i += 1) {
    const property = PROPERTY_OF_TITLE[parts[i]!];
    if (!property) return null;
    path.push(property);
    if (LIST_PROPERTIES.has(property)) {
      const index = parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]!) ? Number(parts[(i += 1)]) : 0;
      path.push(index);
    }
  }
  return path;
}

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < path.length - 1; i += 1) {
    const step = path[i]!;
    const next = (node as Record<string | number, unknown>)[step];
    const created = next ?? (typeof path[i + 1] === 'number' ? [] : {});
    (node as Record<string | number, unknown>)[step] = created;
    node = created as Record<string, unknown> | unknown[];
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}

export interface FlatRows {
  grants: Record<string, unknown>[];
  /** The physical line each grant starts on (header = line 1). */
  lines: number[];
  unknownColumns: string[];
}

/** Reads the flat CSV (UTF-8 text). Throws csv-parse's error (with its line) on broken CSV syntax. */
export function readFlatCsv(text: string): FlatRows {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
    info: true
  }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  if (records.length === 0) return { grants: [], lines: [], unknownColumns: [] };
  const header = records[0]!.record.map((t) => t.trim());
  const paths = header.map(pathOfTitle);
  const grants: Record<string, unknown>[] = [];
  const lines: number[] = [];
  let previousEnd = records[0]!.info.lines;
  for (const { record, info } of records.slice(1)) {
    const grant: Record<string, unknown> = {};
    record.forEach((cell, i) => {
      const path = paths[i];
      const value = cell.trim();
      if (!path || value === '') return;
      const property = path[path.length - 1] as string;
      setPath(grant, path, NUMBER_PROPERTIES.has(property) && NUMBER.test(value) ? Number(value) : value);
    });
    grants.push(grant);
    lines.push(previousEnd + 1);
    previousEnd = info.lines;
  }
  // Lists whose only item was given with a number ("…:1:…") keep no hole at 0: the schema would reject a hole.
  for (const grant of grants) {
    for (const property of LIST_PROPERTIES) {
      if (Array.isArray(grant[property])) grant[property] = (grant[property] as unknown[]).filter((x) => x != null);
    }
  }
  return { grants, lines, unknownColumns: header.filter((_, i) => paths[i] === null) };
}
