/**
 * Regions of Europe for the heatmap's columns, so one region's countries fit a 1366 px screen with the themes as
 * rows. The UN's M49 sub-regions of Europe (unstats.un.org/unsd/methodology/m49), with the countries M49 puts in
 * Western Asia but the directory counts as European (Cyprus, Turkey, the South Caucasus) placed in the
 * neighbouring region, and Kosovo (no M49 code) in Southern Europe. A country not listed falls into `other`.
 */
export const REGIONS = ['north', 'west', 'south', 'east'] as const;
export type Region = (typeof REGIONS)[number];
export type RegionOrOther = Region | 'other';

const MEMBERS: Record<Region, readonly string[]> = {
  north: ['AX', 'DK', 'EE', 'FI', 'FO', 'GB', 'GG', 'IE', 'IM', 'IS', 'JE', 'LT', 'LV', 'NO', 'SE', 'SJ'],
  west: ['AT', 'BE', 'CH', 'DE', 'FR', 'LI', 'LU', 'MC', 'NL'],
  south: [
    'AD',
    'AL',
    'BA',
    'CY',
    'ES',
    'GI',
    'GR',
    'HR',
    'IT',
    'ME',
    'MK',
    'MT',
    'PT',
    'RS',
    'SI',
    'SM',
    'TR',
    'VA',
    'XK'
  ],
  east: ['AM', 'AZ', 'BG', 'BY', 'CZ', 'GE', 'HU', 'MD', 'PL', 'RO', 'RU', 'SK', 'UA']
};

const REGION_OF = new Map<string, Region>(
  REGIONS.flatMap((region) => MEMBERS[region].map((code) => [code, region] as const))
);

/** The countries (ISO alpha-2) a region's heatmap columns show. */
export function regionCountries(region: Region): readonly string[] {
  return MEMBERS[region];
}

export function regionOf(countryCode: string): RegionOrOther {
  return REGION_OF.get(countryCode.toUpperCase()) ?? 'other';
}
