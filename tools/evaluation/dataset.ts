/**
 * Reads the organisation and partnership CSVs of the import format (docs/data-formats.md, columns in
 * src/lib/server/imports/columns.ts) for the offline evaluation. Lenient where the importer is strict: the
 * evaluation must run on sparse or partial data, so missing optional columns, unknown theme slugs and country
 * codes are dropped (and counted) instead of rejecting the file; defaults are the importer's (status CONFIRMED,
 * visibility MEMBERS).
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { countries } from '../../prisma/reference/countries';
import { themeRows } from '../../prisma/reference/themes';
import { enumCell, enumList, list } from '../../src/lib/server/imports/cells';

export interface EvalOrganization {
  id: string;
  slug: string;
  name: string;
  type: string;
  themes: string[];
  countries: string[];
  hqCountry: string | null;
  levels: string[];
  languages: string[];
  foundedYear: number | null;
  /** 'YYYY-MM-DD…' or null. */
  archivedAt: string | null;
}

export interface EvalPartnership {
  id: string;
  a: string;
  b: string;
  kind: string;
  status: string;
  visibility: string;
  startDate: string | null;
  endDate: string | null;
  themes: string[];
}

export interface DatasetWarnings {
  unknownThemes: number;
  unknownCountries: number;
  /** Partnership rows naming an organisation missing from the organisations file (skipped). */
  danglingPartnerships: number;
  selfPartnerships: number;
}

const THEME_IDS = new Set(themeRows().map((t) => t.id));
const COUNTRY_CODES = new Set(countries.map((c) => c.code));
const LEVELS = new Set(['LOCAL', 'REGIONAL', 'NATIONAL', 'EUROPEAN', 'INTERNATIONAL']);
const STATUSES = new Set(['PROPOSED', 'CONFIRMED', 'DECLINED', 'ENDED']);
const VISIBILITIES = new Set(['PUBLIC', 'MEMBERS', 'PRIVATE']);

async function* rows(path: string): AsyncGenerator<Record<string, string>> {
  // Large public networks ship gzipped (the FP7 partnerships are over the importer's default size limit unzipped).
  const input = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const parser = input.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }));
  for await (const row of parser) yield row as Record<string, string>;
}

function date(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

export async function readDataset(organizationsPath: string, partnershipsPath: string) {
  const warnings: DatasetWarnings = {
    unknownThemes: 0,
    unknownCountries: 0,
    danglingPartnerships: 0,
    selfPartnerships: 0
  };
  const known = <T>(values: T[], set: Set<T>, counter: keyof DatasetWarnings) => {
    const kept = values.filter((v) => set.has(v));
    warnings[counter] += values.length - kept.length;
    return kept;
  };

  const organizations: EvalOrganization[] = [];
  for await (const row of rows(organizationsPath)) {
    const id = row.external_id?.trim();
    if (!id) continue;
    const hq = row.hq_country?.trim().toUpperCase() || null;
    const founded = Number(row.founded_year);
    organizations.push({
      id,
      slug: row.slug?.trim() || id.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name: row.name?.trim() || id,
      type: enumCell(row.type) ?? 'OTHER',
      themes: known(
        list(row.themes).map((s) => s.toLowerCase()),
        THEME_IDS,
        'unknownThemes'
      ),
      countries: known(
        list(row.countries).map((c) => c.toUpperCase()),
        COUNTRY_CODES,
        'unknownCountries'
      ),
      hqCountry: hq && COUNTRY_CODES.has(hq) ? hq : null,
      levels: enumList(row.levels).filter((l) => LEVELS.has(l)),
      languages: list(row.languages).map((l) => l.toLowerCase()),
      foundedYear: Number.isInteger(founded) && founded > 0 ? founded : null,
      archivedAt: date(row.archived_at)
    });
  }

  const ids = new Set(organizations.map((o) => o.id));
  // Import files may reference organisations as `atlas:<internal id>`; the evaluation only knows external ids.
  const partnerships: EvalPartnership[] = [];
  for await (const row of rows(partnershipsPath)) {
    const a = row.org_a?.trim();
    const b = row.org_b?.trim();
    if (!a || !b || !ids.has(a) || !ids.has(b)) {
      warnings.danglingPartnerships++;
      continue;
    }
    if (a === b) {
      warnings.selfPartnerships++;
      continue;
    }
    const status = enumCell(row.status) ?? 'CONFIRMED';
    const visibility = enumCell(row.visibility) ?? 'MEMBERS';
    partnerships.push({
      id: row.external_id?.trim() || `row-${partnerships.length + 1}`,
      a,
      b,
      kind: enumCell(row.kind) ?? 'PROJECT',
      status: STATUSES.has(status) ? status : 'CONFIRMED',
      visibility: VISIBILITIES.has(visibility) ? visibility : 'MEMBERS',
      startDate: date(row.start_date),
      endDate: date(row.end_date),
      themes: list(row.themes).filter((t) => THEME_IDS.has(t))
    });
  }
  return { organizations, partnerships, warnings };
}
