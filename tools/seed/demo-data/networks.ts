/**
 * The demo's networks and coalitions: fictional, pan-European or regional in style. Each becomes a network
 * (with its secretariat as an organisation of type NETWORK in `city`) whose members work on its theme area in
 * its countries (all of Europe when `countries` is empty).
 */
export interface DemoNetwork {
  name: string;
  /** Theme-area slug (top-level theme). */
  area: string;
  city: string;
  country: string;
  /** Where members come from; empty = anywhere in Europe. */
  countries: string[];
  description: string;
}

export const DEMO_NETWORKS: readonly DemoNetwork[] = [
  {
    name: 'European Alliance for Alternatives to Detention',
    area: 'alternatives-to-detention',
    city: 'Brussels',
    country: 'BE',
    countries: [],
    description:
      'An alliance of organisations that run community-based alternatives to immigration detention and campaign for their use instead of closed centres, with a strong focus on ending the detention of children.'
  },
  {
    name: 'Children on the Move Europe',
    area: 'children-youth-on-the-move',
    city: 'Vienna',
    country: 'AT',
    countries: [],
    description:
      'Guardianship services, youth workers and child-rights organisations sharing practice on unaccompanied children, age assessment and the transition to adulthood.'
  },
  {
    name: 'European Legal Aid Exchange',
    area: 'legal-aid',
    city: 'Berlin',
    country: 'DE',
    countries: [],
    description:
      'A peer network of legal counselling services and law clinics: joint trainings, a shared case-law database and coordinated strategic litigation before European courts.'
  },
  {
    name: 'Mediterranean Reception Watch',
    area: 'fair-asylum-systems',
    city: 'Athens',
    country: 'GR',
    countries: ['GR', 'IT', 'ES', 'MT', 'CY', 'FR'],
    description:
      'Organisations at Mediterranean arrival points documenting reception conditions and access to asylum, and reporting together to national authorities and the EU.'
  },
  {
    name: 'Cities of Welcome Network',
    area: 'social-cohesion-inclusion',
    city: 'Utrecht',
    country: 'NL',
    countries: [],
    description:
      'Municipal integration offices and local civil society working together on inclusive services, language learning and the participation of newcomers in local life.'
  },
  {
    name: 'Platform for Migrant Workers’ Rights',
    area: 'labour-integration',
    city: 'Madrid',
    country: 'ES',
    countries: [],
    description:
      'Trade-union advice centres, NGOs and employers’ initiatives tackling labour exploitation and opening fair access to the labour market.'
  },
  {
    name: 'New Narratives Europe',
    area: 'migration-discourse',
    city: 'Copenhagen',
    country: 'DK',
    countries: [],
    description:
      'Communication professionals, journalists and civil society building a balanced public debate on migration, from newsroom trainings to narrative-change campaigns.'
  },
  {
    name: 'Balkan Route Protection Network',
    area: 'fair-asylum-systems',
    city: 'Belgrade',
    country: 'RS',
    countries: ['RS', 'BA', 'MK', 'HR', 'BG', 'GR', 'SI', 'AL', 'ME', 'HU'],
    description:
      'Organisations along the Western Balkan route monitoring pushbacks, giving legal information and coordinating humanitarian and protection responses across borders.'
  },
  {
    name: 'Women on the Move Coalition',
    area: 'gender',
    city: 'Rome',
    country: 'IT',
    countries: [],
    description:
      'Migrant women’s associations and specialist services working against gender-based violence and trafficking and for the leadership of migrant women.'
  },
  {
    name: 'Homes for Newcomers Europe',
    area: 'housing',
    city: 'Lisbon',
    country: 'PT',
    countries: [],
    description:
      'Housing providers, community-sponsorship groups and homelessness services sharing models that give newcomers a stable home.'
  },
  {
    name: 'Free Movement Advice Network',
    area: 'eu-free-movement',
    city: 'Dublin',
    country: 'IE',
    countries: [],
    description:
      'Advice services for mobile EU citizens and their families on residence, social rights and Roma inclusion, including citizens’ rights after Brexit.'
  }
];
