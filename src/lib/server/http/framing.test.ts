import { describe, expect, it } from 'vitest';
import { allowAnyFrameAncestor, withFramingPolicy } from './framing';

const PAGE_CSP = "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'";

function page(): Response {
  return new Response('<p>hi</p>', {
    headers: { 'content-type': 'text/html', 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' }
  });
}

describe('framing policy', () => {
  it('lets any site frame /embed/ pages, keeping the rest of the policy', () => {
    const response = withFramingPolicy(page(), new URL('https://atlas.example/embed/organizations/x/network'));
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors *"
    );
  });

  it('leaves every other page refusing to be framed', () => {
    for (const path of ['/', '/organizations/x', '/embedded', '/embed', '/api/oembed']) {
      const response = withFramingPolicy(page(), new URL(`https://atlas.example${path}`));
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    }
  });

  it('works on responses with immutable headers', () => {
    const redirect = Response.redirect('https://atlas.example/embed/organizations/y/network', 302);
    const response = withFramingPolicy(redirect, new URL('https://atlas.example/embed/organizations/x/network'));
    expect(response.status).toBe(302);
    expect(response.headers.get('content-security-policy')).toBe('frame-ancestors *');
  });

  it('adds frame-ancestors when the policy had none, and replaces it whatever its case', () => {
    expect(allowAnyFrameAncestor(null)).toBe('frame-ancestors *');
    expect(allowAnyFrameAncestor("default-src 'none'; FRAME-ANCESTORS 'self';")).toBe(
      "default-src 'none'; frame-ancestors *"
    );
  });
});
