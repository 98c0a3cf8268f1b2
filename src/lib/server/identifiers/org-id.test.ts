import { describe, expect, it } from 'vitest';
import { isOrgId, parseOrgId } from './org-id';

describe('parseOrgId', () => {
  it.each([
    ['GB-CHC-1234567', 'GB-CHC'],
    ['GB-COH-09876543', 'GB-COH'],
    ['DE-VR-Amtsgericht-Leipzig-VR1234', 'DE-VR'],
    ['XI-PIC-912345678', 'XI-PIC']
  ])('reads %s as scheme %s', (raw, scheme) => {
    expect(parseOrgId(raw)).toEqual({ scheme, identifier: raw });
  });

  it.each(['1234567', 'gb-chc-1', 'GB-CHC-', 'GB-1234', '360G-fund-grant-1'])('rejects %s with a reason', (raw) => {
    const parsed = parseOrgId(raw);
    expect(parsed).toHaveProperty('error');
    expect(isOrgId(raw)).toBe(false);
  });
});
