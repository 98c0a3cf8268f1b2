import { describe, expect, it } from 'vitest';
import { iframeSnippet, networkEmbedUrl } from '$lib/embed/snippet';
import { parseOembedRequest } from './oembed';

const ORIGIN = 'https://atlas.example';
const ask = (params: Record<string, string>) => parseOembedRequest(new URLSearchParams(params), ORIGIN);

describe('oEmbed requests', () => {
  it('accept a profile URL or a network embed URL of this site', () => {
    expect(ask({ url: `${ORIGIN}/organizations/rlc` })).toEqual({
      ok: true,
      target: { view: 'network', slug: 'rlc' },
      width: 600,
      height: 480
    });
    expect(ask({ url: `${ORIGIN}/embed/organizations/rlc/network`, format: 'json' })).toMatchObject({
      target: { view: 'network', slug: 'rlc' }
    });
  });

  it('accept the directory map and the coalition builder, or their embeds, keeping their parameters', () => {
    expect(ask({ url: `${ORIGIN}/directory/map?theme=legal-aid&country=gr` })).toMatchObject({
      target: { view: 'map', search: 'theme=legal-aid&country=gr' }
    });
    expect(ask({ url: `${ORIGIN}/embed/map` })).toMatchObject({ target: { view: 'map', search: '' } });
    expect(ask({ url: `${ORIGIN}/coalitions?theme=health&country=IT&country=GR` })).toMatchObject({
      target: { view: 'coalition', search: 'theme=health&country=IT&country=GR' }
    });
    expect(ask({ url: `${ORIGIN}/embed/coalition/?theme=health` })).toMatchObject({
      target: { view: 'coalition', search: 'theme=health' }
    });
  });

  it('shrink to maxwidth and maxheight but never grow', () => {
    expect(ask({ url: `${ORIGIN}/organizations/rlc`, maxwidth: '300', maxheight: '9000' })).toMatchObject({
      width: 300,
      height: 480
    });
  });

  it('refuse bad input naming the field, with the status the spec asks for', () => {
    expect(ask({})).toMatchObject({ ok: false, status: 400, field: 'url' });
    expect(ask({ url: 'not a url' })).toMatchObject({ ok: false, status: 400, field: 'url' });
    expect(ask({ url: 'https://elsewhere.example/organizations/rlc' })).toMatchObject({ status: 404, field: 'url' });
    expect(ask({ url: `${ORIGIN}/directory` })).toMatchObject({ status: 404, field: 'url' });
    expect(ask({ url: `${ORIGIN}/embed/mapx` })).toMatchObject({ status: 404, field: 'url' });
    expect(ask({ url: `${ORIGIN}/organizations/rlc`, format: 'xml' })).toMatchObject({ status: 501, field: 'format' });
    expect(ask({ url: `${ORIGIN}/organizations/rlc`, maxwidth: '-3' })).toMatchObject({
      status: 400,
      field: 'maxwidth'
    });
  });
});

describe('iframe snippet', () => {
  it('escapes attribute values', () => {
    const html = iframeSnippet(networkEmbedUrl('a b', ORIGIN), 'Network of "Q" <b>&');
    expect(html).toContain(`src="${ORIGIN}/embed/organizations/a%20b/network"`);
    expect(html).toContain('title="Network of &quot;Q&quot; &lt;b&gt;&amp;"');
  });
});
