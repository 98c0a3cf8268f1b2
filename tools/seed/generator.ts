/**
 * A deterministic synthetic ecosystem for load tests, demos and evaluation: the same seed and size always give
 * byte-identical CSV files (in the import format, so they go through the same importer as real data).
 *
 * Shape, chosen to look like the real field rather than uniform noise:
 * - organisation types and countries skewed (many NGOs; many in DE, FR, IT, ES, GR …, a long tail across ~40
 *   European countries); theme areas skewed, each organisation on 1–3 areas, mostly on their sub-themes;
 * - partnerships by preferential attachment (well-connected organisations attract more partners: a heavy-tailed
 *   degree distribution), mostly inside communities of the same country and theme area, then the same country,
 *   then anywhere; ~10 partnerships per organisation; ~5% isolated organisations;
 * - partnerships start between 2012 and mid-2026, some ended, a few proposed or declined; mostly PUBLIC, some
 *   MEMBERS, a few PRIVATE;
 * - national and pan-European networks with heavy-tailed membership; foundations giving grants (mostly EUR,
 *   lognormal amounts) to organisations in their countries and theme areas.
 * Randomness comes only from pure-rand (seeded) and faker (seeded, European locales): never from the clock.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Faker, allLocales, en, base, type LocaleDefinition } from '@faker-js/faker';
import { countries as referenceCountries } from '../../prisma/reference/countries';
import { themeTree } from '../../prisma/reference/themes';
import { byKey, csvLine } from '../../src/lib/server/exports/csv-writer';
import { slugify } from '../../src/lib/server/imports/cells';
import { COLUMNS, FILE_NAMES, IMPORT_KINDS, type ImportKind } from '../../src/lib/server/imports/columns';
import { NEAR, PLACES, type Place } from './places';
import { Rng } from './random';
import {
  GRANT_PROGRAMMES,
  LEVELS_BY_TYPE,
  LEVEL_PHRASE,
  NAME_PATTERNS,
  PARTNERSHIP_TITLES,
  THEME_AREAS,
  TYPE_PHRASE,
  TYPE_WEIGHTS,
  type Level,
  type OrgType,
  type ThemeArea
} from './vocabulary';

export interface GeneratorOptions {
  orgs: number;
  seed: number;
  /** Partnership rows per organisation (default 10: 20k organisations → ~200k partnerships). */
  partnershipsPerOrg?: number;
  /** Share of organisations without any partnership (default 0.05). */
  isolatedShare?: number;
}

export type Cells = Record<string, string>;
export type Dataset = Record<ImportKind, Cells[]>;

/** Latest date anything happens: fixed, so the output never depends on when the generator runs. */
const LAST_DAY = Date.UTC(2026, 5, 30);
const FIRST_DAY = Date.UTC(2012, 0, 1);
const DAY = 86_400_000;
const LEVEL_ORDER: readonly Level[] = ['LOCAL', 'REGIONAL', 'NATIONAL', 'EUROPEAN', 'INTERNATIONAL'];

export const COUNTRY_NAME: ReadonlyMap<string, string> = new Map(referenceCountries.map((c) => [c.code, c.nameEn]));
const THEME_NAME = new Map<string, string>();
const SUBTHEMES = new Map<string, string[]>();
for (const node of themeTree) {
  THEME_NAME.set(node.slug, node.nameEn);
  SUBTHEMES.set(
    node.slug,
    (node.children ?? []).map((c) => c.slug)
  );
  for (const child of node.children ?? []) THEME_NAME.set(child.slug, child.nameEn);
}

export interface Org {
  index: number;
  key: string;
  slug: string;
  name: string;
  type: OrgType;
  place: Place;
  city: string;
  areas: ThemeArea[];
  themes: string[];
  levels: Level[];
  founded: number;
  community: string;
  degree: number;
}

const FUNDING_MODES = [
  'multi-year core grants',
  'project grants and capacity building',
  'small grants for grassroots groups',
  'pooled funds with other foundations'
];

const NETWORK_ACTIVITIES = [
  'runs an annual conference',
  'publishes joint position papers',
  'organises peer-learning visits',
  'maintains a shared referral directory',
  'trains member organisations in advocacy'
];

