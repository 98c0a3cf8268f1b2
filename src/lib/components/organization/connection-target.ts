/**
 * "How are we connected?" accepts what a visitor types: a slug (from a link or a suggestion) or a name. This picks
 * the organisation meant, or returns the candidates to choose from when the text is ambiguous.
 */
interface Candidate {
  id: string;
  slug: string;
  name: string;
}

export type ConnectionTarget =
  | { kind: 'found'; organization: Candidate }
  | { kind: 'choose'; candidates: Candidate[] }
  | { kind: 'self' }
  | { kind: 'none' };

const normalise = (text: string) => text.trim().toLocaleLowerCase().replace(/\s+/g, ' ');

export function pickConnectionTarget(
  text: string,
  bySlug: Candidate | null | undefined,
  matches: readonly Candidate[],
  excludeId: string
): ConnectionTarget {
  if (bySlug) return bySlug.id === excludeId ? { kind: 'self' } : { kind: 'found', organization: bySlug };
  const others = matches.filter((candidate) => candidate.id !== excludeId);
  const exact = others.filter((candidate) => normalise(candidate.name) === normalise(text));
  if (exact.length === 1) return { kind: 'found', organization: exact[0]! };
  if (others.length === 1) return { kind: 'found', organization: others[0]! };
  return others.length > 0 ? { kind: 'choose', candidates: others } : { kind: 'none' };
}
