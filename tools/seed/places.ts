/**
 * The European countries the generator and the demo place organisations in: how common civil-society
 * organisations on migration are there (weight, skewed towards the large and the Mediterranean arrival
 * countries), real cities, working languages, currency and telephone prefix. Shared by generator.ts and demo.ts.
 */
export interface Place {
  code: string;
  /** Relative share of organisations headquartered there. */
  weight: number;
  /** ISO 639-1 working languages, most common first. */
  languages: string[];
  currency: string;
  dial: string;
  cities: string[];
  /** The faker locale whose surnames suit the country (foundations are often named after people). */
  fakerLocale: string;
}

export const PLACES: readonly Place[] = [
  {
    code: 'DE',
    weight: 14,
    languages: ['de'],
    currency: 'EUR',
    dial: '+49',
    fakerLocale: 'de',
    cities: [
      'Berlin',
      'Hamburg',
      'Munich',
      'Cologne',
      'Frankfurt',
      'Leipzig',
      'Dresden',
      'Stuttgart',
      'Bremen',
      'Hanover',
      'Nuremberg',
      'Freiburg'
    ]
  },
  {
    code: 'FR',
    weight: 11,
    languages: ['fr'],
    currency: 'EUR',
    dial: '+33',
    fakerLocale: 'fr',
    cities: [
      'Paris',
      'Marseille',
      'Lyon',
      'Calais',
      'Lille',
      'Nice',
      'Toulouse',
      'Strasbourg',
      'Nantes',
      'Bordeaux',
      'Grenoble'
    ]
  },
  {
    code: 'IT',
    weight: 11,
    languages: ['it'],
    currency: 'EUR',
    dial: '+39',
    fakerLocale: 'it',
    cities: [
      'Rome',
      'Milan',
      'Palermo',
      'Naples',
      'Turin',
      'Bologna',
      'Bari',
      'Catania',
      'Lampedusa',
      'Trieste',
      'Florence',
      'Genoa'
    ]
  },
  {
    code: 'ES',
    weight: 10,
    languages: ['es', 'ca'],
    currency: 'EUR',
    dial: '+34',
    fakerLocale: 'es',
    cities: [
      'Madrid',
      'Barcelona',
      'Valencia',
      'Seville',
      'Málaga',
      'Bilbao',
      'Zaragoza',
      'Almería',
      'Ceuta',
      'Melilla',
      'Las Palmas'
    ]
  },
  {
    code: 'GR',
    weight: 8,
    languages: ['el'],
    currency: 'EUR',
    dial: '+30',
    fakerLocale: 'el',
    cities: ['Athens', 'Thessaloniki', 'Lesvos', 'Samos', 'Chios', 'Patras', 'Ioannina', 'Heraklion', 'Kos', 'Larissa']
  },
  {
    code: 'NL',
    weight: 6,
    languages: ['nl'],
    currency: 'EUR',
    dial: '+31',
    fakerLocale: 'nl',
    cities: ['Amsterdam', 'Rotterdam', 'The Hague', 'Utrecht', 'Eindhoven', 'Groningen', 'Nijmegen', 'Ter Apel']
  },
  {
    code: 'BE',
    weight: 6,
    languages: ['nl', 'fr'],
    currency: 'EUR',
    dial: '+32',
    fakerLocale: 'nl_BE',
    cities: ['Brussels', 'Antwerp', 'Ghent', 'Liège', 'Charleroi', 'Leuven', 'Namur']
  },
  {
    code: 'GB',
    weight: 6,
    languages: ['en'],
    currency: 'GBP',
    dial: '+44',
    fakerLocale: 'en_GB',
    cities: ['London', 'Manchester', 'Birmingham', 'Glasgow', 'Cardiff', 'Belfast', 'Leeds', 'Bristol', 'Dover']
  },
  {
    code: 'AT',
    weight: 4,
    languages: ['de'],
    currency: 'EUR',
    dial: '+43',
    fakerLocale: 'de_AT',
    cities: ['Vienna', 'Graz', 'Linz', 'Salzburg', 'Innsbruck']
  },
  {
    code: 'SE',
    weight: 4,
    languages: ['sv'],
    currency: 'SEK',
    dial: '+46',
    fakerLocale: 'sv',
    cities: ['Stockholm', 'Gothenburg', 'Malmö', 'Uppsala', 'Örebro']
  },
  {
    code: 'PL',
    weight: 4,
    languages: ['pl'],
    currency: 'PLN',
    dial: '+48',
    fakerLocale: 'pl',
    cities: ['Warsaw', 'Kraków', 'Wrocław', 'Gdańsk', 'Lublin', 'Białystok', 'Przemyśl']
  },
  {
    code: 'PT',
    weight: 3,
    languages: ['pt'],
    currency: 'EUR',
    dial: '+351',
    fakerLocale: 'pt_PT',
    cities: ['Lisbon', 'Porto', 'Coimbra', 'Braga', 'Faro']
  },
  {
    code: 'IE',
    weight: 3,
    languages: ['en', 'ga'],
    currency: 'EUR',
    dial: '+353',
    fakerLocale: 'en_IE',
    cities: ['Dublin', 'Cork', 'Galway', 'Limerick']
  },
  {
    code: 'CH',
    weight: 3,
    languages: ['de', 'fr', 'it'],
    currency: 'CHF',
    dial: '+41',
    fakerLocale: 'de_CH',
    cities: ['Zurich', 'Geneva', 'Bern', 'Basel', 'Lausanne']
  },
  {
    code: 'DK',
    weight: 2,
    languages: ['da'],
    currency: 'DKK',
    dial: '+45',
    fakerLocale: 'da',
    cities: ['Copenhagen', 'Aarhus', 'Odense']
  },
  {
    code: 'FI',
    weight: 2,
    languages: ['fi', 'sv'],
    currency: 'EUR',
    dial: '+358',
    fakerLocale: 'fi',
    cities: ['Helsinki', 'Tampere', 'Turku']
  },
  {
    code: 'NO',
    weight: 2,
    languages: ['no'],
    currency: 'NOK',
    dial: '+47',
    fakerLocale: 'nb_NO',
    cities: ['Oslo', 'Bergen', 'Trondheim']
  },
  {
    code: 'CZ',
    weight: 2,
    languages: ['cs'],
    currency: 'CZK',
    dial: '+420',
    fakerLocale: 'cs_CZ',
    cities: ['Prague', 'Brno', 'Ostrava']
  },
  {
    code: 'HU',
    weight: 2,
    languages: ['hu'],
    currency: 'HUF',
    dial: '+36',
    fakerLocale: 'hu',
    cities: ['Budapest', 'Szeged', 'Debrecen', 'Pécs']
  },
  {
    code: 'RO',
    weight: 2,
    languages: ['ro'],
    currency: 'RON',
    dial: '+40',
    fakerLocale: 'ro',
    cities: ['Bucharest', 'Cluj-Napoca', 'Timișoara', 'Iași']
  },
  {
    code: 'BG',
    weight: 2,
    languages: ['bg'],
    currency: 'BGN',
    dial: '+359',
    fakerLocale: 'en',
    cities: ['Sofia', 'Plovdiv', 'Varna', 'Harmanli']
  },
  {
    code: 'TR',
    weight: 2,
    languages: ['tr'],
    currency: 'TRY',
    dial: '+90',
    fakerLocale: 'tr',
    cities: ['Istanbul', 'Ankara', 'Izmir', 'Gaziantep', 'Van']
  },
  {
    code: 'UA',
    weight: 2,
    languages: ['uk'],
    currency: 'UAH',
    dial: '+380',
    fakerLocale: 'uk',
    cities: ['Kyiv', 'Lviv', 'Odesa', 'Dnipro']
  },
  {
    code: 'HR',
    weight: 1.5,
    languages: ['hr'],
    currency: 'EUR',
    dial: '+385',
    fakerLocale: 'hr',
    cities: ['Zagreb', 'Split', 'Rijeka']
  },
  {
    code: 'CY',
    weight: 1.5,
    languages: ['el', 'tr'],
    currency: 'EUR',
    dial: '+357',
    fakerLocale: 'el',
    cities: ['Nicosia', 'Limassol', 'Larnaca']
  },
  {
    code: 'MT',
    weight: 1.5,
    languages: ['mt', 'en'],
    currency: 'EUR',
    dial: '+356',
    fakerLocale: 'en',
    cities: ['Valletta', 'Birkirkara', 'Ħal Far']
  },
  {
    code: 'SI',
    weight: 1,
    languages: ['sl'],
    currency: 'EUR',
    dial: '+386',
    fakerLocale: 'sl_SI',
    cities: ['Ljubljana', 'Maribor']
  },
  {
    code: 'SK',
    weight: 1,
    languages: ['sk'],
    currency: 'EUR',
    dial: '+421',
    fakerLocale: 'sk',
    cities: ['Bratislava', 'Košice']
  },
  {
    code: 'RS',
    weight: 1,
    languages: ['sr'],
    currency: 'RSD',
    dial: '+381',
    fakerLocale: 'sr_RS_latin',
    cities: ['Belgrade', 'Novi Sad', 'Subotica']
  },
  {
    code: 'LT',
    weight: 0.8,
    languages: ['lt'],
    currency: 'EUR',
    dial: '+370',
    fakerLocale: 'en',
    cities: ['Vilnius', 'Kaunas']
  },
  {
    code: 'LU',
    weight: 0.8,
    languages: ['lb', 'fr', 'de'],
    currency: 'EUR',
    dial: '+352',
    fakerLocale: 'fr_LU',
    cities: ['Luxembourg', 'Esch-sur-Alzette']
  },
  {
    code: 'BA',
    weight: 0.8,
    languages: ['bs', 'hr', 'sr'],
    currency: 'BAM',
    dial: '+387',
    fakerLocale: 'hr',
    cities: ['Sarajevo', 'Bihać', 'Tuzla']
  },
  {
    code: 'EE',
    weight: 0.6,
    languages: ['et'],
    currency: 'EUR',
    dial: '+372',
    fakerLocale: 'en',
    cities: ['Tallinn', 'Tartu']
  },
  {
    code: 'LV',
    weight: 0.6,
    languages: ['lv'],
    currency: 'EUR',
    dial: '+371',
    fakerLocale: 'lv',
    cities: ['Riga', 'Daugavpils']
  },
  {
    code: 'AL',
    weight: 0.6,
    languages: ['sq'],
    currency: 'ALL',
    dial: '+355',
    fakerLocale: 'en',
    cities: ['Tirana', 'Durrës']
  },
  {
    code: 'MK',
    weight: 0.6,
    languages: ['mk'],
    currency: 'MKD',
    dial: '+389',
    fakerLocale: 'mk',
    cities: ['Skopje', 'Gevgelija']
  },
  {
    code: 'MD',
    weight: 0.5,
    languages: ['ro'],
    currency: 'MDL',
    dial: '+373',
    fakerLocale: 'ro_MD',
    cities: ['Chișinău', 'Bălți']
  },
  {
    code: 'GE',
    weight: 0.5,
    languages: ['ka'],
    currency: 'GEL',
    dial: '+995',
    fakerLocale: 'ka_GE',
    cities: ['Tbilisi', 'Batumi']
  },
  {
    code: 'ME',
    weight: 0.4,
    languages: ['sr'],
    currency: 'EUR',
    dial: '+382',
    fakerLocale: 'sr_RS_latin',
    cities: ['Podgorica']
  },
  {
    code: 'IS',
    weight: 0.3,
    languages: ['is'],
    currency: 'ISK',
    dial: '+354',
    fakerLocale: 'en',
    cities: ['Reykjavík']
  }
];

