/**
 * Deterministic starting positions and clean edge lists for NetworkGraph. ForceAtlas2 is deterministic for given
 * starting positions, so seeding them from the node ids (not Math.random) makes the same network look the same on
 * every visit and in every screenshot. Kept free of graphology/sigma so it is cheap to test and to import.
 */
import type { NetworkEdge, NetworkNode, NetworkNodeKind } from './types';

/** Rings around the focus: partners close, partners of partners further out, so the layout starts readable. */
const RING: Record<NetworkNodeKind, number> = { focus: 0, partner: 1, member: 1, second: 2.2 };

export const NODE_SIZE: Record<NetworkNodeKind, number> = { focus: 14, partner: 9, member: 8, second: 5 };

/** Colours checked against the white stage (WCAG non-text contrast ≥ 3:1); they mirror app.css's node tokens. */
export const NODE_COLOUR: Record<NetworkNodeKind, string> = {
  focus: '#b45309',
  partner: '#0f766e',
  member: '#1d4ed8',
  second: '#64748b'
};
export const EDGE_COLOUR = '#cbd5e1';

/** FNV-1a: a small, stable string hash (positions only; nothing security-related). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface PositionedNode extends Required<Pick<NetworkNode, 'id' | 'label'>> {
  kind: NetworkNodeKind;
  href?: string;
  x: number;
  y: number;
  size: number;
  color: string;
}

/**
 * Nodes with seeded positions: each kind on its ring, spread evenly in id-hash order (so adding one node shifts
 * its neighbours a little instead of reshuffling everything). Duplicate ids keep their first occurrence.
 */
export function seedNodes(nodes: readonly NetworkNode[]): PositionedNode[] {
  const unique = new Map<string, NetworkNode>();
  for (const node of nodes) if (!unique.has(node.id)) unique.set(node.id, node);
  const byKind = new Map<NetworkNodeKind, NetworkNode[]>();
  for (const node of unique.values()) {
    const kind = node.kind ?? 'partner';
    byKind.set(kind, [...(byKind.get(kind) ?? []), node]);
  }
  const positioned: PositionedNode[] = [];
  for (const [kind, group] of byKind) {
    const ordered = [...group].sort((a, b) => hashString(a.id) - hashString(b.id) || a.id.localeCompare(b.id));
    // A per-kind twist so the rings' first nodes do not all line up on the same ray.
    const twist = (hashString(kind) % 360) * (Math.PI / 180);
    // Several focus nodes (e.g. a coalition's members) share a small inner ring instead of one point.
    const radius = kind === 'focus' ? (ordered.length > 1 ? 0.3 : 0) : RING[kind];
    ordered.forEach((node, index) => {
      const angle = twist + (2 * Math.PI * index) / ordered.length;
      positioned.push({
        id: node.id,
        label: node.label,
        kind,
        href: node.href,
        x: radius && radius * Math.cos(angle),
        y: radius && radius * Math.sin(angle),
        size: NODE_SIZE[kind],
        color: NODE_COLOUR[kind]
      });
    });
  }
  return positioned;
}

/** Undirected edges between known nodes, without self-loops or duplicates (A–B and B–A are one tie). */
export function cleanEdges(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): NetworkEdge[] {
  const known = new Set(nodes.map((node) => node.id));
  const seen = new Set<string>();
  const clean: NetworkEdge[] = [];
  for (const { source, target } of edges) {
    if (source === target || !known.has(source) || !known.has(target)) continue;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    clean.push({ source, target });
  }
  return clean;
}

/**
 * The order keyboard users step through nodes: the focus first, then partners, members and partners of partners,
 * each alphabetically — the same order a sighted user reads the rings in.
 */
export function keyboardOrder(nodes: readonly PositionedNode[]): PositionedNode[] {
  const rank: Record<NetworkNodeKind, number> = { focus: 0, partner: 1, member: 2, second: 3 };
  return [...nodes].sort((a, b) => rank[a.kind] - rank[b.kind] || a.label.localeCompare(b.label));
}
