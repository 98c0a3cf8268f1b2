/**
 * Hand-written building blocks for plausible, fictional organisations: how common each theme area and
 * organisation type is, name patterns per type and theme, and description sentences. The generator and the demo
 * combine them deterministically (no lorem ipsum). Names are patterns, not real organisations.
 */

export type OrgType = 'NGO' | 'GRASSROOTS' | 'NETWORK' | 'RESEARCH' | 'FUNDER' | 'PUBLIC_BODY' | 'OTHER';
export type Level = 'LOCAL' | 'REGIONAL' | 'NATIONAL' | 'EUROPEAN' | 'INTERNATIONAL';

export interface ThemeArea {
  slug: string;
  /** Relative share of organisations working on it as their main area. */
  weight: number;
  /** Standalone name words for an organisation working mainly on this area ("{focus} {city}"). */
  focus: string[];
  /** What such an organisation stands for, after "for" or "on" ("Centre for {cause}"). */
  causes: string[];
  /** What such an organisation does, completing "It …". */
  activities: string[];
}

export const THEME_AREAS: readonly ThemeArea[] = [
  {
    slug: 'fair-asylum-systems',
    weight: 14,
    causes: ['Refugee Rights', 'Fair Asylum', 'Asylum Seekers', 'Refugee Protection'],
    focus: ['Asylum Support', 'Refugee Rights', 'Asylum Watch', 'Protection Desk', 'Refugee Welcome'],
    activities: [
      'monitors reception conditions and reports on access to asylum procedures',
      'accompanies people through the asylum procedure, from registration to the final decision',
      'documents pushbacks and border procedures and brings the findings to national authorities',
      'runs information points for newly arrived asylum seekers'
    ]
  },
  {
    slug: 'social-cohesion-inclusion',
    weight: 14,
    causes: ['Inclusion', 'Intercultural Dialogue', 'Newcomers', 'Equal Participation'],
    focus: ['Neighbours', 'Welcome Centre', 'Intercultural Centre', 'Open Doors', 'Newcomers'],
    activities: [
      'brings newcomers and long-term residents together through language cafés, sport and shared meals',
      'runs language courses and homework support for newly arrived families',
      'trains local officials and volunteers on anti-discrimination and inclusive services',
      'supports migrant-led associations to take part in local decision-making'
    ]
  },
  {
    slug: 'legal-aid',
    weight: 12,
    causes: ['Migrant Legal Aid', 'Refugee Law', 'Access to Justice', 'Stateless Persons'],
    focus: ['Legal Aid', 'Law Clinic', 'Migrant Law Centre', 'Rights Advice', 'Legal Counselling'],
    activities: [
      'offers free legal counselling on asylum, residence and family reunification',
      'represents asylum seekers in appeals and trains volunteer lawyers',
      'runs a helpline for people facing deportation or detention',
      'helps stateless people to obtain documentation and recognition'
    ]
  },
  {
    slug: 'labour-integration',
    weight: 9,
    causes: ['Fair Work', 'Migrant Workers', 'Labour Integration', 'Skills Recognition'],
    focus: ['Work & Integration', 'Jobs for Newcomers', 'Skills Bridge', 'Fair Work', 'Career Start'],
    activities: [
      'connects refugees with employers and supports the recognition of qualifications',
      'advises migrant workers on their rights and reports exploitation',
      'mentors migrant entrepreneurs in starting and growing a business',
      'offers vocational training and job coaching in partnership with local companies'
    ]
  },
  {
    slug: 'children-youth-on-the-move',
    weight: 8,
    causes: ['Children on the Move', 'Young Refugees', 'Unaccompanied Minors', 'Youth Integration'],
    focus: ['Young Newcomers', 'Children on the Move', 'Youth Bridge', 'Guardianship Network', 'Safe Passage Youth'],
    activities: [
      'trains and supports volunteer guardians for unaccompanied children',
      'accompanies young refugees in the transition to adulthood',
      'runs safe spaces, education and psychosocial support for children on the move',
      'advocates for child-friendly age assessment and procedures'
    ]
  },
  {
    slug: 'policy-advocacy',
    weight: 8,
    causes: ['Migration Policy', 'Migrant Voices', 'Rights-Based Migration', 'Policy Change'],
    focus: ['Migration Policy Forum', 'Advocacy Hub', 'Rights Coalition', 'Policy Lab', 'Voices'],
    activities: [
      'brings the experience of its members to national and European policy makers',
      'supports strategic litigation on the rights of migrants and refugees',
      'trains people with lived experience of migration to lead advocacy campaigns',
      'analyses draft legislation and coordinates joint civil-society responses'
    ]
  },
  {
    slug: 'housing',
    weight: 6,
    causes: ['Refugee Housing', 'Housing Rights', 'Community Sponsorship', 'Homeless Migrants'],
    focus: ['Shelter', 'Housing First', 'Home Together', 'Roof & Rights', 'Community Hosting'],
    activities: [
      'matches refugees with host families and supports them during the first months',
      'helps newcomers find affordable housing and negotiates with landlords',
      'runs emergency shelter and outreach for homeless migrants',
      'develops community sponsorship programmes with local residents'
    ]
  },
  {
    slug: 'health',
    weight: 6,
    causes: ['Migrant Health', 'Refugee Mental Health', 'Health Equity', 'Trauma Recovery'],
    focus: ['Health for All', 'Migrant Health', 'Care Without Borders', 'Trauma Care', 'Open Clinic'],
    activities: [
      'runs a free clinic for people without access to the public health system',
      'provides trauma-informed psychological care for refugees',
      'trains health professionals in intercultural care and interpretation',
      'advocates for healthcare access for undocumented migrants'
    ]
  },
  {
    slug: 'gender',
    weight: 6,
    causes: ['Migrant Women', 'LGBTIQ+ Refugees', 'Survivors of Trafficking', 'Gender Justice'],
    focus: ["Migrant Women's Association", 'Women on the Move', 'Safe Haven', 'Rainbow Refugees', 'Sisters'],
    activities: [
      'supports migrant women affected by gender-based violence',
      'offers safe housing and counselling for LGBTIQ+ refugees',
      'identifies and accompanies survivors of trafficking',
      'runs empowerment and leadership programmes for migrant women'
    ]
  },
  {
    slug: 'data-research',
    weight: 5,
    causes: ['Migration Data', 'Integration Research', 'Migration Studies', 'Evidence-Based Policy'],
    focus: ['Migration Research', 'Migration Data', 'Integration Studies', 'Policy Evaluation', 'Observatory'],
    activities: [
      'collects and publishes data on arrivals, reception and integration outcomes',
      'evaluates integration policies for municipalities and national governments',
      'runs participatory research together with migrant communities',
      'publishes an annual report on asylum and migration trends'
    ]
  },
  {
    slug: 'migration-discourse',
    weight: 5,
    causes: ['Fair Reporting', 'Migration Narratives', 'Media Literacy', 'Public Dialogue'],
    focus: ['Media Lab', 'New Narratives', 'Fact Check', 'Storytelling', 'Public Voices'],
    activities: [
      'trains journalists on balanced and accurate reporting on migration',
      'counters disinformation and hate speech about migrants online',
      'develops narrative-change campaigns with communication experts and migrant storytellers',
      'produces a podcast and media guide on migration for local newsrooms'
    ]
  },
  {
    slug: 'alternatives-to-detention',
    weight: 4,
    causes: ['Alternatives to Detention', 'Detained Migrants', 'Liberty and Dignity', 'Community-Based Alternatives'],
    focus: ['Detention Watch', 'Community Case Management', 'Liberty', 'Alternatives Project', 'Freedom Support'],
    activities: [
      'runs community-based case management as an alternative to immigration detention',
      'visits detention centres and monitors the conditions of detained migrants',
      'campaigns to end the immigration detention of children',
      'pilots engagement-based alternatives to detention with national authorities'
    ]
  },
  {
    slug: 'eu-free-movement',
    weight: 3,
    causes: ['Free Movement', 'Mobile EU Citizens', 'Roma Inclusion', 'European Citizens'],
    focus: ['EU Citizens Advice', 'Free Movement', 'Mobile Workers', 'Roma Rights', 'Europeans at Home'],
    activities: [
      'advises mobile EU workers on residence and access to social rights',
      'supports Roma families to access housing, schooling and documentation',
      'helps EU citizens secure their residence rights after Brexit',
      'monitors discrimination against mobile EU citizens in access to benefits'
    ]
  }
];

