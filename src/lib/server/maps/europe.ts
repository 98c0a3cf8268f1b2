/**
 * Europe as SVG paths, projected on the server once per process (d3-geo over Natural Earth's 1:110m countries from
 * world-atlas, ~17 kB of path data; microstates that scale drops are drawn as dots at their
 * 1:50m centroid), so pages send ready-made `d` strings and the browser never downloads geometry code or TopoJSON.
 * Countries are keyed by ISO 3166-1 alpha-2, the codes the API uses.
 */
import { geoConicConformal, geoPath, type GeoPermissibleObjects } from 'd3-geo';
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

let cached: EuropeMapShapes | undefined;

export function europeMapShapes(): EuropeMapShapes {
  if (cached) return cached;
  const projection = geoConicConformal()
    .rotate([-12, 0])
    .parallels([35, 65])
    .fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4]
      ],
      EXTENT
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
    shapes.push({ code, d: circle(x, y, DOT_RADIUS), dot: true, x, y });
  }
  // Coloured countries last, so their outlines are not hidden under neighbours'.
  shapes.sort((a, b) => Number(a.code !== '') - Number(b.code !== ''));
  cached = { width: WIDTH, height: HEIGHT, countries: shapes };
  return cached;
}
