import { describe, expect, it } from 'vitest';
import { moneyOutsideProfiles } from './cell-money';

describe('grant money in a heatmap cell', () => {
  it('is marked as going to organisations outside the cell when nobody works there by profile', () => {
    // The demo data's case: Albania × children and youth, no organisation, one grant of €9,500.
    expect(moneyOutsideProfiles({ organizations: 0, grants: 1 })).toBe(true);
  });

  it('is not marked where organisations work, nor where there is no grant', () => {
    expect(moneyOutsideProfiles({ organizations: 3, grants: 2 })).toBe(false);
    expect(moneyOutsideProfiles({ organizations: 0, grants: 0 })).toBe(false);
  });
});
