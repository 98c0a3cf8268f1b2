import { describe, expect, it } from 'vitest';
import { cleanEdges, hashString, keyboardOrder, seedNodes } from './layout';

const nodes = [
  { id: 'b', label: 'Bravo', kind: 'partner' as const },
  { id: 'a', label: 'Alpha', kind: 'focus' as const },
  { id: 'c', label: 'Charlie', kind: 'second' as const },
  { id: 'd', label: 'Delta' }
];

describe('seedNodes', () => {
  it('gives the same positions for the same ids, whatever the input order', () => {
    const once = seedNodes(nodes);
    const again = seedNodes([...nodes].reverse());
    const byId = (list: typeof once) => Object.fromEntries(list.map((n) => [n.id, [n.x, n.y]]));
    expect(byId(again)).toEqual(byId(once));
  });

  it('puts a single focus in the centre and partners of partners further out than partners', () => {
    const placed = Object.fromEntries(seedNodes(nodes).map((n) => [n.id, n]));
    expect([placed.a!.x, placed.a!.y]).toEqual([0, 0]);
    const distance = (id: string) => Math.hypot(placed[id]!.x, placed[id]!.y);
    expect(distance('c')).toBeGreaterThan(distance('b'));
    expect(placed.d!.kind).toBe('partner');
  });

  it('spreads several nodes of one kind apart and keeps the first of duplicate ids', () => {
    const placed = seedNodes([
      { id: 'x', label: 'X' },
      { id: 'y', label: 'Y' },
      { id: 'x', label: 'X again' }
    ]);
    expect(placed).toHaveLength(2);
    expect(placed.find((n) => n.id === 'x')!.label).toBe('X');
    const [p, q] = placed;
    expect(Math.hypot(p!.x - q!.x, p!.y - q!.y)).toBeGreaterThan(1);
  });
});

describe('cleanEdges', () => {
  it('drops self-loops, unknown ends and reversed duplicates', () => {
    expect(
      cleanEdges(nodes, [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'a' },
        { source: 'a', target: 'zzz' },
        { source: 'b', target: 'c' }
      ])
    ).toEqual([
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' }
    ]);
  });
});

describe('keyboardOrder', () => {
  it('starts at the focus, then partners and partners of partners, alphabetically within each', () => {
    expect(keyboardOrder(seedNodes(nodes)).map((n) => n.label)).toEqual(['Alpha', 'Bravo', 'Delta', 'Charlie']);
  });
});

describe('hashString', () => {
  it('is stable and spreads similar strings', () => {
    expect(hashString('org-1')).toBe(hashString('org-1'));
    expect(hashString('org-1')).not.toBe(hashString('org-2'));
  });
});
