/**
 * The CSV formats, one column list per kind, in the order the exporter writes them. The importer and the exporter
 * both read this file, so the two cannot drift apart. Documented for humans in docs/data-formats.md.
 *
 * `required` columns must be in the header; the others may be left out (their cells count as empty). A header
 * naming a column that is not listed here is rejected, so that a typo never silently drops data.
 */
export const IMPORT_KINDS = ['organizations', 'networks', 'network-memberships', 'partnerships', 'grants'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface Column {
  name: string;
  required: boolean;
}

const req = (name: string): Column => ({ name, required: true });
const opt = (name: string): Column => ({ name, required: false });

export const COLUMNS = {
  organizations: [
    req('external_id'),
    opt('slug'),
    req('name'),
    req('type'),
    opt('description'),
    opt('website'),
    opt('founded_year'),
    opt('hq_country'),
    opt('hq_city'),
    opt('countries'),
    opt('levels'),
    opt('themes'),
    opt('languages'),
    opt('staff_size'),
    opt('budget_band'),
    opt('contact_email'),
    opt('contact_email_visibility'),
    opt('contact_phone'),
    opt('contact_phone_visibility'),
    opt('logo_url'),
    opt('archived_at')
  ],
  networks: [
    req('external_id'),
    opt('slug'),
    req('name'),
    opt('description'),
    opt('website'),
    opt('secretariat'),
    opt('archived_at')
  ],
  'network-memberships': [
    req('network'),
    req('organization'),
    opt('role'),
    opt('since'),
    opt('until'),
    opt('visibility')
  ],
  partnerships: [
    req('external_id'),
    req('org_a'),
    req('org_b'),
    req('kind'),
    opt('status'),
    opt('visibility'),
    opt('start_date'),
    opt('end_date'),
    opt('title'),
    opt('description'),
    opt('themes'),
    opt('source')
  ],
  // 360Giving column titles where the standard has one (https://standard.threesixtygiving.org).
  grants: [
    req('Identifier'),
    req('Title'),
    opt('Description'),
    req('Currency'),
    req('Amount Awarded'),
    req('Award Date'),
    opt('Planned Dates:Start Date'),
    opt('Planned Dates:End Date'),
    req('Recipient Org:Identifier'),
    opt('Recipient Org:Name'),
    req('Funding Org:Identifier'),
    opt('Funding Org:Name'),
    opt('Grant Programme:Title'),
    opt('Beneficiary Location:Country Code'),
    opt('Themes'),
    opt('Visibility'),
    opt('Data Source')
  ]
} as const satisfies Record<ImportKind, readonly Column[]>;

export type ColumnName<K extends ImportKind> = (typeof COLUMNS)[K][number]['name'];

/** The file name the generator writes and the docs use for each kind. */
export const FILE_NAMES: Record<ImportKind, string> = {
  organizations: 'organizations.csv',
  networks: 'networks.csv',
  'network-memberships': 'network-memberships.csv',
  partnerships: 'partnerships.csv',
  grants: 'grants.csv'
};

/** Import order: every kind only references kinds imported before it. */
export const IMPORT_ORDER: readonly ImportKind[] = IMPORT_KINDS;

/**
 * The reference a row of another file uses for a row that has no external id (created in the app): the exporter
 * writes `atlas:<internal id>`, the importer accepts it. See docs/data-formats.md, "References".
 */
export const INTERNAL_REF_PREFIX = 'atlas:';
