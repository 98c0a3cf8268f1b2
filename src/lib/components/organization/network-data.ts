/**
 * Turns an organisation and its partners (each with some of their own partners) into NetworkGraph's nodes and
 * edges: the organisation in focus, its partners, and partners of partners — including ties between two partners,
 * which show the clusters a visitor is really looking for.
 */
import type { NetworkEdge, NetworkNode } from '$lib/components/graph/types';

interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

export interface PartnerWithPartners extends OrgRef {
  /** Null while the partnership graph is unavailable. */
  partners: readonly OrgRef[] | null;
}

export function organizationHref(slug: string): string {
  return `/organizations/${encodeURIComponent(slug)}`;
}

export function partnerNetwork(
  focus: OrgRef,
  partners: readonly PartnerWithPartners[]
): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const nodes = new Map<string, NetworkNode>([[focus.id, { id: focus.id, label: focus.name, kind: 'focus' }]]);
  const edges: NetworkEdge[] = [];
  // Partners first, so a partner that is also someone else's partner keeps the 'partner' kind.
  for (const partner of partners) {
    nodes.set(partner.id, {
      id: partner.id,
      label: partner.name,
      kind: 'partner',
      href: organizationHref(partner.slug)
    });
    edges.push({ source: focus.id, target: partner.id });
  }
  for (const partner of partners) {
    for (const second of partner.partners ?? []) {
      if (!nodes.has(second.id)) {
        nodes.set(second.id, {
          id: second.id,
          label: second.name,
          kind: 'second',
          href: organizationHref(second.slug)
        });
      }
      edges.push({ source: partner.id, target: second.id });
    }
  }
  return { nodes: [...nodes.values()], edges };
}
