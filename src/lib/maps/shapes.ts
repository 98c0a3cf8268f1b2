/** Map shapes as pages receive them from src/lib/server/maps (plain data, safe to send to the browser). */
export interface CountryShape {
  /** ISO 3166-1 alpha-2, e.g. "DE"; empty for territories without one (they are drawn, never coloured). */
  code: string;
  d: string;
  /** True for a microstate drawn as a dot. */
  dot?: boolean;
  /** Label anchor in map coordinates. */
  x: number;
  y: number;
}

export interface EuropeMapShapes {
  width: number;
  height: number;
  countries: CountryShape[];
}
