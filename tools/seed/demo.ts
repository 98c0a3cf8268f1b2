/**
 * The demo dataset a first-time user sees: ~300 fictional but plausible organisations across ~40 European
 * countries (local-language names where we have patterns, every theme in use), eleven networks, ten foundations
 * with their grants, and partnerships between them. The curated parts live in ./demo-data; they are combined
 * deterministically (fixed seed) and loaded through the CSV importer, so the demo passes the same validation as
 * any real import.
 */
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { getDb } from '../../src/lib/server/platform/db';
import { upsertReferenceData } from '../../prisma/reference/load';
import { themeTree } from '../../prisma/reference/themes';
import { IMPORT_ORDER } from '../../src/lib/server/imports/columns';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { formatReport } from '../../src/lib/server/imports/report';
import {
  COUNTRY_NAME,
  linkPartnerships,
  makeGrants,
  membershipCells,
  Names,
  organizationCells,
  pad,
  partnershipCells,
  pickThemes,
  sortDataset,
  toCsv,
  type Cells,
  type Dataset,
  type Org
} from './generator';
import { DEMO_FOUNDATIONS } from './demo-data/foundations';
import { LOCAL_NAMES } from './demo-data/local-names';
import { DEMO_NETWORKS } from './demo-data/networks';
import { PLACES, PLACE_BY_CODE, type Place } from './places';
import { Rng } from './random';
import {
  LEVELS_BY_TYPE,
  NAME_PATTERNS,
  THEME_AREAS,
  TYPE_WEIGHTS,
  type Level,
  type OrgType,
  type ThemeArea
} from './vocabulary';

const DEMO_SEED = 2026;
export const DEMO_SOURCE = 'Coalition Atlas demo data';
const LEVEL_ORDER: readonly Level[] = ['LOCAL', 'REGIONAL', 'NATIONAL', 'EUROPEAN', 'INTERNATIONAL'];
const AREA_BY_SLUG = new Map(THEME_AREAS.map((a) => [a.slug, a]));

class DemoBuilder {
  readonly rng = new Rng(DEMO_SEED);
  readonly names = new Names(DEMO_SEED);
  readonly orgs: Org[] = [];

  add(spec: {
    type: OrgType;
    place: Place;
    city: string;
    name: string;
    areas: ThemeArea[];
    levels?: Level[];
    founded?: number;
  }): Org {
    const { rng } = this;
    const levels = new Set<Level>(spec.levels ?? [rng.weighted(LEVELS_BY_TYPE[spec.type])]);
    if (!spec.levels && rng.chance(0.3)) levels.add(rng.weighted(LEVELS_BY_TYPE[spec.type]));
    const { name, slug } = this.names.unique(spec.name, spec.city);
    const org: Org = {
      index: this.orgs.length,
      key: `demo-org-${pad(this.orgs.length + 1, 3)}`,
      slug,
      name,
      type: spec.type,
      place: spec.place,
      city: spec.city,
      areas: spec.areas,
      themes: pickThemes(rng, spec.areas),
      levels: LEVEL_ORDER.filter((l) => levels.has(l)),
      founded: spec.founded ?? (spec.type === 'GRASSROOTS' ? rng.int(2014, 2023) : rng.int(1975, 2019)),
      community: `${spec.place.code}|${spec.areas[0]!.slug}`,
      degree: 0
    };
    this.orgs.push(org);
    return org;
  }

  extraAreas(primary: ThemeArea): ThemeArea[] {
    const areas = [primary];
    for (let k = this.rng.int(0, 2); k > 0; k -= 1) {
      const area = this.rng.weighted(THEME_AREAS.map((a) => [a, a.weight] as const));
      if (!areas.includes(area)) areas.push(area);
    }
    return areas;
  }
}

/** How many organisations each country gets: a floor of three, more where the field is larger. */
function orgsIn(place: Place): number {
  return Math.max(3, Math.round(place.weight * 2));
}

function addCountryOrganizations(b: DemoBuilder, place: Place): void {
  const { rng } = b;
  const local = LOCAL_NAMES[place.languages[0]!] ?? [];
  const usedNames = new Set<string>();
  const cityWeights = place.cities.map((c, i) => [c, 1 / (i + 1)] as const);
  // A few more attempts than organisations: a name drawn twice in one city is skipped, not numbered.
  for (let n = orgsIn(place), attempts = n * 3; n > 0 && attempts > 0; attempts -= 1) {
    const city = rng.weighted(cityWeights);
    let type: OrgType;
    let area: ThemeArea;
    let pattern: string;
    const localPattern = local.length > 0 && rng.chance(0.65) ? rng.pick(local) : undefined;
    if (localPattern) {
      [type, pattern] = localPattern;
      area = AREA_BY_SLUG.get(localPattern[2])!;
    } else {
      type = rng.weighted(TYPE_WEIGHTS.filter(([t]) => t !== 'FUNDER' && t !== 'NETWORK'));
      area = rng.weighted(THEME_AREAS.map((a) => [a, a.weight] as const));
      pattern = rng.pick(NAME_PATTERNS[type]);
    }
    const name = pattern
      .replace('{city}', city)
      .replace('{country}', COUNTRY_NAME.get(place.code)!)
      .replace('{focus}', rng.pick(area.focus))
      .replace('{cause}', rng.pick(area.causes));
    if (usedNames.has(name)) continue; // the same pattern twice in one city would read as a duplicate
    usedNames.add(name);
    b.add({ type, place, city, name, areas: b.extraAreas(area) });
    n -= 1;
  }
}

