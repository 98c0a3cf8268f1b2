/**
 * What the numbers were measured on: CPU, cores, memory, load, and the versions of Node, PostgreSQL and Neo4j.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type pg from 'pg';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  neo4j: string;
  /** 1-, 5- and 15-minute load averages when measuring started and when it ended. */
  loadBefore: number[];
  loadAfter?: number[];
}

export async function describeMachine(sql: pg.Pool, driver: Driver, database: string): Promise<Machine> {
  const { rows } = await sql.query<{ server_version: string }>('SHOW server_version');
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  let neo4jVersion: string;
  try {
    const result = await session.run(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition'
    );
    neo4jVersion = result.records
      .map((r) => `${r.get('name')} ${(r.get('versions') as string[]).join('/')} ${r.get('edition')}`)
      .join(', ');
  } finally {
    await session.close();
  }
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: rows[0]?.server_version ?? 'unknown',
    neo4j: neo4jVersion,
    loadBefore: loadavg()
  };
}
