import { organizationProjector } from './project-organizations';
import { partnershipProjector } from './project-partnerships';
import { networkMembershipProjector, networkProjector } from './project-networks';
import { grantProjector } from './project-grants';
import { countryProjector, themeProjector } from './project-reference';
import type { Projector } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projector has its own record type
export type AnyProjector = Projector<any>;

/**
 * Projection order: reference data, then the nodes relationships hang off, then the relationships. Endpoints are
 * MERGEd, so a different order would still converge, but this one writes every node's properties before the
 * relationships that point at it (no stub nodes during a rebuild).
 */
export const PROJECTORS: readonly AnyProjector[] = [
  countryProjector,
  themeProjector,
  organizationProjector,
  networkProjector,
  networkMembershipProjector,
  partnershipProjector,
  grantProjector
];
