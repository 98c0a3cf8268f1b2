/**
 * Open data (issue #16): the directory's CSV download honours visibility for every viewer and pages through the
 * whole filter; profile JSON-LD holds public data only, whoever asks; /sitemap.xml lists live profiles only;
 * /embed/ answers may be framed by any site while every other answer refuses framing (hooks.server.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { anonymous, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { yoga } from '../../src/lib/server/graphql/yoga';
import { handle } from '../../src/hooks.server';
import { GET as directoryCsv } from '../../src/routes/directory/export.csv/+server';
import { GET as sitemap } from '../../src/routes/sitemap.xml/+server';
import { GET as oembed } from '../../src/routes/api/oembed/+server';
import { load as profileLoad } from '../../src/routes/organizations/[slug]/+page.server';
import { createOrganization } from '../factories/organizations';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createViewer } from '../factories/graphql';
import { requestEvent } from '../factories/users';

const db = getDb();
const ORIGIN = 'http://atlas.test';

/** SvelteKit's event.fetch as the route sees it: /graphql answered in process, as `viewer`. */
function fetchAs(viewer: Viewer): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) =>
    yoga.fetch(new URL(String(input), ORIGIN).href, init ?? {}, { viewer })) as typeof fetch;
}

async function downloadCsv(search: string, viewer: Viewer): Promise<Response> {
  const url = new URL(`/directory/export.csv${search}`, ORIGIN);
  return directoryCsv({ fetch: fetchAs(viewer), url } as never);
}

async function csvRows(search: string, viewer: Viewer): Promise<Record<string, string>[]> {
  const response = await downloadCsv(search, viewer);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(await response.text(), { columns: true }) as Record<string, string>[];
}

let member: Viewer;
let ownMember: Viewer;
let admin: Viewer;
const ids: Record<string, string> = {};
const BULK = 130;

beforeAll(async () => {
  const make = async (key: string, email: string, visibility: 'PUBLIC' | 'MEMBERS' | 'PRIVATE', country: string) => {
    const org = await createOrganization(db, {
      slug: `od-${key}`,
      name: `Open data ${key}`,
      hqCountryCode: country,
      countryCodes: [country],
      contactEmail: email,
      contactEmailVisibility: visibility,
      contactPhone: '+49 30 123456',
      contactPhoneVisibility: visibility
    });
    ids[key] = org.id;
  };
  await make('public', 'public@od.example', 'PUBLIC', 'DE');
  await make('members', 'members@od.example', 'MEMBERS', 'DE');
  await make('private', 'private@od.example', 'PRIVATE', 'FR');
  await createOrganization(db, { slug: 'od-archived', name: 'Open data archived', archivedAt: new Date() });
  // Enough rows for the CSV to need more than one API page (100).
  await db.organization.createMany({
    data: Array.from({ length: BULK }, (_, i) => ({
      slug: `od-bulk-${i}`,
      name: `Bulk ${String(i).padStart(3, '0')}`,
      type: 'NGO' as const,
      hqCountryCode: 'AT'
    }))
  });

  const secretNetwork = await createNetwork(db, { slug: 'od-secret-net', name: 'Secret network' });
  const membersNetwork = await createNetwork(db, { slug: 'od-members-net', name: 'Members network' });
  const publicNetwork = await createNetwork(db, { slug: 'od-public-net', name: 'Public network' });
  await addNetworkMember(db, secretNetwork, ids.private!, { visibility: 'PRIVATE' });
  await addNetworkMember(db, membersNetwork, ids.private!, { visibility: 'MEMBERS' });
  await addNetworkMember(db, publicNetwork, ids.private!, { visibility: 'PUBLIC' });

  member = await createViewer(db);
  ownMember = await createViewer(db, { organizationIds: [ids.private!] });
  admin = await createViewer(db, { role: 'ADMIN' });
});

describe('directory CSV download', () => {
  it('never gives an anonymous viewer a members-only or private contact', async () => {
    const rows = await csvRows('?country=de&country=fr', anonymous);
    expect(rows.map((r) => r.name).sort()).toEqual(['Open data members', 'Open data private', 'Open data public']);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('Open data public')).toMatchObject({
      contact_email: 'public@od.example',
      contact_phone: '+49 30 123456'
    });
    expect(byName.get('Open data members')).toMatchObject({ contact_email: '', contact_phone: '' });
    expect(byName.get('Open data private')).toMatchObject({ contact_email: '', contact_phone: '' });
  });

  it('gives each viewer exactly the contacts the API would', async () => {
    const contacts = async (viewer: Viewer) =>
      (await csvRows('?country=de&country=fr', viewer))
        .map((r) => r.contact_email)
        .filter(Boolean)
        .sort();
    expect(await contacts(member)).toEqual(['members@od.example', 'public@od.example']);
    expect(await contacts(ownMember)).toEqual(['members@od.example', 'private@od.example', 'public@od.example']);
    expect(await contacts(admin)).toEqual(['members@od.example', 'private@od.example', 'public@od.example']);
  });

  it('follows the filter across API pages, without archived profiles, duplicates or gaps', async () => {
    const rows = await csvRows('?country=at&sort=name', anonymous);
    expect(rows).toHaveLength(BULK);
    expect(rows.map((r) => r.name)).toEqual(
      Array.from({ length: BULK }, (_, i) => `Bulk ${String(i).padStart(3, '0')}`)
    );
    expect(rows[0]!.profile_url).toBe(`${ORIGIN}/organizations/od-bulk-0`);
    const all = await csvRows('', anonymous);
    expect(all.map((r) => r.name)).not.toContain('Open data archived');
    expect(all).toHaveLength(BULK + 3);
  });

  it('refuses a filter value the directory does not know, naming the parameter', async () => {
    const response = await downloadCsv('?theme=no-such-theme', anonymous);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('no-such-theme');
  });
});