/** ['a', 'b', 'c'] → "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Advocacy at EU level" → "advocacy at EU level" (acronyms keep their capitals). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

const SMALL_WORDS = new Set(['and', 'of', 'on', 'in', 'for', 'the', 'to', 'at']);
/** "Social cohesion and inclusion" → "Social Cohesion and Inclusion", for names. */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A date between `from` and LAST_DAY, skewed towards recent years (more activity lately, as in real data). */
export function recentDay(rng: Rng, from = FIRST_DAY, skew = 0.7): number {
  const span = Math.max(LAST_DAY - from, DAY);
  return from + Math.floor(rng.float() ** skew * (span / DAY)) * DAY;
}

function fakerFor(locale: string, seed: number): Faker {
  const definition = (allLocales as Record<string, LocaleDefinition>)[locale] ?? en;
  const faker = new Faker({ locale: [definition, en, base] });
  faker.seed(seed);
  return faker;
}

const LATIN = /^[\p{Script=Latin}' -]+$/u;

export class Names {
  private readonly fakers = new Map<string, Faker>();
  private readonly fallback: Faker;
  private readonly usedSlugs = new Set<string>();
  private readonly usedNames = new Set<string>();

  constructor(seed: number) {
    this.fallback = fakerFor('en_GB', seed);
    // One faker per locale, each seeded from the run's seed: creation order is fixed, so output is too.
    for (const [i, place] of PLACES.entries()) {
      if (!this.fakers.has(place.fakerLocale))
        this.fakers.set(place.fakerLocale, fakerFor(place.fakerLocale, seed * 101 + i));
    }
  }

  surname(place: Place): string {
    const name = this.fakers.get(place.fakerLocale)!.person.lastName();
    return LATIN.test(name) ? name : this.fallback.person.lastName();
  }

  /** A unique name (a city or number is added on a clash) and its unique slug. */
  unique(name: string, city: string): { name: string; slug: string } {
    let candidate = name;
    for (let n = 2; this.usedNames.has(candidate); n += 1)
      candidate = n === 2 && !name.includes(city) ? `${name} ${city}` : `${name} ${n}`;
    this.usedNames.add(candidate);
    const base = slugify(candidate, 'organisation');
    let slug = base;
    for (let n = 2; this.usedSlugs.has(slug); n += 1) slug = `${base}-${n}`;
    this.usedSlugs.add(slug);
    return { name: candidate, slug };
  }
}

function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function pickThemes(rng: Rng, areas: ThemeArea[]): string[] {
  const themes = new Set<string>();
  for (const [i, area] of areas.entries()) {
    const children = SUBTHEMES.get(area.slug) ?? [];
    if (children.length === 0 || rng.chance(0.25)) themes.add(area.slug);
    // Zipf-like: the first sub-themes of an area are the common ones.
    const count = i === 0 ? rng.int(1, 2) : 1;
    for (let k = 0; k < count && children.length > 0; k += 1) {
      themes.add(rng.weighted(children.map((c, j) => [c, 1 / (j + 1)] as const)));
    }
  }
  return [...themes].sort();
}

function makeOrganizations(rng: Rng, names: Names, count: number): Org[] {
  const placeWeights = PLACES.map((p) => [p, p.weight] as const);
  const areaWeights = THEME_AREAS.map((a) => [a, a.weight] as const);
  const orgs: Org[] = [];
  for (let index = 0; index < count; index += 1) {
    const type = rng.weighted(TYPE_WEIGHTS);
    const place = rng.weighted(placeWeights);
    // Capitals and large cities host most organisations.
    const city = rng.weighted(place.cities.map((c, i) => [c, 1 / (i + 1)] as const));
    const areas: ThemeArea[] = [rng.weighted(areaWeights)];
    const extra =
      type === 'NETWORK' || type === 'FUNDER' || type === 'RESEARCH'
        ? rng.int(1, 2)
        : rng.weighted([
            [0, 3],
            [1, 4],
            [2, 2]
          ] as const);
    for (let k = 0; k < extra; k += 1) {
      const area = rng.weighted(areaWeights);
      if (!areas.includes(area)) areas.push(area);
    }
    const levelCount = rng.chance(0.35) ? 2 : 1;
    const levels = new Set<Level>();
    for (let k = 0; k < levelCount; k += 1) levels.add(rng.weighted(LEVELS_BY_TYPE[type]));
    const founded =
      type === 'GRASSROOTS' ? rng.int(2012, 2024) : Math.max(1950, 2024 - Math.floor(74 * rng.float() ** 1.8));
    const pattern = rng.pick(NAME_PATTERNS[type]);
    const raw = fillPattern(pattern, {
      city,
      country: COUNTRY_NAME.get(place.code)!,
      focus: rng.pick(areas[0]!.focus),
      cause: rng.pick(areas[0]!.causes),
      surname: pattern.includes('{surname}') ? names.surname(place) : ''
    });
    const { name, slug } = names.unique(raw, city);
    orgs.push({
      index,
      key: `gen-org-${pad(index + 1, 6)}`,
      slug,
      name,
      type,
      place,
      city,
      areas,
      themes: pickThemes(rng, areas),
      levels: LEVEL_ORDER.filter((l) => levels.has(l)),
      founded,
      community: `${place.code}|${areas[0]!.slug}`,
      degree: 0
    });
  }
  return orgs;
}

function operatingCountries(rng: Rng, org: Org): string[] {
  const codes = new Set([org.place.code]);
  const wide = org.levels.includes('EUROPEAN') || org.levels.includes('INTERNATIONAL');
  const national = org.levels.includes('NATIONAL');
  const near = NEAR[org.place.code] ?? [];
  const extra = wide ? rng.int(2, 6) : national && rng.chance(0.3) ? 1 : 0;
  for (let k = 0; k < extra; k += 1) {
    const code =
      wide && rng.chance(0.5)
        ? rng.weighted(PLACES.map((p) => [p.code, p.weight] as const))
        : near.length
          ? rng.pick(near)
          : org.place.code;
    codes.add(code);
  }
  return [...codes].sort();
}

export function describe(rng: Rng, org: Org): string {
  const themeNames = org.themes.slice(0, 2).map((t) => lowerFirst(THEME_NAME.get(t)!));
  const where = `${org.city}, ${COUNTRY_NAME.get(org.place.code)}`;
  const levels = org.levels.map((l) => LEVEL_PHRASE[l]).join(' and ');
  if (org.type === 'FUNDER') {
    const areas = org.areas.map((a) => lowerFirst(THEME_NAME.get(a.slug)!));
    const reach = org.levels.includes('EUROPEAN') ? 'across Europe' : `in ${COUNTRY_NAME.get(org.place.code)}`;
    return (
      `${org.name} is a ${TYPE_PHRASE[org.type]} based in ${where}. Since ${org.founded} it has supported civil society ${reach} ` +
      `working on ${joinAnd(areas)}, through ${rng.pick(FUNDING_MODES)}.`
    );
  }
  return (
    `${org.name} is a ${TYPE_PHRASE[org.type]} based in ${where}, working on ${themeNames.join(' and ')}. ` +
    `Founded in ${org.founded}, it ${rng.pick(org.areas[0]!.activities)}. It works ${levels}.`
  );
}

function staffSize(rng: Rng, type: OrgType): string {
  if (type === 'GRASSROOTS')
    return rng.weighted([
      ['VOLUNTEERS_ONLY', 6],
      ['MICRO', 3]
    ] as const);
  if (type === 'PUBLIC_BODY' || type === 'FUNDER')
    return rng.weighted([
      ['SMALL', 3],
      ['MEDIUM', 3],
      ['LARGE', 1]
    ] as const);
  return rng.weighted([
    ['MICRO', 5],
    ['SMALL', 4],
    ['MEDIUM', 2],
    ['LARGE', 0.5]
  ] as const);
}

function budgetBand(rng: Rng, type: OrgType): string {
  if (type === 'GRASSROOTS')
    return rng.weighted([
      ['UNDER_50K', 8],
      ['FROM_50K_TO_250K', 2]
    ] as const);
  if (type === 'FUNDER')
    return rng.weighted([
      ['FROM_1M_TO_5M', 3],
      ['OVER_5M', 3]
    ] as const);
  return rng.weighted([
    ['UNDER_50K', 2],
    ['FROM_50K_TO_250K', 4],
    ['FROM_250K_TO_1M', 3],
    ['FROM_1M_TO_5M', 1.5],
    ['OVER_5M', 0.3]
  ] as const);
}

/** International format (+…): the one leading "+" the importer accepts, in contact_phone only (see cells.ts). */
function phone(rng: Rng, place: Place): string {
  return `${place.dial} ${rng.int(10, 99)} ${pad(rng.int(0, 9_999_999), 7)}`;
}

export function organizationCells(rng: Rng, org: Org): Cells {
  const languages = [...org.place.languages.slice(0, org.levels.includes('LOCAL') ? 1 : 2)];
  if (!languages.includes('en') && (org.levels.some((l) => l !== 'LOCAL') ? rng.chance(0.7) : rng.chance(0.2)))
    languages.push('en');
  const domain = `${org.slug.slice(0, 40).replace(/-+$/, '')}.example.org`;
  const hasPhone = rng.chance(0.6);
  const archived = rng.chance(0.01);
  return {
    external_id: org.key,
    slug: org.slug,
    name: org.name,
    type: org.type,
    description: describe(rng, org),
    website: `https://${domain}`,
    founded_year: String(org.founded),
    hq_country: org.place.code,
    hq_city: org.city,
    countries: operatingCountries(rng, org).join(';'),
    levels: org.levels.join(';'),
    themes: org.themes.join(';'),
    languages: languages.join(';'),
    staff_size: staffSize(rng, org.type),
    budget_band: budgetBand(rng, org.type),
    contact_email: `info@${domain}`,
    contact_email_visibility: rng.weighted([
      ['PUBLIC', 4],
      ['MEMBERS', 5],
      ['PRIVATE', 1]
    ] as const),
    contact_phone: hasPhone ? phone(rng, org.place) : '',
    contact_phone_visibility: hasPhone
      ? rng.weighted([
          ['PUBLIC', 2],
          ['MEMBERS', 6],
          ['PRIVATE', 2]
        ] as const)
      : 'MEMBERS',
    logo_url: '',
    archived_at: archived
      ? new Date(recentDay(rng, Date.UTC(2020, 0, 1)) + rng.int(0, 86_399) * 1000).toISOString()
      : ''
  };
}

/**
 * Preferential attachment in arrival order: each arriving organisation proposes ~`perOrg` partnerships to
 * organisations already there, picking each partner from an "endpoint" list (every organisation once, plus once
 * per partnership it has), so that the chance of being picked grows with the number of partners.
 */
export function linkPartnerships(rng: Rng, orgs: Org[], perOrg: number, isolatedShare: number): [Org, Org][] {
  const active = rng.shuffle(orgs.filter(() => !rng.chance(isolatedShare)));
  const global: number[] = [];
  const byCommunity = new Map<string, number[]>();
  const byCountry = new Map<string, number[]>();
  const pool = <K>(map: Map<K, number[]>, key: K) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  };
  const seen = new Set<number>();
  const n = orgs.length;
  const edges: [Org, Org][] = [];
  // Early arrivals find fewer partners than they ask for (few organisations exist yet): ask for a little more.
  const meanLinks = (perOrg / Math.max(1 - isolatedShare, 0.01)) * 1.07;
  const addEndpoint = (o: Org) => {
    global.push(o.index);
    pool(byCommunity, o.community).push(o.index);
    pool(byCountry, o.place.code).push(o.index);
  };

  for (const org of active) {
    const links = Math.min(1 + Math.floor(rng.exponential(meanLinks - 1)), 200, global.length);
    for (let k = 0; k < links; k += 1) {
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const r = rng.float();
        const candidates = r < 0.55 ? byCommunity.get(org.community) : r < 0.8 ? byCountry.get(org.place.code) : global;
        const from = candidates && candidates.length > 0 ? candidates : global;
        const other = orgs[from[rng.int(0, from.length - 1)]!]!;
        if (other === org) continue;
        const pairKey = Math.min(org.index, other.index) * n + Math.max(org.index, other.index);
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        edges.push([org, other]);
        org.degree += 1;
        other.degree += 1;
        addEndpoint(other);
        addEndpoint(org);
        break;
      }
    }
    addEndpoint(org); // its own base attractiveness, once it has arrived
  }
  return edges;
}

