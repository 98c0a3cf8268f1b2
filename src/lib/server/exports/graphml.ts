import type { VisibilityParams } from '../access/viewer';
import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { byKey } from './csv-writer';
import { grantRows } from './grants';
import type { ExportRow } from './kind';
import { networkMembershipRows } from './network-memberships';
import { networkRows } from './networks';
import { organizationRows } from './organizations';
import { partnershipRows } from './partnerships';

/**
 * The whole graph as GraphML (Gephi, yEd, Cytoscape, networkx read it), built from the same row sources as the
 * CSV exports — so exactly the same visibility rules apply. Nodes: organisations, themes, the countries anything
 * refers to, networks. Edges mirror the Neo4j projection's relationship types: PARTNERS_WITH, MEMBER_OF, FUNDED,
 * WORKS_ON, OPERATES_IN, HEADQUARTERED_IN, SUBTHEME_OF (each edge carries its type in the `type` attribute).
 */

export interface GraphmlCounts {
  nodes: Record<'Organization' | 'Theme' | 'Country' | 'Network', number>;
  edges: Record<
    'PARTNERS_WITH' | 'MEMBER_OF' | 'FUNDED' | 'WORKS_ON' | 'OPERATES_IN' | 'HEADQUARTERED_IN' | 'SUBTHEME_OF',
    number
  >;
}

type AttrType = 'string' | 'int' | 'double' | 'boolean';
const NODE_KEYS: [string, AttrType][] = [
  ['label', 'string'],
  ['key', 'string'],
  ['name', 'string'],
  ['slug', 'string'],
  ['orgType', 'string'],
  ['hqCountry', 'string'],
  ['foundedYear', 'int'],
  ['archived', 'boolean'],
  ['region', 'string'],
  ['isEurope', 'boolean']
];
const EDGE_KEYS: [string, AttrType][] = [
  ['type', 'string'],
  ['kind', 'string'],
  ['status', 'string'],
  ['visibility', 'string'],
  ['startDate', 'string'],
  ['endDate', 'string'],
  ['role', 'string'],
  ['amount', 'double'],
  ['currency', 'string'],
  ['awardDate', 'string'],
  ['title', 'string']
];

// XML 1.0 forbids most control characters even when escaped: drop them.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Data = Record<string, string | number | boolean | null | undefined>;

function dataXml(data: Data): string {
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `<data key="${key}">${xmlEscape(String(value))}</data>`)
    .join('');
}

const list = (cell: unknown): string[] => (typeof cell === 'string' && cell !== '' ? cell.split(';') : []);

export interface GraphmlOptions {
  db?: PrismaClient;
  write: (chunk: string) => void | Promise<void>;
}

