import { randomBytes } from 'node:crypto';

/**
 * Ids for rows the importer inserts with raw SQL (Prisma's @default(cuid()) only runs in the client).
 * Same shape as Prisma's cuids — 'c', a base-36 timestamp, a per-process counter and random characters —
 * so they sort roughly by creation time and are unique across processes.
 */
let counter = 0;

export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(8, '0');
  const count = counter.toString(36).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(13, '0')
    .slice(0, 12);
  return `c${time}${count}${random}`;
}
