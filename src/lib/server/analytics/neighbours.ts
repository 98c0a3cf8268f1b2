/**
 * Which countries share a land border, for the gap list's "neighbouring countries' organisations who could extend
 * there". Derived once per process from Natural Earth's 1:50m countries (world-atlas, already used for the map):
 * two countries are neighbours when their outlines share an arc (topojson's `neighbors`). Sea crossings do not
 * count, so islands (Cyprus, Malta, Iceland) have none. Keyed by ISO 3166-1 alpha-2, the codes the API uses.
 */
import countries from 'i18n-iso-countries';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import detailedWorld from 'world-atlas/countries-50m.json' with { type: 'json' };

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let cached: ReadonlyMap<string, readonly string[]> | undefined;

function alpha2(id: string | number | undefined, name: string | undefined): string {
  // Natural Earth leaves Kosovo's numeric id empty (it has no ISO numeric code).
  if (name === 'Kosovo') return 'XK';
  return id === undefined ? '' : (countries.numericToAlpha2(String(id)) ?? '');
}

export function landNeighbours(): ReadonlyMap<string, readonly string[]> {
  if (cached) return cached;
  const topology = detailedWorld as unknown as Countries;
  const geometries = topology.objects.countries.geometries;
  const codes = geometries.map((g) => alpha2(g.id, (g.properties as { name?: string } | undefined)?.name));
  const result = new Map<string, string[]>();
  neighbors(geometries).forEach((indices, i) => {
    const code = codes[i];
    if (!code) return;
    const list = indices.map((j) => codes[j]).filter((c): c is string => Boolean(c) && c !== code);
    result.set(code, [...new Set([...(result.get(code) ?? []), ...list])].sort());
  });
  cached = result;
  return cached;
}