export async function exportGraphml(v: VisibilityParams, options: GraphmlOptions): Promise<GraphmlCounts> {
  const db = options.db ?? getDb();
  const ctx = { db, v };
  const [orgs, networks, memberships, partnerships, grants, themes, countries] = await Promise.all([
    organizationRows(ctx).then((r) => r.sort(byKey)),
    networkRows(ctx).then((r) => r.sort(byKey)),
    networkMembershipRows(ctx).then((r) => r.sort(byKey)),
    partnershipRows(ctx).then((r) => r.sort(byKey)),
    grantRows(ctx).then((r) => r.sort(byKey)),
    db.theme.findMany({ orderBy: { slug: 'asc' } }),
    db.country.findMany({ orderBy: { code: 'asc' } })
  ]);
  const counts: GraphmlCounts = {
    nodes: { Organization: 0, Theme: 0, Country: 0, Network: 0 },
    edges: {
      PARTNERS_WITH: 0,
      MEMBER_OF: 0,
      FUNDED: 0,
      WORKS_ON: 0,
      OPERATES_IN: 0,
      HEADQUARTERED_IN: 0,
      SUBTHEME_OF: 0
    }
  };
  let buffer = '';
  const out = async (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      await options.write(buffer);
      buffer = '';
    }
  };
  const node = (id: string, data: Data) => out(`    <node id="${xmlEscape(id)}">${dataXml(data)}</node>\n`);
  let edgeSeq = 0;
  const edge = (type: keyof GraphmlCounts['edges'], source: string, target: string, data: Data = {}, id?: string) => {
    counts.edges[type] += 1;
    edgeSeq += 1;
    return out(
      `    <edge id="${xmlEscape(id ?? `e${edgeSeq}`)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">${dataXml({ type, ...data })}</edge>\n`
    );
  };

  await out('<?xml version="1.0" encoding="UTF-8"?>\n');
  await out(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  for (const [name, type] of NODE_KEYS)
    await out(`  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`);
  for (const [name, type] of EDGE_KEYS)
    await out(`  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`);
  await out('  <graph id="coalition-atlas" edgedefault="directed">\n');

  // Countries: only those an exported row refers to, so the graph has no hundreds of unattached nodes.
  const usedCountries = new Set<string>();
  for (const o of orgs) {
    if (o.cells.hq_country) usedCountries.add(String(o.cells.hq_country));
    for (const c of list(o.cells.countries)) usedCountries.add(c);
  }
  for (const g of grants) for (const c of list(g.cells['Beneficiary Location:Country Code'])) usedCountries.add(c);

  const orgId = (key: string) => `org:${key}`;
  for (const o of orgs) {
    counts.nodes.Organization += 1;
    await node(orgId(o.key), {
      label: 'Organization',
      key: o.key,
      name: o.cells.name,
      slug: o.cells.slug,
      orgType: o.cells.type,
      hqCountry: o.cells.hq_country,
      foundedYear: o.cells.founded_year,
      archived: Boolean(o.cells.archived_at)
    });
  }
  const themeSlugById = new Map(themes.map((t) => [t.id, t.slug]));
  for (const t of themes) {
    counts.nodes.Theme += 1;
    await node(`theme:${t.slug}`, { label: 'Theme', key: t.slug, name: t.nameEn, slug: t.slug });
  }
  for (const c of countries.filter((c) => usedCountries.has(c.code))) {
    counts.nodes.Country += 1;
    await node(`country:${c.code}`, {
      label: 'Country',
      key: c.code,
      name: c.nameEn,
      region: c.region,
      isEurope: c.isEurope
    });
  }
  for (const n of networks) {
    counts.nodes.Network += 1;
    await node(`network:${n.key}`, {
      label: 'Network',
      key: n.key,
      name: n.cells.name,
      slug: n.cells.slug,
      archived: Boolean(n.cells.archived_at)
    });
  }

  for (const t of themes) {
    if (t.parentId) await edge('SUBTHEME_OF', `theme:${t.slug}`, `theme:${themeSlugById.get(t.parentId)}`);
  }
  for (const o of orgs) {
    for (const slug of list(o.cells.themes)) await edge('WORKS_ON', orgId(o.key), `theme:${slug}`);
    for (const code of list(o.cells.countries)) await edge('OPERATES_IN', orgId(o.key), `country:${code}`);
    if (o.cells.hq_country) await edge('HEADQUARTERED_IN', orgId(o.key), `country:${o.cells.hq_country}`);
  }
  const cell = (row: ExportRow, name: string) => row.cells[name] as string | null | undefined;
  for (const p of partnerships) {
    await edge(
      'PARTNERS_WITH',
      orgId(cell(p, 'org_a')!),
      orgId(cell(p, 'org_b')!),
      {
        kind: cell(p, 'kind'),
        status: cell(p, 'status'),
        visibility: cell(p, 'visibility'),
        startDate: cell(p, 'start_date'),
        endDate: cell(p, 'end_date'),
        title: cell(p, 'title')
      },
      `partnership:${p.key}`
    );
  }
  for (const m of memberships) {
    await edge('MEMBER_OF', orgId(cell(m, 'organization')!), `network:${cell(m, 'network')}`, {
      role: cell(m, 'role'),
      startDate: cell(m, 'since'),
      endDate: cell(m, 'until'),
      visibility: cell(m, 'visibility')
    });
  }
  for (const g of grants) {
    await edge(
      'FUNDED',
      orgId(cell(g, 'Funding Org:Identifier')!),
      orgId(cell(g, 'Recipient Org:Identifier')!),
      {
        amount: Number(cell(g, 'Amount Awarded')),
        currency: cell(g, 'Currency'),
        awardDate: cell(g, 'Award Date'),
        visibility: cell(g, 'Visibility'),
        title: cell(g, 'Title')
      },
      `grant:${g.key}`
    );
  }
  await out('  </graph>\n</graphml>\n');
  await options.write(buffer);
  return counts;
}
