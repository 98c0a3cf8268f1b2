import { m } from '$lib/i18n/generated/messages.js';
import { dashboardSearch, type DashboardFilters } from '$lib/components/dashboard/filters';
import type { ExportTable } from '../export/tables';

/** A table's CSV export for the same filters as the page it is linked from. */
export const exportHref = (table: ExportTable, filters: DashboardFilters) =>
  `/dashboard/export/${table}.csv${dashboardSearch(filters)}`;

export const mapHeading = (theme: { name: string } | null) =>
  theme ? m.dashmap_heading_theme({ theme: theme.name }) : m.dashmap_heading_all();