export function partnershipCells(rng: Rng, key: string, a: Org, b: Org, source: string): Cells {
  const from = Math.max(FIRST_DAY, Date.UTC(Math.max(a.founded, b.founded), 0, 1));
  const start = recentDay(rng, from, 0.6);
  let status = rng.weighted([
    ['CONFIRMED', 79],
    ['ENDED', 15],
    ['PROPOSED', 4],
    ['DECLINED', 2]
  ] as const);
  let end = '';
  if (status === 'ENDED') {
    const endDay = start + rng.int(180, 1800) * DAY;
    if (endDay <= LAST_DAY) end = isoDay(endDay);
    else status = 'CONFIRMED';
  }
  const shared = a.themes.filter((t) => b.themes.includes(t));
  const pool = shared.length > 0 ? shared : a.themes;
  const themes = new Set([rng.pick(pool)]);
  if (rng.chance(0.3)) themes.add(rng.pick(pool));
  const kind = rng.weighted([
    ['PROJECT', 45],
    ['INFORMAL', 25],
    ['COALITION', 20],
    ['NETWORK_MEMBERSHIP', 10]
  ] as const);
  const mainTheme = lowerFirst(THEME_NAME.get([...themes][0]!)!);
  return {
    external_id: key,
    org_a: a.key,
    org_b: b.key,
    kind,
    status,
    visibility: rng.weighted([
      ['PUBLIC', 80],
      ['MEMBERS', 15],
      ['PRIVATE', 5]
    ] as const),
    start_date: isoDay(start),
    end_date: end,
    title:
      kind === 'INFORMAL' && rng.chance(0.5) ? '' : fillPattern(rng.pick(PARTNERSHIP_TITLES), { theme: mainTheme }),
    description: '',
    themes: [...themes].sort().join(';'),
    source
  };
}

