/**
 * Generated coalition requests for the solver's property tests: candidates (each with some of the themes and
 * countries), ties among them (duplicates and self-ties included, as input can have them) and the request.
 * Each test picks the shape that makes its property bite: few countries for twins and subsets (pruning), narrow
 * candidates over a wide request for coalitions of several overlapping, tied members (the MILP's tie rows).
 */
import fc from 'fast-check';

export interface InstanceShape {
  themes: string[];
  countries: string[];
  candidates: { min: number; max: number };
  /** The most themes and countries one candidate works on (all by default). */
  perCandidate?: { min: number; themes?: number; countries?: number };
  maxDegree: number;
  /** How many tie rows at most, given the number of candidates. */
  maxTies: (candidates: number) => number;
  /** The fewest countries a request asks for. */
  minRequestedCountries?: number;
}

export function coalitionInstances(shape: InstanceShape) {
  const per = shape.perCandidate ?? { min: 0 };
  return fc.integer(shape.candidates).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    return fc.record({
      candidates: fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            themes: fc.subarray(shape.themes, { minLength: per.min, maxLength: per.themes }),
            countries: fc.subarray(shape.countries, { minLength: per.min, maxLength: per.countries }),
            degree: fc.nat(shape.maxDegree)
          })
        )
      ),
      ties: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: shape.maxTies(n) }),
      themes: fc.subarray(shape.themes, { minLength: 1 }),
      countries: fc.subarray(shape.countries, { minLength: shape.minRequestedCountries ?? 1 })
    });
  });
}

/** Forced members and earlier coalitions to differ from, over an instance's candidates. */
export function withConstraints<T extends { candidates: { id: string }[] }>(
  instances: fc.Arbitrary<T>,
  earlier: number
) {
  return instances.chain((inst) => {
    const ids = inst.candidates.map((c) => c.id);
    const differFrom = fc.array(fc.subarray(ids, { minLength: 1, maxLength: Math.min(4, ids.length) }), {
      maxLength: earlier
    });
    return fc
      .record({ include: fc.subarray(ids, { maxLength: 1 }), differFrom })
      .map((constraints) => ({ ...inst, ...constraints }));
  });
}
