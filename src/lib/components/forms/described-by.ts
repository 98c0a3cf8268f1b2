/** The aria-describedby of a field: its hint and its error, when present (ids `<id>-hint`, `<id>-error`). */
export function describedBy(id: string, hint?: string | null, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}