export interface GeneratedNetwork {
  cells: Cells;
  members: Org[];
}

function makeNetworks(rng: Rng, names: Names, orgs: Org[], count: number): GeneratedNetwork[] {
  const byArea = new Map<string, Org[]>();
  for (const org of orgs)
    for (const area of org.areas) (byArea.get(area.slug) ?? byArea.set(area.slug, []).get(area.slug)!).push(org);
  const secretariats = new Set<Org>();
  const networks: GeneratedNetwork[] = [];
  for (let i = 0; i < count; i += 1) {
    const area = rng.weighted(THEME_AREAS.map((a) => [a, a.weight] as const));
    const european = rng.chance(0.4);
    const place = rng.weighted(PLACES.map((p) => [p, p.weight] as const));
    const focus = titleCase(THEME_NAME.get(area.slug)!);
    const raw = european
      ? rng.pick([
          `European Network on ${focus}`,
          `Pan-European Alliance for ${focus}`,
          `Euro-Mediterranean Platform on ${focus}`,
          `European Coalition for ${focus}`
        ])
      : rng.pick([
          `${COUNTRY_NAME.get(place.code)} Coalition for ${focus}`,
          `${COUNTRY_NAME.get(place.code)} Platform on ${focus}`,
          `${place.cities[0]} Round Table on ${focus}`
        ]);
    const { name, slug } = names.unique(raw, place.cities[0]!);
    const candidates = (byArea.get(area.slug) ?? []).filter((o) => european || o.place.code === place.code);
    const size = Math.min(candidates.length, Math.floor(6 + 8 * rng.pareto(1.3)), 400);
    const members = rng.sampleWeighted(candidates, (o) => o.degree + 1, size).sort((x, y) => x.index - y.index);
    const secretariat = members.find((o) => o.type === 'NETWORK' && !secretariats.has(o));
    if (secretariat) secretariats.add(secretariat);
    networks.push({
      members,
      cells: {
        external_id: `gen-net-${pad(i + 1, 4)}`,
        slug,
        name,
        description:
          `${name} brings together ${european ? 'organisations from across Europe' : `organisations in ${COUNTRY_NAME.get(place.code)}`} ` +
          `working on ${lowerFirst(THEME_NAME.get(area.slug)!)}. It coordinates joint advocacy, shares practice between its members and ${rng.pick(NETWORK_ACTIVITIES)}.`,
        website: `https://${slug.slice(0, 40).replace(/-+$/, '')}.example.org`,
        secretariat: secretariat?.key ?? '',
        archived_at: ''
      }
    });
  }
  return networks;
}

