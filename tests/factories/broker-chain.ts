/**
 * Xeno ── Yarrow ── Zinnia, both partnerships PUBLIC and projected: Yarrow brokers between the two, Zinnia is a
 * partner of Xeno's partner. The smallest network in which hiding one tie changes partners, paths, reasons and
 * brokers at once (the leak tests narrow `xy` and look for what still shows).
 */
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from './organizations';

export async function createBrokerChain(db: PrismaClient) {
  const x = await createOrganization(db, { name: 'Xeno' });
  const y = await createOrganization(db, { name: 'Yarrow' });
  const z = await createOrganization(db, { name: 'Zinnia' });
  const xy = await createPartnership(db, x, y, { visibility: 'PUBLIC' });
  await createPartnership(db, y, z, { visibility: 'PUBLIC' });
  await drainOutbox();
  return { x, y, z, xy };
}
