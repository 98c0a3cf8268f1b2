/**
 * The leak suite's export paths: the CSV and GraphML exports (src/lib/server/exports) as each viewer, with the
 * exact partnerships, grants and contact fields each may receive. Exports run with the viewer's visibility
 * parameters, as the export command does for `--as`.
 */
import { parse } from 'csv-parse/sync';
import { visibilityOf, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { exportCsvText } from '../../src/lib/server/exports/export-csv';
import { exportGraphml } from '../../src/lib/server/exports/graphml';
import type { ImportKind } from '../../src/lib/server/imports/columns';
import { yoga } from '../../src/lib/server/graphql/yoga';
import { GET as directoryCsv } from '../../src/routes/directory/export.csv/+server';
import { load as profileLoad } from '../../src/routes/organizations/[slug]/+page.server';
import { everyone, perViewer, type LeakPath } from './leak-matrix';
import { GRANTS_BY_VIEWER, PARTNERSHIP_KEYS_BY_VIEWER } from './leak-paths-directory';

async function csvRows(kind: ImportKind, viewer: Viewer): Promise<Record<string, string>[]> {
  const text = await exportCsvText(kind, visibilityOf(viewer), getDb());
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** The directory's CSV download (/directory/export.csv), its /graphql calls answered in process as `viewer`. */
async function directoryCsvRows(viewer: Viewer): Promise<Record<string, string>[]> {
  const fetchAs = ((input: RequestInfo | URL, init?: RequestInit) =>
    yoga.fetch(new URL(String(input), 'http://atlas.test').href, init ?? {}, { viewer })) as typeof fetch;
  const response = await directoryCsv({
    fetch: fetchAs,
    url: new URL('http://atlas.test/directory/export.csv')
  } as never);
  return parse(await response.text(), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

async function graphmlText(viewer: Viewer): Promise<string> {
  let xml = '';
  await exportGraphml(visibilityOf(viewer), { db: getDb(), write: (chunk) => void (xml += chunk) });
  return xml;
}

export function exportLeakPaths(): LeakPath[] {
  return [
    {
      name: 'CSV export: partnerships',
      family: 'exports',
      run: async (viewer) => (await csvRows('partnerships', viewer)).map((r) => r.external_id).sort(),
      expected: PARTNERSHIP_KEYS_BY_VIEWER
    },
    {
      name: 'CSV export: grants',
      family: 'exports',
      run: async (viewer) => (await csvRows('grants', viewer)).map((r) => r.Title).sort(),
      expected: GRANTS_BY_VIEWER
    },
    {
      name: "CSV export: Alder's contact email",
      family: 'exports',
      run: async (viewer) => (await csvRows('organizations', viewer)).find((r) => r.name === 'Alder')?.contact_email,
      expected: perViewer({ anonymous: '', members: '', sideA: 'alder@leak.test', sideB: '', admin: 'alder@leak.test' })
    },
    {
      name: "Directory CSV download: Alder's contact email",
      family: 'exports',
      run: async (viewer) => (await directoryCsvRows(viewer)).find((r) => r.name === 'Alder')?.contact_email,
      expected: perViewer({ anonymous: '', members: '', sideA: 'alder@leak.test', sideB: '', admin: 'alder@leak.test' })
    },
    {
      // Built from an anonymous read whoever asks (linked-data/public-organization.ts), so the same for everyone.
      name: 'Profile JSON-LD of Alder: no contact email',
      family: 'exports',
      run: async () => {
        const data = (await profileLoad({
          params: { slug: 'alder' },
          url: new URL('http://atlas.test/organizations/alder')
        } as never)) as { linkedData: { jsonLdTag: string } | null };
        return { found: data.linkedData !== null, email: data.linkedData?.jsonLdTag.includes('alder@leak.test') };
      },
      expected: everyone({ found: true, email: false }),
      roleOnly: true
    },
    {
      name: 'GraphML export: partnership edges and grant edges',
      family: 'exports',
      run: async (viewer) => {
        const xml = await graphmlText(viewer);
        return {
          partnerships: [...xml.matchAll(/<edge id="partnership:([^"]+)"/g)].map((m) => m[1]).sort(),
          grants: (xml.match(/<edge id="grant:/g) ?? []).length,
          alderEmail: xml.includes('alder@leak.test')
        };
      },
      expected: perViewer({
        anonymous: { partnerships: PARTNERSHIP_KEYS_BY_VIEWER.anonymous, grants: 1, alderEmail: false },
        members: { partnerships: PARTNERSHIP_KEYS_BY_VIEWER.unrelatedMember, grants: 2, alderEmail: false },
        analyst: { partnerships: PARTNERSHIP_KEYS_BY_VIEWER.analyst, grants: 3, alderEmail: false },
        sideA: { partnerships: PARTNERSHIP_KEYS_BY_VIEWER.sideA, grants: 2, alderEmail: false },
        sideB: { partnerships: PARTNERSHIP_KEYS_BY_VIEWER.sideB, grants: 3, alderEmail: false },
        admin: { partnerships: PARTNERSHIP_KEYS_BY_VIEWER.admin, grants: 3, alderEmail: false }
      })
    }
  ];
}
