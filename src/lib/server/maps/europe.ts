/**
 * Europe as SVG paths, projected on the server once per process (d3-geo over Natural Earth's 1:110m countries from
 * world-atlas, ~17 kB of path data; microstates that scale drops are drawn as dots at their
 * 1:50m centroid), so pages send ready-made `d` strings and the browser never downloads geometry code or TopoJSON.
 * Countries are keyed by ISO 3166-1 alpha-2, the codes the API uses.
 */
import { geoCentroid, geoConicConformal, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryShape, EuropeMapShapes } from '../../maps/shapes';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import detailedWorld from 'world-atlas/countries-50m.json' with { type: 'json' };

const WIDTH = 800;
const HEIGHT = 640;
// Iceland to Cyprus, Portugal to the Urals' foothills: what the Atlas covers, with a little sea around it.
const EXTENT: GeoPermissibleObjects = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPoint',
    coordinates: [
      [-24, 34],
      [45, 71],
      [-10, 71],
      [42, 34]
    ]
  }
};

// Too small for 1:110m; Kosovo has no ISO numeric code, so Natural Earth leaves its id empty.
const MICROSTATES = new Set(['AD', 'LI', 'MC', 'MT', 'SM', 'VA']);
const DOT_RADIUS = 4;
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function alpha2(id: string | number | undefined, name: string | undefined): string {
  if (name === 'Kosovo') return 'XK';
  return id === undefined ? '' : (countries.numericToAlpha2(String(id)) ?? '');
}

const circle = (x: number, y: number, r: number) =>
  `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;

// Overseas parts (French Guiana, the Canaries' far side of the Atlantic …) must not stretch a scoped map: only
// polygons whose centre lies in this box count when fitting the map to a set of countries.
const inEurope = ([lon, lat]: [number, number]) => lon >= -25 && lon <= 50 && lat >= 34 && lat <= 72;

function europeanParts(country: Feature<Polygon | MultiPolygon>): Feature<MultiPolygon> {
  const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
  const kept = polygons.filter((coordinates) =>
    inEurope(geoCentroid({ type: 'Polygon', coordinates }) as [number, number])
  );
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/**
 * What the map is fitted to: the European parts of the scope's countries (with the microstates' 1:50m shapes, too
 * small at 1:110m), or the whole Atlas extent when there is no scope or none of its countries has a shape.
 */
function extentOf(scope: ReadonlySet<string> | null): GeoPermissibleObjects {
  if (!scope || scope.size === 0) return EXTENT;
  const parts: Feature<MultiPolygon>[] = [];
  const sources: [Countries, boolean][] = [
    [world as unknown as Countries, false],
    [detailedWorld as unknown as Countries, true]
  ];
  for (const [topology, microstatesOnly] of sources) {
    for (const country of feature(topology, topology.objects.countries).features) {
      const code = alpha2(country.id, country.properties.name);
      if (!scope.has(code) || microstatesOnly !== MICROSTATES.has(code)) continue;
      const geometry = country.geometry as Polygon | MultiPolygon | null;
      if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') continue;
      const part = europeanParts({ ...country, geometry } as Feature<Polygon | MultiPolygon>);
      if (part.geometry.coordinates.length > 0) parts.push(part);
    }
  }
  return parts.length > 0 ? { type: 'FeatureCollection', features: parts } : EXTENT;
}

// One projection per scope; scopes differ only by visibility level and data, so a handful at most are alive.
const MAX_CACHED = 16;
const cache = new Map<string, EuropeMapShapes>();

/**
 * Europe's countries projected for an 800 × 640 map. With `scope` (ISO alpha-2 codes), the map is zoomed to those
 * countries; neighbours still draw where they fall inside the frame (the page greys them), the rest are dropped.
 */
export function europeMapShapes(scope: Iterable<string> | null = null): EuropeMapShapes {
  const codes = scope ? new Set(scope) : null;
  const key = codes ? [...codes].sort().join(',') : '*';
  const hit = cache.get(key);
  if (hit) return hit;
  const projection = geoConicConformal()
    .rotate([-12, 0])
    .parallels([35, 65])
    .fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4]
      ],
      extentOf(codes)
    );
  projection.clipExtent([
    [0, 0],
    [WIDTH, HEIGHT]
  ]);
  const path = geoPath(projection).digits(0);
  const shapes: CountryShape[] = [];
  const topology = world as unknown as Countries;
  for (const country of feature(topology, topology.objects.countries).features) {
    const d = path(country);
    if (!d) continue; // outside the clip extent
    const [x, y] = path.centroid(country);
    shapes.push({ code: alpha2(country.id, country.properties.name), d, x: Math.round(x), y: Math.round(y) });
  }
  const detailed = detailedWorld as unknown as Countries;
  for (const country of feature(detailed, detailed.objects.countries).features) {
    const code = alpha2(country.id, country.properties.name);
    if (!MICROSTATES.has(code)) continue;
    const [x, y] = path.centroid(country).map(Math.round) as [number, number];
    if (!(x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT)) continue; // outside a scoped map's frame
    shapes.push({ code, d: circle(x, y, DOT_RADIUS), dot: true, x, y });
  }
  // Coloured countries last, so their outlines are not hidden under neighbours'.
  shapes.sort((a, b) => Number(a.code !== '') - Number(b.code !== ''));
  const result = { width: WIDTH, height: HEIGHT, countries: shapes };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}
