import { europeMapShapes } from '$lib/server/maps/europe';
import { publicOrganization } from '$lib/server/linked-data/public-organization';
import { jsonLdScriptTag, organizationJsonLd, organizationPath } from '$lib/server/linked-data/organization-json-ld';
import type { PageServerLoad } from './$types';

// Map geometry is projected on the server (once per process) so the browser never loads d3-geo or TopoJSON.
// Linked data (JSON-LD, Open Graph) is read as an anonymous visitor would see the profile, whoever asks.
export const load: PageServerLoad = async ({ params, url }) => {
  const org = await publicOrganization(params.slug);
  return {
    mapShapes: europeMapShapes(),
    linkedData: org
      ? {
          jsonLdTag: jsonLdScriptTag(organizationJsonLd(org, url.origin)),
          canonicalUrl: new URL(organizationPath(org.slug), url.origin).href,
          title: org.name,
          description: org.description?.slice(0, 200) ?? null,
          image: org.logoUrl
        }
      : null
  };
};
