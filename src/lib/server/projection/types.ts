import type { ManagedTransaction } from 'neo4j-driver';
import type { Prisma, PrismaClient } from '../db/generated/client';
import type { Aggregate } from './outbox';

/** Anything that can run raw SQL: the Prisma client or an interactive transaction client. */
export type Sql = Pick<PrismaClient | Prisma.TransactionClient, '$queryRaw'>;

/** What the Cypher side needs: a transaction (managed or explicit) that runs parameterised queries. */
export type Cypher = Pick<ManagedTransaction, 'run'>;

/** A JSON-able value as it appears in a projected record and its fingerprint. */
export type Plain = string | number | boolean | null | Plain[];

export interface WriteOptions {
  /**
   * Leave what is derived from many rows (the organisations' partner counts, partner-counts.ts) to the caller,
   * who recomputes it once at the end: graph:rebuild, which would otherwise recount a hub once per page.
   */
  deferDerived?: boolean;
}

/**
 * One aggregate's projection, PostgreSQL → Neo4j, and the means to compare both stores.
 *
 * A record `R` is the aggregate's current state mapped to exactly the properties the graph holds; `write` puts it
 * into Neo4j, `fingerprint` turns it into the plain object whose checksum `verify` compares with the fingerprint
 * `readGraph` builds from what Neo4j actually holds. Both sides go through the same canonical JSON.
 */
export interface Projector<R extends { id: string }> {
  aggregate: Aggregate;
  /** How the graph shows it, for reports: a node label or a relationship type. */
  graphName: string;
  /** Current state of these ids; an id with no record no longer exists in PostgreSQL. One SQL query. */
  load(db: Sql, ids: string[]): Promise<R[]>;
  /** Keyset page in PostgreSQL id order, for rebuild and verify. */
  loadPage(db: Sql, afterId: string, limit: number): Promise<R[]>;
  countPostgres(db: Sql): Promise<number>;
  /** The subset of `ids` that exists in PostgreSQL. */
  existingIds(db: Sql, ids: string[]): Promise<string[]>;
  /** Idempotent: MERGE by id, properties and owned relationships set to exactly the record's. */
  write(tx: Cypher, rows: R[], opts?: WriteOptions): Promise<void>;
  /** Removes the graph side of these ids (nodes with their relationships, or relationships). */
  remove(tx: Cypher, ids: string[]): Promise<void>;
  fingerprint(row: R): Record<string, Plain>;
  /** Fingerprints of what Neo4j holds for these ids (an id may appear twice if the graph holds duplicates). */
  readGraph(tx: Cypher, ids: string[]): Promise<Record<string, Plain>[]>;
  /** Keyset page of the ids present in the graph, in Neo4j string order. */
  graphIdsPage(tx: Cypher, afterId: string, limit: number): Promise<string[]>;
  countGraph(tx: Cypher): Promise<number>;
}
