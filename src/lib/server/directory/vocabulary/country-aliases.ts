/**
 * Other names people use for a country, beyond the Country table's English and German names (which the lexicon
 * reads from the table). Keyed by ISO 3166-1 alpha-2.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: [
    'UK',
    'Britain',
    'Great Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    'Großbritannien',
    'Schottland',
    'Nordirland',
    'Vereinigtes Koenigreich'
  ],
  US: ['USA', 'United States of America', 'Vereinigte Staaten von Amerika'],
  NL: ['Holland', 'The Netherlands'],
  CZ: ['Czech Republic', 'Tschechische Republik'],
  TR: ['Turkey', 'Turkiye'],
  MK: ['Macedonia', 'Mazedonien'],
  MD: ['Moldau', 'Republic of Moldova'],
  BA: ['Bosnia', 'Bosnien'],
  CI: ['Ivory Coast', 'Elfenbeinküste'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Demokratische Republik Kongo'],
  VA: ['Vatican', 'Holy See', 'Vatikan'],
  PS: ['Palestinian Territories', 'Gaza', 'West Bank', 'Westjordanland'],
  DE: ['BRD'],
  GR: ['Hellas'],
  IE: ['Eire'],
  RU: ['Russian Federation', 'Russische Föderation'],
  KR: ['Korea'],
  SY: ['Syrian Arab Republic']
};

/**
 * Names that are also an everyday word in the other language: German "Island" (Iceland) is English "island"
 * ("Lesbos island" must not add Iceland). They are not recognised as a country; the facet still offers them.
 */
export const AMBIGUOUS_COUNTRY_NAMES: ReadonlySet<string> = new Set(['island']);
