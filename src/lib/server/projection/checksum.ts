import { createHash } from 'node:crypto';
import type { Plain } from './types';

/**
 * JSON with object keys sorted at every level, so two equal fingerprints always serialise to the same bytes.
 * Array order is kept: fingerprints sort their set-like arrays themselves (theme ids, country codes …).
 */
export function canonicalJson(value: Plain | Record<string, Plain> | undefined): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/** SHA-1 is plenty: this detects accidental drift between two stores we control, not tampering by an attacker. */
export function checksum(fingerprint: Record<string, Plain>): string {
  return createHash('sha1').update(canonicalJson(fingerprint)).digest('hex');
}

/**
 * Set-like arrays (theme ids, country codes, levels) compare regardless of order: sorted by code unit, the same
 * on both sides whatever the database collation. Duplicates are kept, so a doubled relationship shows as drift.
 */
export function sorted(values: readonly unknown[] | null | undefined): string[] {
  return (values ?? []).map(String).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
