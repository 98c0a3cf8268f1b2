import { m } from '$lib/i18n/generated/messages.js';
import type { CountryRegion } from '$lib/graphql/generated/graphql';

export interface RegionGroup {
  key: string;
  label: string;
  countries: { code: string; name: string }[];
}

// The API's regions, folded into four groups a person scans quickly: the EU first (where most coalitions form),
// then the EEA with Switzerland and the UK, the candidates, and the rest.
const GROUP_OF: Partial<Record<CountryRegion, string>> = {
  EU27: 'eu',
  EEA: 'eea',
  CH: 'eea',
  UK: 'eea',
  CANDIDATE: 'candidate',
  OTHER_EUROPE: 'other'
};
const LABELS: Record<string, () => string> = {
  eu: () => m.coalition_region_eu(),
  eea: () => m.coalition_region_eea(),
  candidate: () => m.coalition_region_candidate(),
  other: () => m.coalition_region_other()
};

/** European countries grouped by region, each group sorted by name in the page language. */
export function regionGroups(
  countries: readonly { code: string; name: string; region: CountryRegion }[],
  lang: string
): RegionGroup[] {
  const collator = new Intl.Collator(lang);
  return Object.keys(LABELS)
    .map((key) => ({
      key,
      label: LABELS[key]!(),
      countries: countries
        .filter((c) => (GROUP_OF[c.region] ?? 'other') === key)
        .map(({ code, name }) => ({ code, name }))
        .sort((a, b) => collator.compare(a.name, b.name))
    }))
    .filter((group) => group.countries.length > 0);
}
