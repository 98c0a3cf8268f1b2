/** Loads what the organisation form offers (theme tree, European countries) in the page's language. */
import { loadQuery } from '$lib/graphql/client';
import { OrganizationFormChoicesQuery } from '$lib/graphql/documents/editing';
import type { Language } from '$lib/graphql/generated/graphql';
import type { ThemeChoice } from '$lib/components/forms/organization-form';

type ThemeNode = { slug: string; name: string; children?: ThemeNode[] | null };
const toChoice = (t: ThemeNode): ThemeChoice => ({
  slug: t.slug,
  name: t.name,
  children: (t.children ?? []).map(toChoice)
});

export async function loadOrganizationFormChoices(fetchFn: typeof fetch, lang: string) {
  const language: Language = lang === 'de' ? 'DE' : 'EN';
  const data = await loadQuery(fetchFn, OrganizationFormChoicesQuery, { lang: language });
  const collator = new Intl.Collator(lang);
  return {
    themes: data.themes.map(toChoice),
    countries: [...data.countries].sort((a, b) => collator.compare(a.name, b.name))
  };
}
