/**
 * Exports honour visibility exactly like the API: anonymous viewers get PUBLIC partnerships, memberships and
 * grants and PUBLIC contact fields only; members also MEMBERS ones; an organisation's own people see its private
 * ones; admins see everything. The GraphML export follows the same rules, is well-formed and has the right counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, visibilityOf, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { exportCsvText } from '../../src/lib/server/exports/export-csv';
import { exportGraphml } from '../../src/lib/server/exports/graphml';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import type { ImportKind } from '../../src/lib/server/imports/columns';

const db = getDb();

const FILES: [ImportKind, string][] = [
  [
    'organizations',
    `external_id,name,type,hq_country,countries,themes,contact_email,contact_email_visibility,contact_phone,contact_phone_visibility
vis-a,"Alpha <&> ""Quoted""",NGO,DE,DE;AT,legal-aid,a@alpha.example.org,PUBLIC,+49 30 111111,MEMBERS
vis-b,Beta,NGO,FR,FR,housing,b@beta.example.org,MEMBERS,+33 1 222222,PRIVATE
vis-c,Gamma,NGO,IT,IT,health,c@gamma.example.org,PRIVATE,,MEMBERS
vis-f,Delta Foundation,FUNDER,CH,CH,,f@delta.example.org,MEMBERS,,MEMBERS`
  ],
  ['networks', 'external_id,name,secretariat\nvis-net,Vis Network,\n'],
  [
    'network-memberships',
    'network,organization,visibility\nvis-net,vis-a,PUBLIC\nvis-net,vis-b,MEMBERS\nvis-net,vis-c,PRIVATE\n'
  ],
  [
    'partnerships',
    `external_id,org_a,org_b,kind,status,visibility
p-public,vis-a,vis-b,PROJECT,CONFIRMED,PUBLIC
p-members,vis-a,vis-c,PROJECT,CONFIRMED,MEMBERS
p-private,vis-b,vis-c,PROJECT,CONFIRMED,PRIVATE
p-proposed,vis-a,vis-b,COALITION,PROPOSED,PUBLIC
p-ended,vis-a,vis-c,INFORMAL,ENDED,PUBLIC`
  ],
  [
    'grants',
    `Identifier,Title,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Funding Org:Identifier,Visibility,Beneficiary Location:Country Code
g-public,Public grant,EUR,1000,2024-01-01,vis-a,vis-f,PUBLIC,DE
g-members,Members grant,EUR,2000,2024-01-01,vis-b,vis-f,MEMBERS,FR
g-private,Private grant,EUR,3000,2024-01-01,vis-c,vis-f,PRIVATE,IT;GR`
  ]
];

const ids = new Map<string, string>();
const viewers: Record<string, () => Viewer> = {
  anonymous: () => anonymous,
  member: () => ({ kind: 'user', userId: 'm', role: 'MEMBER', organizationIds: [] }),
  'member of Beta': () => ({ kind: 'user', userId: 'b', role: 'MEMBER', organizationIds: [ids.get('vis-b')!] }),
  admin: () => ({ kind: 'user', userId: 'x', role: 'ADMIN', organizationIds: [] })
};

/** The first cell of every data row: the keys the viewer received. */
async function keys(kind: ImportKind, viewer: string): Promise<string[]> {
  const text = await exportCsvText(kind, visibilityOf(viewers[viewer]!()), db);
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
}

beforeAll(async () => {
  for (const [kind, text] of FILES) expect((await importCsv(kind, { text }, { db })).issues).toEqual([]);
  for (const o of await db.organization.findMany({ select: { id: true, externalId: true } }))
    ids.set(o.externalId!, o.id);
});

describe('CSV export visibility', () => {
  it.each([
    ['anonymous', ['p-ended', 'p-public']],
    ['member', ['p-ended', 'p-members', 'p-public']],
    ['member of Beta', ['p-ended', 'p-members', 'p-private', 'p-proposed', 'p-public']],
    ['admin', ['p-ended', 'p-members', 'p-private', 'p-proposed', 'p-public']]
  ])('partnerships for %s', async (viewer, expected) => {
    expect(await keys('partnerships', viewer)).toEqual(expected);
  });

  it.each([
    ['anonymous', ['g-public']],
    ['member', ['g-members', 'g-public']],
    ['member of Beta', ['g-members', 'g-public']],
    ['admin', ['g-members', 'g-private', 'g-public']]
  ])('grants for %s', async (viewer, expected) => {
    expect(await keys('grants', viewer)).toEqual(expected);
  });

  it.each([
    ['anonymous', 1],
    ['member', 2],
    ['admin', 3]
  ])('network memberships for %s', async (viewer, expected) => {
    expect(await keys('network-memberships', viewer)).toHaveLength(expected);
  });

  it('writes contact fields only for viewers who may see them, but always their visibility settings', async () => {
    const anon = await exportCsvText('organizations', visibilityOf(anonymous), db);
    expect(anon).toContain('a@alpha.example.org');
    expect(anon).not.toContain('b@beta.example.org');
    expect(anon).not.toContain('+49 30 111111');
    expect(anon).toContain(',PRIVATE,'); // Gamma's email visibility, without the email
    const beta = await exportCsvText('organizations', visibilityOf(viewers['member of Beta']!()), db);
    expect(beta).toContain('b@beta.example.org');
    expect(beta).toContain('+33 1 222222'); // Beta's own private phone
    expect(beta).not.toContain('c@gamma.example.org');
    const all = await exportCsvText('organizations', visibilityOf(viewers.admin!()), db);
    expect(all).toContain('c@gamma.example.org');
  });
});

/** A small well-formedness check (no XML parser among the dependencies): balanced tags, escaped text. */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    const [, closing, name, , selfClosing] = m;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
    last = tag.lastIndex;
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

async function graphml(viewer: string) {
  let xml = '';
  const counts = await exportGraphml(visibilityOf(viewers[viewer]!()), { db, write: (chunk) => void (xml += chunk) });
  return { xml, counts };
}

describe('GraphML export', () => {
  it('is well-formed, escapes names and counts what an anonymous viewer may see', async () => {
    const { xml, counts } = await graphml('anonymous');
    assertWellFormedXml(xml);
    expect(xml).toContain('Alpha &lt;&amp;&gt; &quot;Quoted&quot;');
    expect(counts.nodes).toMatchObject({ Organization: 4, Network: 1, Country: 5 });
    expect(counts.nodes.Theme).toBe(await db.theme.count());
    expect(counts.edges).toMatchObject({
      PARTNERS_WITH: 2,
      MEMBER_OF: 1,
      FUNDED: 1,
      HEADQUARTERED_IN: 4,
      OPERATES_IN: 5,
      WORKS_ON: 3
    });
    expect(counts.edges.SUBTHEME_OF).toBe(await db.theme.count({ where: { parentId: { not: null } } }));
    expect((xml.match(/<edge /g) ?? []).length).toBe(Object.values(counts.edges).reduce((a, b) => a + b, 0));
    expect((xml.match(/<node /g) ?? []).length).toBe(Object.values(counts.nodes).reduce((a, b) => a + b, 0));
    expect(xml).not.toContain('p-private');
    expect(xml).not.toContain('g-private');
  });

  it('gives admins every relationship, and the countries grants are spent in', async () => {
    const { xml, counts } = await graphml('admin');
    assertWellFormedXml(xml);
    expect(counts.edges).toMatchObject({ PARTNERS_WITH: 5, MEMBER_OF: 3, FUNDED: 3 });
    expect(counts.nodes.Country).toBe(6); // GR only through the private grant
    expect(xml).toContain('id="partnership:p-private"');
  });
});
