/**
 * Organisation identifiers in org-id.guide style: a list prefix (two-letter country code, or XI/XM for
 * international lists, then the list's code) and the identifier within that list, joined by hyphens:
 * "GB-CHC-1234567" (Charity Commission), "GB-COH-09876543" (Companies House), "DE-VR-…" (Vereinsregister),
 * "XI-PIC-912345678" (the EU participant identification code). Values are case-sensitive as published; the
 * prefix is upper case by the guide's rules.
 */
export interface OrgId {
  scheme: string;
  identifier: string;
}

const ORG_ID = /^([A-Z]{2}-[A-Z0-9]{2,})-(\S.{0,198})$/;

/** The scheme and whole identifier, or an error message naming what is wrong. */
export function parseOrgId(raw: string): OrgId | { error: string } {
  const value = raw.trim();
  const match = ORG_ID.exec(value);
  if (!match) {
    return {
      error: `"${value.slice(0, 60)}" is not an org-id.guide identifier: expected a list prefix and a value, e.g. GB-CHC-1234567 or XI-PIC-912345678`
    };
  }
  return { scheme: match[1]!, identifier: value };
}

export function isOrgId(raw: string): boolean {
  return !('error' in parseOrgId(raw));
}