export function membershipCells(rng: Rng, network: GeneratedNetwork): Cells[] {
  return network.members.map((org, i) => {
    const secretariat = network.cells.secretariat === org.key;
    const role =
      secretariat || i === 0 ? 'COORDINATOR' : i <= 3 ? 'STEERING_GROUP' : rng.chance(0.05) ? 'OBSERVER' : 'MEMBER';
    const since = recentDay(rng, Math.max(FIRST_DAY, Date.UTC(org.founded, 0, 1)), 0.8);
    const until = rng.chance(0.08) ? since + rng.int(365, 2500) * DAY : null;
    return {
      network: network.cells.external_id!,
      organization: org.key,
      role,
      since: isoDay(since),
      until: until !== null && until <= LAST_DAY ? isoDay(until) : '',
      visibility: rng.weighted([
        ['PUBLIC', 88],
        ['MEMBERS', 9],
        ['PRIVATE', 3]
      ] as const)
    };
  });
}

export function makeGrants(rng: Rng, orgs: Org[], count: number, source: string, idPrefix: string): Cells[] {
  const funders = orgs.filter((o) => o.type === 'FUNDER');
  const recipients = orgs.filter((o) => o.type !== 'FUNDER');
  if (funders.length === 0 || recipients.length === 0) return [];
  // Funder size is heavy-tailed too: a few large foundations give most grants.
  const funderWeights = funders.map((f) => [f, rng.pareto(1.2)] as const);
  const byAreaCountry = new Map<string, Org[]>();
  const byArea = new Map<string, Org[]>();
  for (const o of recipients) {
    for (const area of o.areas) {
      (byArea.get(area.slug) ?? byArea.set(area.slug, []).get(area.slug)!).push(o);
      const key = `${area.slug}|${o.place.code}`;
      (byAreaCountry.get(key) ?? byAreaCountry.set(key, []).get(key)!).push(o);
    }
  }
  const perFunder = new Map<Org, number>();
  const grants: Cells[] = [];
  for (let i = 0; i < count; i += 1) {
    const funder = rng.weighted(funderWeights);
    const area = rng.pick(funder.areas);
    const national = !funder.levels.includes('EUROPEAN') && !funder.levels.includes('INTERNATIONAL');
    const local = national ? byAreaCountry.get(`${area.slug}|${funder.place.code}`) : undefined;
    const pool = local && local.length > 0 ? local : (byArea.get(area.slug) ?? recipients);
    // Half the grants go to whoever is best connected among a few candidates: money follows visibility.
    const candidates = Array.from({ length: 12 }, () => rng.pick(pool));
    const recipient = rng.chance(0.5) ? rng.sampleWeighted(candidates, (o) => o.degree + 1, 1)[0]! : candidates[0]!;
    const n = (perFunder.get(funder) ?? 0) + 1;
    perFunder.set(funder, n);
    const amount = Math.min(
      2_500_000,
      Math.max(2_000, Math.round(Math.exp(Math.log(40_000) + 1.1 * rng.normal()) / 500) * 500)
    );
    // Foundations outside the euro area pay domestic grants in their own currency, everything else in EUR.
    const currency = recipient.place.code === funder.place.code && rng.chance(0.8) ? funder.place.currency : 'EUR';
    const award = recentDay(rng, Math.max(FIRST_DAY, Date.UTC(Math.max(recipient.founded, funder.founded), 0, 1)), 0.7);
    const start = award + rng.int(0, 90) * DAY;
    const end = start + rng.int(365, 1095) * DAY;
    const themes = new Set<string>();
    const matching = recipient.themes.filter((t) => t === area.slug || (SUBTHEMES.get(area.slug) ?? []).includes(t));
    themes.add(matching.length > 0 ? rng.pick(matching) : rng.pick(recipient.themes));
    if (rng.chance(0.3)) themes.add(rng.pick(recipient.themes));
    const countries = new Set([recipient.place.code]);
    if (rng.chance(0.25) && (NEAR[recipient.place.code] ?? []).length > 0)
      countries.add(rng.pick(NEAR[recipient.place.code]!));
    const programme = rng.pick(GRANT_PROGRAMMES);
    grants.push({
      Identifier: `${idPrefix}-${pad(funder.index + 1, 6)}-${pad(n, 4)}`,
      Title: `${programme}: ${lowerFirst(THEME_NAME.get([...themes][0]!)!)} in ${recipient.city}`,
      Description: '',
      Currency: currency,
      'Amount Awarded': amount.toFixed(2),
      'Award Date': isoDay(award),
      'Planned Dates:Start Date': isoDay(start),
      'Planned Dates:End Date': isoDay(end),
      'Recipient Org:Identifier': recipient.key,
      'Recipient Org:Name': recipient.name,
      'Funding Org:Identifier': funder.key,
      'Funding Org:Name': funder.name,
      'Grant Programme:Title': programme,
      'Beneficiary Location:Country Code': [...countries].sort().join(';'),
      Themes: [...themes].sort().join(';'),
      Visibility: rng.weighted([
        ['PUBLIC', 90],
        ['MEMBERS', 7],
        ['PRIVATE', 3]
      ] as const),
      'Data Source': source
    });
  }
  return grants;
}

