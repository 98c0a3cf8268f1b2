/**
 * Which columns a unique-constraint violation (Prisma P2002) was about. With driver adapters Prisma reports them
 * in meta.driverAdapterError.cause.constraint.fields; without, in meta.target. Null when not a P2002; empty when
 * Prisma names no column.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'P2002') return null;
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  if (Array.isArray(meta.target)) return meta.target.map(String);
  if (typeof meta.target === 'string') return [meta.target];
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } })?.cause;
  const fields = cause?.constraint?.fields;
  if (Array.isArray(fields)) return fields.map((f) => String(f).replace(/"/g, ''));
  if (typeof cause?.constraint?.index === 'string') return [cause.constraint.index];
  return [];
}

/** Is this a unique-constraint violation (Prisma P2002), whichever columns it names? */
export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolationFields(error) !== null;
}