export const TYPE_WEIGHTS: readonly [OrgType, number][] = [
  ['NGO', 52],
  ['GRASSROOTS', 16],
  ['RESEARCH', 8],
  ['OTHER', 7],
  ['PUBLIC_BODY', 6],
  ['NETWORK', 6],
  ['FUNDER', 5]
];

/** Levels an organisation of a type typically works at, with weights. */
export const LEVELS_BY_TYPE: Readonly<Record<OrgType, readonly [Level, number][]>> = {
  NGO: [
    ['LOCAL', 5],
    ['REGIONAL', 3],
    ['NATIONAL', 4],
    ['EUROPEAN', 1]
  ],
  GRASSROOTS: [
    ['LOCAL', 10],
    ['REGIONAL', 1]
  ],
  NETWORK: [
    ['NATIONAL', 5],
    ['EUROPEAN', 4],
    ['INTERNATIONAL', 1]
  ],
  RESEARCH: [
    ['NATIONAL', 4],
    ['EUROPEAN', 4],
    ['INTERNATIONAL', 2]
  ],
  FUNDER: [
    ['NATIONAL', 5],
    ['EUROPEAN', 4],
    ['INTERNATIONAL', 1]
  ],
  PUBLIC_BODY: [
    ['LOCAL', 6],
    ['REGIONAL', 3],
    ['NATIONAL', 2]
  ],
  OTHER: [
    ['LOCAL', 4],
    ['NATIONAL', 3],
    ['EUROPEAN', 1]
  ]
};