describe('profile linked data', () => {
  async function jsonLd(slug: string) {
    const data = (await profileLoad({ params: { slug }, url: new URL(`/organizations/${slug}`, ORIGIN) } as never)) as {
      linkedData: { jsonLdTag: string } | null;
    };
    const tag = data.linkedData!.jsonLdTag;
    return {
      tag,
      data: JSON.parse(tag.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, ''))
    };
  }

  it('names only public, live memberships and no contact details', async () => {
    const { tag, data } = await jsonLd('od-private');
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Organization');
    expect(data.name).toBe('Open data private');
    expect(data.address.addressCountry).toBe('FR');
    expect(data.memberOf.map((n: { name: string }) => n.name)).toEqual(['Public network']);
    for (const secret of ['Secret network', 'Members network', 'private@od.example', '123456']) {
      expect(tag).not.toContain(secret);
    }
  });

  it('carries the organisation identifiers as schema.org PropertyValues, as the API does', async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'od-public' } });
    await db.organizationIdentifier.createMany({
      data: [
        { organizationId: org.id, scheme: 'XI-PIC', identifier: 'XI-PIC-912345678' },
        { organizationId: org.id, scheme: 'GB-CHC', identifier: 'GB-CHC-1234567' }
      ]
    });
    const { data } = await jsonLd('od-public');
    expect(data.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'GB-CHC', value: 'GB-CHC-1234567' },
      { '@type': 'PropertyValue', propertyID: 'XI-PIC', value: 'XI-PIC-912345678' }
    ]);
    const api = await yoga.fetch(
      `${ORIGIN}/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organization(slug: "od-public") { identifiers { scheme identifier } } }' })
      },
      { viewer: anonymous }
    );
    expect((await api.json()).data.organization.identifiers).toEqual([
      { scheme: 'GB-CHC', identifier: 'GB-CHC-1234567' },
      { scheme: 'XI-PIC', identifier: 'XI-PIC-912345678' }
    ]);
    // An organisation without identifiers has no `identifier` key at all.
    expect((await jsonLd('od-private')).data.identifier).toBeUndefined();
  });

  it('is left out for an unknown slug', async () => {
    const data = await profileLoad({
      params: { slug: 'od-nope' },
      url: new URL('/organizations/od-nope', ORIGIN)
    } as never);
    expect((data as { linkedData: unknown }).linkedData).toBeNull();
  });
});

describe('sitemap.xml', () => {
  it('lists every live profile and no archived one', async () => {
    const response = await sitemap({ url: new URL('/sitemap.xml', ORIGIN) } as never);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toHaveLength(await db.organization.count({ where: { archivedAt: null } }));
    expect(locs).toContain(`${ORIGIN}/organizations/od-public`);
    expect(locs).not.toContain(`${ORIGIN}/organizations/od-archived`);
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true);
  });

  it('refuses a page that does not exist', async () => {
    await expect(sitemap({ url: new URL('/sitemap.xml?page=7', ORIGIN) } as never)).rejects.toMatchObject({
      status: 404
    });
  });
});

describe('oEmbed', () => {
  it('answers a rich iframe for a profile URL', async () => {
    const url = new URL(
      `/api/oembed?url=${encodeURIComponent(`${ORIGIN}/organizations/od-public`)}&maxwidth=400`,
      ORIGIN
    );
    const response = await oembed({ url } as never);
    const body = await response.json();
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 400, height: 480 });
    expect(body.html).toContain(`src="${ORIGIN}/embed/organizations/od-public/network"`);
  });

  it('answers the embed of a directory map or a coalition, keeping the page parameters', async () => {
    const cases = [
      [`${ORIGIN}/directory/map?theme=housing&country=fr`, `${ORIGIN}/embed/map?theme=housing&amp;country=fr`],
      [
        `${ORIGIN}/coalitions?theme=housing&country=FR&country=IT`,
        `${ORIGIN}/embed/coalition?theme=housing&amp;country=FR&amp;country=IT`
      ]
    ];
    for (const [page, frame] of cases) {
      const response = await oembed({ url: new URL(`/api/oembed?url=${encodeURIComponent(page!)}`, ORIGIN) } as never);
      expect(response.status, page).toBe(200);
      expect((await response.json()).html, page).toContain(`src="${frame}"`);
    }
  });

  it('is a 404 naming the url for an unknown organisation', async () => {
    const url = new URL(`/api/oembed?url=${encodeURIComponent(`${ORIGIN}/organizations/od-nope`)}`, ORIGIN);
    const response = await oembed({ url } as never);
    expect(response.status).toBe(404);
    expect((await response.json()).error.field).toBe('url');
  });
});

describe('framing policy through hooks.server.ts', () => {
  const PAGE_CSP = "default-src 'self'; frame-ancestors 'none'";
  const html = () =>
    new Response('<p>x</p>', { headers: { 'content-type': 'text/html', 'content-security-policy': PAGE_CSP } });

  it('lets any site frame /embed/ pages', async () => {
    for (const path of ['/embed/organizations/od-public/network', '/embed/map?theme=housing', '/embed/coalition']) {
      const event = requestEvent(new Request(`${ORIGIN}${path}`));
      const response = await handle({ event, resolve: html });
      expect(response.headers.get('x-frame-options'), path).toBeNull();
      expect(response.headers.get('content-security-policy'), path).toBe("default-src 'self'; frame-ancestors *");
    }
  });

  it('refuses framing everywhere else', async () => {
    for (const path of ['/organizations/od-public', '/directory', '/directory/map', '/coalitions', '/']) {
      const response = await handle({ event: requestEvent(new Request(`${ORIGIN}${path}`)), resolve: html });
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    }
  });
});
