import { describe, expect, it } from 'vitest';
import { hasSessionCookie, sessionCookieName } from './cookies';

describe('session cookie', () => {
  it('uses the __Host- prefix only on https', () => {
    expect(sessionCookieName(new URL('https://atlas.example.org/'))).toBe('__Host-atlas_session');
    expect(sessionCookieName(new URL('http://localhost:3000/'))).toBe('atlas_session');
  });
  it('is recognised in a Cookie header by exact name', () => {
    const req = (cookie: string) => new Request('http://x/', { headers: { cookie } });
    expect(hasSessionCookie(req('lang=de; atlas_session=abc'))).toBe(true);
    expect(hasSessionCookie(req('__Host-atlas_session=abc'))).toBe(true);
    expect(hasSessionCookie(req('not_atlas_session=abc; lang=de'))).toBe(false);
    expect(hasSessionCookie(new Request('http://x/'))).toBe(false);
  });
});
