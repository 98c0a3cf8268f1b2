/**
 * schema.org `Organization` JSON-LD for a profile page (issue #16, linked data). Built only from a
 * `PublicOrganization` — the record as an anonymous visitor may see it — so whoever is signed in, the markup
 * search engines read never carries contact details or memberships that are not public.
 */
export interface PublicOrganization {
  slug: string;
  name: string;
  description: string | null;
  website: string | null;
  logoUrl: string | null;
  foundedYear: number | null;
  hqCity: string | null;
  hqCountryCode: string | null;
  /** Public memberships of live (non-archived) networks only. */
  networks: { slug: string; name: string; website: string | null }[];
  /** org-id.guide identifiers (public records), ordered by scheme. */
  identifiers: { scheme: string; identifier: string }[];
}

export function organizationPath(slug: string): string {
  return `/organizations/${encodeURIComponent(slug)}`;
}

export function organizationJsonLd(org: PublicOrganization, origin: string): Record<string, unknown> {
  const url = new URL(organizationPath(org.slug), origin).href;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': url,
    name: org.name,
    url,
    mainEntityOfPage: url
  };
  if (org.description) data.description = org.description;
  // schema.org's `sameAs` is the organisation's own site when the profile page is the `url`.
  if (org.website) data.sameAs = [org.website];
  if (org.logoUrl) data.logo = org.logoUrl;
  if (org.foundedYear) data.foundingDate = String(org.foundedYear);
  if (org.hqCountryCode) {
    data.address = {
      '@type': 'PostalAddress',
      addressCountry: org.hqCountryCode,
      ...(org.hqCity ? { addressLocality: org.hqCity } : {})
    };
  }
  if (org.networks.length > 0) {
    data.memberOf = org.networks.map((n) => ({
      '@type': 'Organization',
      name: n.name,
      ...(n.website ? { url: n.website } : {})
    }));
  }
  if (org.identifiers.length > 0) {
    // schema.org's way to give an identifier from a named list: the list (org-id.guide prefix) as propertyID.
    data.identifier = org.identifiers.map((i) => ({
      '@type': 'PropertyValue',
      propertyID: i.scheme,
      value: i.identifier
    }));
  }
  return data;
}

/**
 * The JSON as the body of a `<script type="application/ld+json">`. JSON.stringify leaves `<`, `>` and `&` as they
 * are, so a name containing `</script>` or `<!--` would end or bend the element; written as \u escapes they are
 * the same JSON string and no longer HTML. U+2028/U+2029 are escaped for old JavaScript parsers.
 */
export function jsonLdScriptBody(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function jsonLdScriptTag(data: unknown): string {
  return `<script type="application/ld+json">${jsonLdScriptBody(data)}</script>`;
}
