/**
 * Leak matrix rows for funder pages (Organization.funding, issue #16 part 6): Funder Foundation's grants
 * (PUBLIC → Far, MEMBERS → Alder, PRIVATE → Birch) and how many of its grantees partner with each other. The
 * private Alder–Birch partnership counts only for its sides and admins: the funder's own analyst, who sees all
 * three grants, sees Far–Birch only.
 */
import { executeOk, globalId } from './graphql';
import type { LeakGraph } from './leak-graph';
import { perViewer, type LeakPath } from './leak-matrix';

const share = (granteeCount: number, partneringGranteeCount: number, partneredPairCount: number) => ({
  granteeCount,
  partneringGranteeCount,
  partneredPairCount,
  share: granteeCount < 2 ? null : partneringGranteeCount / granteeCount
});

export function fundingLeakPaths(graph: LeakGraph): LeakPath[] {
  const run = async (viewer: Parameters<LeakPath['run']>[0]) => {
    const data = await executeOk(
      `query ($id: ID!) { node(id: $id) { ... on Organization { funding {
          grantCount
          granteePartnerShare { granteeCount partneringGranteeCount partneredPairCount share }
      } } } }`,
      { id: globalId('Organization', graph.org('Funder Foundation')) },
      viewer
    );
    return data.node.funding;
  };
  return [
    {
      name: 'funding of Funder Foundation: grants and grantees partnering',
      family: 'partners',
      run,
      expected: perViewer({
        anonymous: { grantCount: 1, granteePartnerShare: share(1, 0, 0) },
        members: { grantCount: 2, granteePartnerShare: share(2, 0, 0) },
        analyst: { grantCount: 3, granteePartnerShare: share(3, 2, 1) },
        sideA: { grantCount: 2, granteePartnerShare: share(2, 0, 0) },
        sideB: { grantCount: 3, granteePartnerShare: share(3, 3, 2) },
        admin: { grantCount: 3, granteePartnerShare: share(3, 3, 2) }
      })
    }
  ];
}
