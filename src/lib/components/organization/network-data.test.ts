import { describe, expect, it } from 'vitest';
import { cleanEdges } from '$lib/components/graph/layout';
import { organizationHref, partnerNetwork } from './network-data';

const org = (id: string, partners: string[] = []) => ({
  id,
  slug: `slug-${id}`,
  name: `Org ${id}`,
  partners: partners.map((p) => ({ id: p, slug: `slug-${p}`, name: `Org ${p}` }))
});

describe('partnerNetwork', () => {
  // a is in focus; b and c are its partners and partners of each other; d is reached through b only.
  const { nodes, edges } = partnerNetwork(org('a'), [org('b', ['a', 'c', 'd']), org('c', ['a', 'b'])]);
  const kinds = Object.fromEntries(nodes.map((n) => [n.id, n.kind]));

  it('marks the focus, its partners and partners of partners', () => {
    expect(kinds).toEqual({ a: 'focus', b: 'partner', c: 'partner', d: 'second' });
  });

  it('links partners and partners of partners to their pages, but not the focus', () => {
    expect(nodes.find((n) => n.id === 'd')!.href).toBe('/organizations/slug-d');
    expect(nodes.find((n) => n.id === 'a')!.href).toBeUndefined();
  });

  it('keeps the tie between two partners once', () => {
    const ties = cleanEdges(nodes, edges).map((e) => [e.source, e.target].sort().join('-'));
    expect(ties.sort()).toEqual(['a-b', 'a-c', 'b-c', 'b-d']);
  });
});

describe('organizationHref', () => {
  it('escapes what a slug should never contain', () => {
    expect(organizationHref('a b/c')).toBe('/organizations/a%20b%2Fc');
  });
});
