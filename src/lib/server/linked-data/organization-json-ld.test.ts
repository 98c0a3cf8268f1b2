import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonLdScriptTag, organizationJsonLd, type PublicOrganization } from './organization-json-ld';

const base: PublicOrganization = {
  slug: 'refugee-law-clinic',
  name: 'Refugee Law Clinic',
  description: 'Legal aid.',
  website: 'https://rlc.example.org',
  logoUrl: null,
  foundedYear: 2015,
  hqCity: 'Berlin',
  hqCountryCode: 'DE',
  networks: [{ slug: 'ecre', name: 'ECRE', website: 'https://ecre.example.org' }],
  identifiers: [
    { scheme: 'DE-VR', identifier: 'DE-VR-Berlin-12345' },
    { scheme: 'XI-PIC', identifier: 'XI-PIC-912345678' }
  ]
};

/** The body of the first ld+json script in the HTML, as a browser's HTML parser would end it (at `</script`). */
function scriptBody(html: string): string {
  const open = '<script type="application/ld+json">';
  const start = html.indexOf(open) + open.length;
  const end = html.toLowerCase().indexOf('</script', start);
  return html.slice(start, end);
}

describe('organizationJsonLd', () => {
  it('is a schema.org Organization with the profile URL, country and networks', () => {
    const data = JSON.parse(scriptBody(jsonLdScriptTag(organizationJsonLd(base, 'https://atlas.example'))));
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Organization');
    expect(data.url).toBe('https://atlas.example/organizations/refugee-law-clinic');
    expect(data.address).toEqual({ '@type': 'PostalAddress', addressCountry: 'DE', addressLocality: 'Berlin' });
    expect(data.memberOf).toEqual([{ '@type': 'Organization', name: 'ECRE', url: 'https://ecre.example.org' }]);
    expect(data.sameAs).toEqual(['https://rlc.example.org']);
    expect(data.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'DE-VR', value: 'DE-VR-Berlin-12345' },
      { '@type': 'PropertyValue', propertyID: 'XI-PIC', value: 'XI-PIC-912345678' }
    ]);
  });

  it('leaves out what the record does not have', () => {
    const data = organizationJsonLd(
      {
        ...base,
        description: null,
        website: null,
        foundedYear: null,
        hqCountryCode: null,
        networks: [],
        identifiers: []
      },
      'https://atlas.example'
    );
    expect(Object.keys(data).sort()).toEqual(['@context', '@id', '@type', 'mainEntityOfPage', 'name', 'url']);
  });

  it('a name containing </script> cannot end the element', () => {
    const name = 'Evil</script><script>alert(1)</script><!--';
    const tag = jsonLdScriptTag(organizationJsonLd({ ...base, name }, 'https://atlas.example'));
    expect(tag.toLowerCase().indexOf('</script')).toBe(tag.length - '</script>'.length);
    expect(JSON.parse(scriptBody(tag)).name).toBe(name);
  });

  it('round-trips any name and description and never lets markup out of the script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (name, description) => {
        const tag = jsonLdScriptTag(organizationJsonLd({ ...base, name, description }, 'https://atlas.example'));
        const body = scriptBody(tag);
        expect(body).not.toMatch(/[<>&]/);
        expect(body.length).toBe(tag.length - '<script type="application/ld+json">'.length - '</script>'.length);
        const data = JSON.parse(body);
        expect(data.name).toBe(name);
        if (description) expect(data.description).toBe(description);
      })
    );
  });
});
