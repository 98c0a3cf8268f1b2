import { canSeeField } from '../access/field-visibility';
import { joinList } from './csv-writer';
import { exportKey, themeSlugs, sortedSlugs } from './keys';
import type { ExportContext, ExportRow } from './kind';
import { pageArgs, pagesById } from './paging';

/**
 * Every organisation (profiles are public, archived ones included with their archived_at). Contact fields are
 * written only when the viewer may see them (canSeeField, the rule the API applies); their visibility settings are
 * always written, so a re-import keeps them.
 */
export async function organizationRows({ db, v }: ExportContext): Promise<ExportRow[]> {
  const slugs = await themeSlugs(db);
  const rows: ExportRow[] = [];
  for await (const page of pagesById((after) =>
    db.organization.findMany({
      ...pageArgs(after),
      include: { themes: { select: { themeId: true } }, countries: { select: { countryCode: true } } }
    })
  )) {
    for (const o of page) {
      const key = exportKey(o);
      rows.push({
        key,
        cells: {
          external_id: key,
          slug: o.slug,
          name: o.name,
          type: o.type,
          description: o.description,
          website: o.website,
          founded_year: o.foundedYear,
          hq_country: o.hqCountryCode,
          hq_city: o.hqCity,
          countries: joinList(o.countries.map((c) => c.countryCode).sort()),
          levels: joinList(o.levels),
          themes: joinList(sortedSlugs(o.themes, slugs)),
          languages: joinList(o.languages),
          staff_size: o.staffSize,
          budget_band: o.budgetBand,
          contact_email: canSeeField(v, o.contactEmailVisibility, o.id) ? o.contactEmail : null,
          contact_email_visibility: o.contactEmailVisibility,
          contact_phone: canSeeField(v, o.contactPhoneVisibility, o.id) ? o.contactPhone : null,
          contact_phone_visibility: o.contactPhoneVisibility,
          logo_url: o.logoUrl,
          archived_at: o.archivedAt?.toISOString()
        }
      });
    }
  }
  return rows;
}