export const PLACE_BY_CODE: ReadonlyMap<string, Place> = new Map(PLACES.map((p) => [p.code, p]));

/** Neighbouring or closely linked countries: where cross-border work and partnerships most often go. */
export const NEAR: Readonly<Record<string, string[]>> = {
  DE: ['AT', 'NL', 'BE', 'PL', 'CZ', 'FR', 'DK', 'CH', 'LU'],
  FR: ['BE', 'DE', 'IT', 'ES', 'CH', 'LU', 'GB'],
  IT: ['FR', 'AT', 'CH', 'SI', 'GR', 'MT', 'ES'],
  ES: ['PT', 'FR', 'IT', 'MT'],
  GR: ['CY', 'BG', 'IT', 'MK', 'AL', 'TR'],
  NL: ['BE', 'DE', 'LU', 'GB'],
  BE: ['NL', 'FR', 'DE', 'LU'],
  GB: ['IE', 'FR', 'NL', 'BE'],
  AT: ['DE', 'CH', 'IT', 'SI', 'HU', 'CZ', 'SK'],
  SE: ['NO', 'DK', 'FI'],
  PL: ['DE', 'CZ', 'SK', 'LT', 'UA'],
  PT: ['ES'],
  IE: ['GB'],
  CH: ['DE', 'FR', 'IT', 'AT'],
  DK: ['SE', 'DE', 'NO'],
  FI: ['SE', 'EE', 'NO'],
  NO: ['SE', 'DK', 'FI'],
  CZ: ['DE', 'PL', 'SK', 'AT'],
  HU: ['AT', 'SK', 'RO', 'RS', 'HR'],
  RO: ['HU', 'BG', 'MD', 'RS'],
  BG: ['RO', 'GR', 'TR', 'MK', 'RS'],
  TR: ['GR', 'BG', 'GE'],
  UA: ['PL', 'MD', 'RO', 'SK', 'HU'],
  HR: ['SI', 'BA', 'RS', 'HU'],
  CY: ['GR'],
  MT: ['IT'],
  SI: ['HR', 'AT', 'IT'],
  SK: ['CZ', 'AT', 'HU', 'PL'],
  RS: ['HU', 'HR', 'BA', 'MK', 'BG', 'RO', 'ME'],
  LT: ['LV', 'PL'],
  LU: ['BE', 'FR', 'DE'],
  BA: ['HR', 'RS', 'ME'],
  EE: ['LV', 'FI'],
  LV: ['LT', 'EE'],
  AL: ['GR', 'MK', 'ME'],
  MK: ['GR', 'AL', 'RS', 'BG'],
  MD: ['RO', 'UA'],
  GE: ['TR'],
  ME: ['RS', 'BA', 'AL'],
  IS: ['NO', 'DK']
};
