import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './origin';

describe('safeRedirectPath', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirectPath('/admin?after=12')).toBe('/admin?after=12');
  });
  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null
    ]) {
      expect(safeRedirectPath(next)).toBe('/account');
    }
  });
});