/**
 * Name patterns by type. Placeholders: {city}, {country} (English name), {focus} (a theme area's focus word),
 * {surname} (from faker, for foundations and some associations).
 */
export const NAME_PATTERNS: Readonly<Record<OrgType, readonly string[]>> = {
  NGO: [
    '{focus} {city}',
    '{city} {focus} Association',
    '{city} Centre for {cause}',
    '{country} Council for {cause}',
    'Association for {cause} {city}',
    '{focus} {country}'
  ],
  GRASSROOTS: [
    'Welcome Café {city}',
    '{city} Solidarity Kitchen',
    'Neighbours for Refugees {city}',
    '{city} Volunteers for {cause}',
    '{focus} Collective {city}',
    'Open Table {city}'
  ],
  NETWORK: [
    '{country} Network for {cause}',
    '{country} Alliance for {cause}',
    '{city} Coalition for {cause}',
    'Platform {cause} {country}'
  ],
  RESEARCH: [
    '{city} Institute for Migration Studies',
    'Centre for {cause} Research {city}',
    '{country} Observatory on {cause}',
    '{cause} Research Unit, University of {city}'
  ],
  FUNDER: [
    '{surname} Foundation',
    '{surname} Family Foundation',
    '{city} Community Foundation',
    '{surname} Fund for Open Societies'
  ],
  PUBLIC_BODY: [
    '{city} Office for Integration',
    'Municipality of {city} – Migration Department',
    '{city} Welcome Service',
    'Regional Integration Agency {city}'
  ],
  OTHER: [
    '{city} Social Enterprise for {cause}',
    '{focus} Cooperative {city}',
    'Faith Community {city} – Refugee Ministry',
    '{city} Sports Club for Newcomers'
  ]
};

/** The phrase for a type in a description ("… is a {phrase} based in …"). */
export const TYPE_PHRASE: Readonly<Record<OrgType, string>> = {
  NGO: 'non-governmental organisation',
  GRASSROOTS: 'volunteer-run grassroots group',
  NETWORK: 'network of civil-society organisations',
  RESEARCH: 'research institute',
  FUNDER: 'private foundation',
  PUBLIC_BODY: 'public body',
  OTHER: 'community organisation'
};

export const LEVEL_PHRASE: Readonly<Record<Level, string>> = {
  LOCAL: 'in its city',
  REGIONAL: 'across its region',
  NATIONAL: 'nationally',
  EUROPEAN: 'at European level',
  INTERNATIONAL: 'internationally'
};

export const PARTNERSHIP_TITLES: readonly string[] = [
  'Joint project on {theme}',
  'Coalition for {theme}',
  'Exchange programme on {theme}',
  'Shared helpdesk: {theme}',
  'Joint advocacy on {theme}',
  'Peer learning on {theme}',
  'Referral partnership: {theme}'
];

export const GRANT_PROGRAMMES: readonly string[] = [
  'Core support',
  'Strengthening civil society',
  'Inclusive communities',
  'Access to rights',
  'Safe and legal pathways',
  'Children and youth on the move',
  'Narratives and public debate',
  'Emergency response',
  'Capacity building',
  'Pan-European coalitions'
];