/** Adds every theme nobody works on yet to an organisation of its area, so every theme page has content. */
function coverAllThemes(b: DemoBuilder): void {
  const used = new Set(b.orgs.flatMap((o) => o.themes));
  for (const area of themeTree) {
    for (const slug of [area.slug, ...(area.children ?? []).map((c) => c.slug)]) {
      if (used.has(slug)) continue;
      const candidates = b.orgs.filter((o) => o.type !== 'FUNDER' && o.areas.some((a) => a.slug === area.slug));
      const org = candidates.length > 0 ? b.rng.pick(candidates) : b.rng.pick(b.orgs);
      org.themes = [...org.themes, slug].sort();
      used.add(slug);
    }
  }
}

/** The demo dataset in import format (deterministic: the same on every run). */
export function demoDataset(): Dataset {
  const b = new DemoBuilder();
  const { rng } = b;

  for (const f of DEMO_FOUNDATIONS) {
    b.add({
      type: 'FUNDER',
      place: PLACE_BY_CODE.get(f.country)!,
      city: f.city,
      name: f.name,
      areas: f.areas.map((slug) => AREA_BY_SLUG.get(slug)!),
      levels: f.european ? ['NATIONAL', 'EUROPEAN'] : ['NATIONAL'],
      founded: f.founded
    });
  }
  const secretariats = DEMO_NETWORKS.map((n) =>
    b.add({
      type: 'NETWORK',
      place: PLACE_BY_CODE.get(n.country)!,
      city: n.city,
      name: n.name,
      areas: b.extraAreas(AREA_BY_SLUG.get(n.area)!),
      levels: n.countries.length === 0 ? ['EUROPEAN'] : ['REGIONAL', 'EUROPEAN'],
      founded: rng.int(1995, 2018)
    })
  );
  for (const place of PLACES) addCountryOrganizations(b, place);
  coverAllThemes(b);

  const organizations = b.orgs.map((o) => organizationCells(rng, o)).map((cells) => ({ ...cells, archived_at: '' }));
  const edges = linkPartnerships(rng, b.orgs, 4, 0.04);
  const partnerships = edges.map(([x, y], i) => partnershipCells(rng, `demo-p-${pad(i + 1, 4)}`, x, y, DEMO_SOURCE));

  const networks: Cells[] = [];
  const memberships: Cells[] = [];
  DEMO_NETWORKS.forEach((n, i) => {
    const secretariat = secretariats[i]!;
    const key = `demo-net-${pad(i + 1, 2)}`;
    const candidates = b.orgs.filter(
      (o) =>
        o !== secretariat &&
        o.type !== 'FUNDER' &&
        o.areas.some((a) => a.slug === n.area) &&
        (n.countries.length === 0 || n.countries.includes(o.place.code))
    );
    const members = rng.sampleWeighted(candidates, (o) => o.degree + 1, Math.min(candidates.length, rng.int(12, 36)));
    networks.push({
      external_id: key,
      slug: secretariat.slug,
      name: n.name,
      description: n.description,
      website: `https://${secretariat.slug.slice(0, 40).replace(/-+$/, '')}.example.org`,
      secretariat: secretariat.key,
      archived_at: ''
    });
    memberships.push(
      ...membershipCells(rng, { cells: networks[networks.length - 1]!, members: [secretariat, ...members] })
    );
  });

  const grants = makeGrants(rng, b.orgs, 260, DEMO_SOURCE, '360G-demo');
  return sortDataset({ organizations, networks, 'network-memberships': memberships, partnerships, grants });
}

/**
 * On first run (no organisation yet): loads the reference data and the demo dataset, through the importer, with
 * outbox rows for the graph (the caller drains them). Returns whether it seeded.
 */
export async function seedDemoIfEmpty(log: (line: string) => void, db: PrismaClient = getDb()): Promise<boolean> {
  if ((await db.organization.findFirst({ select: { id: true } })) !== null) return false;
  await upsertReferenceData(db);
  const dataset = demoDataset();
  for (const kind of IMPORT_ORDER) {
    const report = await importCsv(kind, { text: toCsv(kind, dataset[kind]), name: `demo ${kind}` }, { db });
    // The demo is fixed data checked by tests: a rejection here is a bug, and an empty first run would hide it.
    if (!report.ok) throw new Error(`demo data rejected by the importer:\n${formatReport(report, 10)}`);
    log(`demo data: ${formatReport(report)}`);
  }
  return true;
}
