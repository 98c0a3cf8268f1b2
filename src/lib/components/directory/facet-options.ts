/**
 * Turns the API's facet counts into the checkbox lists the directory shows. The API leaves out values with no
 * organisation under the current filter; a value the visitor has ticked stays visible anyway (with 0), or they
 * could not untick it.
 */
import { displayNamesOf } from '$lib/i18n/intl-formats';
export interface FacetOption {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

export interface ThemeOption extends FacetOption {
  children: ThemeOption[];
  /** A sub-theme is ticked: the parent's sub-theme list starts open. */
  hasCheckedChild: boolean;
}

export interface ThemeNodeInput {
  slug: string;
  name: string;
  children?: ThemeNodeInput[] | null;
}

function countsBy<T>(facets: T[], key: (f: T) => string, count: (f: T) => number): Map<string, number> {
  return new Map(facets.map((f) => [key(f), count(f)]));
}

/**
 * The theme tree in the vocabulary's display order, each theme with its count (a parent counts organisations on
 * any of its sub-themes — the API does that). Themes with no organisation and nothing ticked are left out.
 */
export function themeOptions(
  tree: ThemeNodeInput[],
  facets: { count: number; theme: { slug: string } }[],
  selected: readonly string[]
): ThemeOption[] {
  const counts = countsBy(
    facets,
    (f) => f.theme.slug,
    (f) => f.count
  );
  const build = (node: ThemeNodeInput): ThemeOption | null => {
    const children = (node.children ?? []).map(build).filter((c): c is ThemeOption => c !== null);
    const option: ThemeOption = {
      value: node.slug,
      label: node.name,
      count: counts.get(node.slug) ?? 0,
      checked: selected.includes(node.slug),
      children,
      hasCheckedChild: children.some((c) => c.checked || c.hasCheckedChild)
    };
    return option.count > 0 || option.checked || option.hasCheckedChild ? option : null;
  };
  return tree.map(build).filter((t): t is ThemeOption => t !== null);
}

/**
 * A flat facet: the values the API counted (most organisations first, then by label) plus ticked values it left
 * out. `label` names a value (country name, translated type …).
 */
export function flatOptions(
  counted: { value: string; count: number }[],
  selected: readonly string[],
  label: (value: string) => string
): FacetOption[] {
  const options = counted.map(({ value, count }) => ({
    value,
    label: label(value),
    count,
    checked: selected.includes(value)
  }));
  for (const value of selected) {
    if (!options.some((o) => o.value === value)) options.push({ value, label: label(value), count: 0, checked: true });
  }
  return options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Long lists show their first `visible` options and fold the rest away (FacetGroup opens the fold when it holds a
 * ticked value). A ticked value is not moved up: ticking a box must not move it to another list, since the
 * re-created checkbox would lose the keyboard focus. Its own dimension's counts do not change when it is ticked
 * (the API counts each dimension without its own filter), so the order stays put too.
 */
export function splitVisible(options: FacetOption[], visible: number): { shown: FacetOption[]; more: FacetOption[] } {
  return { shown: options.slice(0, visible), more: options.slice(visible) };
}

/** Names for ISO codes from the browser's / Node's own locale data (no table to ship). Falls back to the code. */
export function displayName(lang: string, type: 'region' | 'language', code: string): string {
  try {
    return displayNamesOf(lang, { type, fallback: 'code' }).of(type === 'region' ? code.toUpperCase() : code) ?? code;
  } catch {
    return code;
  }
}