/** The whole dataset, every kind sorted by its key the way the exporter sorts (so files compare byte for byte). */
export function generateDataset(options: GeneratorOptions): Dataset {
  const { orgs: count, seed } = options;
  if (!Number.isInteger(count) || count < 2) throw new Error('orgs must be a whole number of at least 2');
  if (!Number.isInteger(seed)) throw new Error('seed must be a whole number');
  const rng = new Rng(seed);
  const names = new Names(seed);
  const source = `generator (seed ${seed})`;

  const orgs = makeOrganizations(rng, names, count);
  const organizations = orgs.map((o) => organizationCells(rng, o));
  const edges = linkPartnerships(rng, orgs, options.partnershipsPerOrg ?? 10, options.isolatedShare ?? 0.05);
  const partnerships = edges.map(([a, b], i) => partnershipCells(rng, `gen-p-${pad(i + 1, 7)}`, a, b, source));
  const networks = makeNetworks(rng, names, orgs, Math.max(3, Math.round(count / 200)));
  const memberships = networks.flatMap((n) => membershipCells(rng, n));
  const grants = makeGrants(rng, orgs, Math.round(count * 0.75), source, '360G-gen');

  return sortDataset({
    organizations,
    networks: networks.map((n) => n.cells),
    'network-memberships': memberships,
    partnerships,
    grants
  });
}

