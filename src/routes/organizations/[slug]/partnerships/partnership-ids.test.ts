import { describe, expect, it } from 'vitest';
import { partnershipGlobalId, partnershipUrlId } from './partnership-ids';

describe('partnership ids in URLs', () => {
  it('round-trips a database id through the API’s global id', () => {
    const global = partnershipGlobalId('cm9x1abc');
    expect(global).not.toBe('cm9x1abc');
    expect(partnershipUrlId(global)).toBe('cm9x1abc');
  });

  it('refuses global ids of other types and garbage', () => {
    expect(partnershipUrlId(Buffer.from('Organization:cm9x1abc').toString('base64'))).toBeNull();
    expect(partnershipUrlId('not base64 at all')).toBeNull();
  });
});
