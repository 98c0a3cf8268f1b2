import { Ajv, type ErrorObject } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import schema from './standard/360-giving-package-schema.subset.json';

/**
 * Validation of a 360Giving package against the standard's JSON schema (the vendored subset, see
 * standard/LICENSE.md), with ajv. Every error is reported, each against the grant it belongs to (its index
 * in `grants`) and the JSON path inside that grant, so the import report can name row and field.
 */
export interface SchemaProblem {
  /** Index in `grants`, or null for package-level problems. */
  grant: number | null;
  /** JSON path inside the grant (or the package), e.g. "/recipientOrganization/0/id". */
  path: string;
  reason: string;
}

// ajv-formats is published as CommonJS with a default export: under Node's ESM interop it arrives wrapped.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as typeof addFormatsPlugin;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['date', 'date-time', 'uri']);
const validatePackageSchema = ajv.compile(schema);

function problemOf(error: ErrorObject): SchemaProblem {
  const match = /^\/grants\/(\d+)(\/.*)?$/.exec(error.instancePath);
  const missing =
    error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : '';
  const reason =
    error.keyword === 'required'
      ? 'is required by the 360Giving standard'
      : error.keyword === 'format'
        ? `must be a ${(error.params as { format: string }).format} (${error.message})`
        : (error.message ?? error.keyword);
  if (match) return { grant: Number(match[1]), path: `${match[2] ?? ''}${missing}` || '/', reason };
  return { grant: null, path: `${error.instancePath}${missing}` || '/', reason };
}

/** Problems with `data` as a 360Giving package; an empty list means it validates. */
export function validatePackage(data: unknown): SchemaProblem[] {
  if (validatePackageSchema(data)) return [];
  return (validatePackageSchema.errors ?? []).map(problemOf);
}
