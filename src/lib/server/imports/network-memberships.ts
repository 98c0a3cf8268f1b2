import { networkMembershipSchema, type NetworkMembershipValues } from '../validation/network-membership';
import { bulkInsert, bulkUpdate, type BulkColumn, type BulkRow } from './bulk-sql';
import { enumCell, text } from './cells';
import { COLUMNS } from './columns';
import type { CsvRow } from './csv-source';
import { newId } from './ids';
import { progressEvery, type KindImporter, type PrepareContext } from './kind';
import { loadNetworks, loadOrganizations } from './references';
import { RowChecker } from './row-check';
import type { SqlSession } from './sql-session';

/**
 * Network memberships have no external id of their own: a row is keyed by its (network, organisation) pair, the
 * same pair the table keeps unique, so re-importing a file updates role, dates and visibility in place.
 */
const COLUMN_OF: Record<string, string> = {
  networkId: 'network',
  organizationId: 'organization',
  role: 'role',
  since: 'since',
  until: 'until',
  visibility: 'visibility'
};

const TABLE_COLUMNS: readonly (BulkColumn & { from: string })[] = [
  { name: 'networkId', type: 'text', from: 'network' },
  { name: 'organizationId', type: 'text', from: 'organization' },
  { name: 'role', type: 'text', cast: '"NetworkRole"', from: 'role' },
  { name: 'since', type: 'date', from: 'since' },
  { name: 'until', type: 'date', from: 'until' },
  { name: 'visibility', type: 'text', cast: '"Visibility"', from: 'visibility' }
];

const NOW = `(now() AT TIME ZONE 'UTC')`;

interface MembershipRow {
  id: string;
  isNew: boolean;
  values: NetworkMembershipValues;
}

export interface PreparedMemberships {
  rows: MembershipRow[];
  present: ReadonlySet<string>;
}

async function prepare(rows: CsvRow[], ctx: PrepareContext): Promise<PreparedMemberships> {
  const tick = progressEvery(ctx.onRows, rows.length);
  const refs = (column: string) => [
    ...new Set(rows.flatMap((r) => (text(r.cells[column]) ? [text(r.cells[column])!] : [])))
  ];
  const [networks, organizations] = await Promise.all([
    loadNetworks(ctx.db, refs('network')),
    loadOrganizations(ctx.db, refs('organization'))
  ]);
  const valid: NetworkMembershipValues[] = [];
  const firstLineOfPair = new Map<string, number>();

  rows.forEach((row, i) => {
    tick(i);
    const check = new RowChecker(row, ctx.issues);
    const c = row.cells;
    const networkRef = check.required('network') ? text(c.network)! : null;
    const orgRef = check.required('organization') ? text(c.organization)! : null;
    const network = networkRef ? networks.resolve(networkRef) : undefined;
    const org = orgRef ? organizations.resolve(orgRef) : undefined;
    if (networkRef && !network)
      check.fail('network', `no network with external id or slug "${networkRef}" — import networks first`);
    if (orgRef && !org)
      check.fail('organization', `no organisation with external id or slug "${orgRef}" — import organizations first`);
    if (network && org) {
      const pair = `${network.id}|${org.id}`;
      const first = firstLineOfPair.get(pair);
      if (first !== undefined)
        check.fail('organization', `"${orgRef}" is already listed as a member of "${networkRef}" on line ${first}`);
      else firstLineOfPair.set(pair, row.line);
    }
    const values = check.schema(
      networkMembershipSchema,
      {
        networkId: network?.id ?? 'unresolved',
        organizationId: org?.id ?? 'unresolved',
        role: enumCell(c.role),
        since: text(c.since),
        until: text(c.until),
        visibility: enumCell(c.visibility)
      },
      COLUMN_OF
    );
    if (values) valid.push(values);
  });

  const existing = new Map<string, string>();
  if (valid.length > 0) {
    const found = await ctx.db.$queryRawUnsafe<{ id: string; networkId: string; organizationId: string }[]>(
      `SELECT m.id, m."networkId", m."organizationId" FROM "NetworkMembership" m
         JOIN unnest($1::text[], $2::text[]) AS k(n, o) ON m."networkId" = k.n AND m."organizationId" = k.o`,
      valid.map((v) => v.networkId),
      valid.map((v) => v.organizationId)
    );
    for (const m of found) existing.set(`${m.networkId}|${m.organizationId}`, m.id);
  }
  return {
    rows: valid.map((values) => {
      const id = existing.get(`${values.networkId}|${values.organizationId}`);
      return { id: id ?? newId(), isNew: !id, values };
    }),
    present: ctx.present
  };
}

function tableRow(r: MembershipRow): BulkRow {
  return { id: r.id, ...r.values, since: r.values.since ?? null, until: r.values.until ?? null };
}

async function write(tx: SqlSession, p: PreparedMemberships, ctx: { onRows?: (n: number) => void }) {
  let done = 0;
  const onChunk = (n: number) => ctx.onRows?.((done += n));
  const inserts = p.rows.filter((r) => r.isNew);
  const updates = p.rows.filter((r) => !r.isNew);
  const updateColumns = TABLE_COLUMNS.filter(
    (c) => c.from !== 'network' && c.from !== 'organization' && p.present.has(c.from)
  );
  await bulkInsert(tx, 'NetworkMembership', [{ name: 'id', type: 'text' }, ...TABLE_COLUMNS], inserts.map(tableRow), {
    extra: { createdAt: NOW, updatedAt: NOW },
    onChunk
  });
  await bulkUpdate(tx, 'NetworkMembership', 'id', updateColumns, updates.map(tableRow), {
    extra: { updatedAt: NOW },
    onChunk
  });
  const changes = p.rows.map((r) => ({
    aggregate: 'NetworkMembership' as const,
    aggregateId: r.id,
    op: 'upsert' as const
  }));
  return { created: inserts.length, updated: updates.length, changes };
}

export const networkMembershipsImporter: KindImporter<PreparedMemberships> = {
  columns: COLUMNS['network-memberships'],
  tables: ['NetworkMembership'],
  uniqueInFile: [
    {
      name: 'pair',
      columns: ['network', 'organization'],
      reportOn: 'organization',
      describe: ([network, organization], first) =>
        `"${organization}" is already listed as a member of "${network}" on line ${first}`
    }
  ],
  prepare,
  write
};
