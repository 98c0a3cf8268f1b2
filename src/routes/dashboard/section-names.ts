/** The dashboard's sections below the fold, each loaded on its own (decision 0052). */
export const DASHBOARD_SECTIONS = ['map', 'gaps', 'grants', 'network'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export function isDashboardSection(value: string): value is DashboardSection {
  return (DASHBOARD_SECTIONS as readonly string[]).includes(value);
}

/** Where a section is shown as a page of its own (the no-JavaScript way to it) … */
export const sectionPageHref = (section: DashboardSection, search: string) => `/dashboard/part/${section}${search}`;
/** … and its data, which the dashboard fetches when the section is scrolled to. */
export const sectionDataHref = (section: DashboardSection, search: string) =>
  `/dashboard/part/${section}/data.json${search}`;
