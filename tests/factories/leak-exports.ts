/**
 * The leak suite's export paths: the CSV and GraphML exports (src/lib/server/exports) as each viewer, with the
 * exact partnerships, grants and contact fields each may receive. Exports run with the viewer's visibility
 * parameters, as the export command does for `--as`.
 */
import { parse } from 'csv-parse/sync';
import { visibilityOf, type Viewer } from '../../src/lib/server/auth/viewer';
import { getDb } from '../../src/lib/server/db';
import { exportCsvText } from '../../src/lib/server/exports/export-csv';
import { exportGraphml } from '../../src/lib/server/exports/graphml';
import type { ImportKind } from '../../src/lib/server/imports/columns';
import { perViewer, type LeakPath } from './leak-matrix';
import { GRANTS_BY_VIEWER, PARTNERSHIP_KEYS_BY_VIEWER } from './leak-paths-directory';

async function csvRows(kind: ImportKind, viewer: Viewer): Promise<Record<string, string>[]> {
  const text = await exportCsvText(kind, visibilityOf(viewer), getDb());
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
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
