/**
 * What practitioners type for a theme, beyond its official English and German names (which come from the Theme
 * table, so a renamed or added theme is recognised without touching this file). Keyed by theme slug; a slug no
 * longer in the table is ignored. Single common words are left out on purpose ("detention" alone would also mean
 * detention monitoring; "litigation" is part of many names): a synonym turns text into a filter, so it must
 * name the theme and nothing else.
 */
export const THEME_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'children-youth-on-the-move': [
    'children on the move',
    'migrant children',
    'refugee children',
    'Kinder auf der Flucht',
    'geflüchtete Kinder',
    'Kinder und Jugendliche auf der Flucht'
  ],
  'unaccompanied-children': [
    'UASC',
    'unaccompanied minors',
    'unaccompanied children',
    'separated children',
    'unaccompanied and separated children',
    'unbegleitete Minderjährige',
    'unbegleitete minderjährige Geflüchtete',
    'unbegleitete minderjährige Flüchtlinge',
    'UMF'
  ],
  'child-protection-guardianship': ['child protection', 'guardianship', 'Kinderschutz', 'Vormundschaft'],
  'age-assessment': ['age determination', 'Altersbestimmung', 'Alterseinschätzung'],
  'transition-to-adulthood': ['ageing out', 'aging out', 'care leavers', 'Careleaver'],
  'alternatives-to-detention': [
    'alternatives to detention',
    'detention alternatives',
    'alternative to detention',
    'ATD',
    'ATDs',
    'Alternativen zur Haft',
    'Alternativen zur Abschiebehaft',
    'Alternativen zur Inhaftierung',
    'Haftalternativen'
  ],
  'community-case-management': ['case management', 'Fallmanagement', 'community case management'],
  'ending-child-detention': ['child detention', 'child immigration detention', 'Inhaftierung von Kindern'],
  'fair-asylum-systems': ['asylum systems', 'asylum system', 'Asylsystem', 'Asylsysteme'],
  'access-to-asylum': ['access to asylum', 'border procedures', 'pushbacks', 'push backs', 'Zugang zu Asyl'],
  'resettlement-pathways': [
    'resettlement',
    'complementary pathways',
    'humanitarian corridors',
    'humanitäre Korridore',
    'humanitäre Aufnahme'
  ],
  'eu-asylum-pact': [
    'CEAS',
    'GEAS',
    'Pact on Migration and Asylum',
    'EU Pact',
    'Migrationspakt',
    'Asylpakt',
    'Migrations- und Asylpakt'
  ],
  'social-cohesion-inclusion': ['social cohesion', 'social inclusion', 'sozialer Zusammenhalt'],
  'anti-discrimination': ['anti-racism', 'antiracism', 'anti-discrimination', 'Antirassismus', 'Antidiskriminierung'],
  'civic-participation': ['political participation', 'civic participation', 'politische Teilhabe'],
  'education-language': ['language learning', 'language courses', 'Sprachkurse', 'Spracherwerb'],
  'eu-free-movement': ['free movement', 'Freizügigkeit', 'Arbeitnehmerfreizügigkeit'],
  'mobile-eu-workers': ['posted workers', 'EU workers', 'entsandte Arbeitnehmer'],
  'roma-inclusion': ['Roma rights', 'Roma inclusion', 'Sinti und Roma', 'Antiziganismus', 'antigypsyism'],
  'citizens-rights-after-brexit': ['Brexit', 'EU Settlement Scheme'],
  'migration-discourse': ['public discourse', 'migration narratives', 'öffentlicher Diskurs'],
  'narrative-change': ['narrative change', 'strategic communication', 'Narrativwandel'],
  'countering-disinformation': ['disinformation', 'hate speech', 'Desinformation', 'Hassrede', 'Hate Speech'],
  'eu-advocacy': ['EU advocacy', 'EU-Lobbyarbeit'],
  'strategic-litigation': ['strategic litigation', 'strategische Klagen'],
  'lived-experience-leadership': [
    'lived experience',
    'refugee-led',
    'refugee-led organisations',
    'migrant-led',
    'RLO',
    'RLOs',
    'Selbstorganisationen',
    'Migrantenselbstorganisationen'
  ],
  'legal-aid': ['legal assistance', 'legal help', 'Rechtsberatung'],
  'asylum-legal-counselling': ['asylum counselling', 'legal counselling', 'Asylberatung'],
  'family-reunification': ['family reunion', 'Familiennachzug'],
  statelessness: ['stateless', 'stateless persons', 'staatenlos', 'Staatenlose'],
  'labour-market-access': ['access to work', 'access to employment', 'Arbeitsmarktintegration'],
  'skills-recognition': ['recognition of qualifications', 'Anerkennung von Abschlüssen', 'Berufsanerkennung'],
  'labour-exploitation': ['labour exploitation', 'labor exploitation', 'Arbeitsausbeutung'],
  'mental-health-trauma': [
    'mental health',
    'MHPSS',
    'psychosocial support',
    'psychosoziale Unterstützung',
    'psychosoziale Beratung'
  ],
  'health-undocumented-migrants': ['health care for undocumented', 'medizinische Versorgung ohne Papiere'],
  'access-to-healthcare': ['access to health care', 'healthcare access'],
  homelessness: ['homeless', 'obdachlos', 'Obdachlosigkeit', 'wohnungslos'],
  'community-hosting': ['community sponsorship', 'private hosting', 'Gastfamilien'],
  'gender-based-violence': ['GBV', 'SGBV', 'violence against women', 'Gewalt gegen Frauen'],
  'lgbtiq-refugees': ['LGBT', 'LGBTI', 'LGBTQ', 'LGBTQI', 'LGBTIQ', 'queer refugees', 'queere Geflüchtete', 'LSBTI'],
  'human-trafficking': ['trafficking', 'anti-trafficking', 'trafficking in human beings', 'THB'],
  'migration-statistics': ['migration data', 'migration statistics', 'Migrationsdaten'],
  'detention-monitoring': ['monitoring of detention', 'Abschiebungshaftmonitoring']
};