/** Every kind sorted by its key the way the exporter sorts, so generated and exported files compare byte for byte. */
export function sortDataset(dataset: Dataset): Dataset {
  const sorted = (rows: Cells[], key: (c: Cells) => string) =>
    rows
      .map((cells) => ({ key: key(cells), cells }))
      .sort(byKey)
      .map((r) => r.cells);
  return {
    organizations: sorted(dataset.organizations, (c) => c.external_id!),
    networks: sorted(dataset.networks, (c) => c.external_id!),
    'network-memberships': sorted(dataset['network-memberships'], (c) => `${c.network}\u0000${c.organization}`),
    partnerships: sorted(dataset.partnerships, (c) => c.external_id!),
    grants: sorted(dataset.grants, (c) => c.Identifier!)
  };
}

export function toCsv(kind: ImportKind, rows: readonly Cells[]): string {
  const columns = COLUMNS[kind].map((c) => c.name);
  let out = csvLine(columns);
  for (const row of rows)
    out += csvLine(
      columns.map((c) => row[c] ?? ''),
      columns
    );
  return out;
}

/** Writes the five CSV files into `dir` (created if missing); returns their paths by kind. */
export async function writeDataset(dataset: Dataset, dir: string): Promise<Record<ImportKind, string>> {
  await mkdir(dir, { recursive: true });
  const paths = {} as Record<ImportKind, string>;
  for (const kind of IMPORT_KINDS) {
    paths[kind] = join(dir, FILE_NAMES[kind]);
    await writeFile(paths[kind], toCsv(kind, dataset[kind]));
  }
  return paths;
}
