/**
 * Words that only join the recognised terms of a query ("alternatives to detention IN Greece", "Haftmonitoring
 * IN Griechenland UND Italien"). Once a query has been interpreted they are dropped from the text still searched:
 * left in, "in" would have to appear in an organisation's name or description. Short on purpose — a word that
 * could carry meaning in a name stays.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'and',
  'at',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'within',
  'across',
  'near',
  'working',
  'organisations',
  'organizations',
  'organisation',
  'organization',
  'ngo',
  'ngos',
  // German
  'am',
  'an',
  'auf',
  'aus',
  'bei',
  'das',
  'der',
  'die',
  'ein',
  'eine',
  'fur',
  'im',
  'in',
  'mit',
  'oder',
  'und',
  'von',
  'zu',
  'zum',
  'zur',
  'organisationen',
  'organisation'
]);
