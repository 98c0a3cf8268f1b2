import { describe, expect, it } from 'vitest';
import { pickConnectionTarget } from './connection-target';

const a = { id: 'A', slug: 'alpha', name: 'Alpha Aid' };
const b = { id: 'B', slug: 'beta', name: 'Beta' };
const b2 = { id: 'B2', slug: 'beta-berlin', name: 'Beta Berlin' };

describe('pickConnectionTarget', () => {
  it('takes an exact slug first', () => {
    expect(pickConnectionTarget('beta', b, [b2], 'X')).toEqual({ kind: 'found', organization: b });
  });

  it('takes the one search hit whose name is exactly what was typed, ignoring case and spaces', () => {
    expect(pickConnectionTarget('  BETA ', null, [b2, b], 'X')).toEqual({ kind: 'found', organization: b });
  });

  it('takes a single hit, and offers a choice between several', () => {
    expect(pickConnectionTarget('alp', null, [a], 'X')).toEqual({ kind: 'found', organization: a });
    expect(pickConnectionTarget('bet', null, [b, b2], 'X')).toEqual({ kind: 'choose', candidates: [b, b2] });
  });

  it('never proposes the page’s own organisation', () => {
    expect(pickConnectionTarget('alpha aid', null, [a], 'A')).toEqual({ kind: 'none' });
    expect(pickConnectionTarget('alpha', a, [a], 'A')).toEqual({ kind: 'self' });
    expect(pickConnectionTarget('x', null, [a, b], 'A')).toEqual({ kind: 'found', organization: b });
  });
});
