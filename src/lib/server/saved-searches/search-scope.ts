import type { SavedSearchKind } from '../db/generated/client';
import { getDb } from '../platform/db';
import type { OrganizationFilter } from '../directory/search-filter';
import type { FieldError } from '../validation/field-errors';
import { canonicalCoalitionParams, coalitionFilterOf } from './coalition-filter';
import { canonicalDashboardParams, dashboardScopeOf, type DashboardScope } from './dashboard-filter';
import { canonicalDirectoryParams, directoryFilterOf, directoryThemesOf, type SavedParams } from './directory-filter';

/**
 * The three kinds of saved search (decision 0043): each is its page's URL parameters, checked by that page's own
 * parser, reopened at that page, and announcing what makes sense for it — the directory new organisations,
 * partnerships and grants; a coalition request new organisations covering a requested cell; a dashboard view new
 * organisations and grants in its filter.
 */
export const PAGE_OF_KIND: Record<SavedSearchKind, string> = {
  DIRECTORY: '/directory',
  COALITION: '/coalitions',
  DASHBOARD: '/dashboard'
};

/** The page a saved search restores: its path with the stored parameters (relative, or absolute with `origin`). */
export function savedSearchHref(search: { kind: SavedSearchKind; params: string }, origin?: string): string {
  const path = `${PAGE_OF_KIND[search.kind]}${search.params ? `?${search.params}` : ''}`;
  return origin ? new URL(path, origin).toString() : path;
}

export type GrantScope = DashboardScope['grants'];

export interface SearchScope {
  organizations: OrganizationFilter;
  /** Whether confirmed partnerships of matching organisations count as news. */
  partnerships: boolean;
  /** Grants to matching organisations count as news, narrowed so; null: grants do not. */
  grants: GrantScope | null;
}

const ANY_GRANT: GrantScope = { funderSlug: null, fromYear: null, toYear: null };

export function scopeOf(search: { kind: SavedSearchKind; params: string }): SearchScope {
  switch (search.kind) {
    case 'DIRECTORY':
      return { organizations: directoryFilterOf(search.params), partnerships: true, grants: ANY_GRANT };
    case 'COALITION':
      return { organizations: coalitionFilterOf(search.params), partnerships: false, grants: null };
    case 'DASHBOARD': {
      const { organizations, grants } = dashboardScopeOf(search.params);
      return { organizations, partnerships: false, grants };
    }
  }
}

async function unknownThemes(slugs: string[], field: string): Promise<FieldError[]> {
  if (slugs.length === 0) return [];
  const known = await getDb().theme.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  const knownSlugs = new Set(known.map((t) => t.slug));
  return [...new Set(slugs)]
    .filter((s) => !knownSlugs.has(s))
    .map((s) => ({ field, message: `"${s}" is not a known theme` }));
}

async function coalitionParams(raw: string): Promise<SavedParams> {
  const db = getDb();
  const [themes, countries] = await Promise.all([
    db.theme.findMany({ select: { slug: true } }),
    db.country.findMany({ select: { code: true } })
  ]);
  return canonicalCoalitionParams(raw, {
    themes: new Set(themes.map((t) => t.slug)),
    countries: new Set(countries.map((c) => c.code))
  });
}

async function dashboardParams(raw: string): Promise<SavedParams> {
  const checked = canonicalDashboardParams(raw);
  if (!checked.ok || !checked.filters) return checked;
  const { funder, mapTheme, expand } = checked.filters;
  const errors = [
    ...(await unknownThemes(mapTheme ? [mapTheme] : [], 'params.maptheme')),
    ...(await unknownThemes(expand, 'params.expand'))
  ];
  if (funder && !(await getDb().organization.findFirst({ where: { slug: funder, type: 'FUNDER' } }))) {
    errors.push({ field: 'params.funder', message: `"${funder}" is not a funder in the directory` });
  }
  return errors.length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, params: checked.params };
}

/** The stored form of a page's parameters, or errors naming `params.<parameter>`. */
export async function canonicalParams(kind: SavedSearchKind, raw: string): Promise<SavedParams> {
  switch (kind) {
    case 'DIRECTORY': {
      const checked = canonicalDirectoryParams(raw);
      if (!checked.ok) return checked;
      const errors = await unknownThemes(directoryThemesOf(checked.params), 'params.theme');
      return errors.length > 0 ? { ok: false, fieldErrors: errors } : checked;
    }
    case 'COALITION':
      return coalitionParams(raw);
    case 'DASHBOARD':
      return dashboardParams(raw);
  }
}
