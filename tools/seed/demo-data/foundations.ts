/**
 * The demo's funders: ten fictional European foundations (any likeness to a real one is accidental). Each has
 * the theme areas it funds and whether it funds across Europe or only at home. They give the demo's grants.
 */
export interface DemoFoundation {
  name: string;
  country: string;
  city: string;
  founded: number;
  /** Theme-area slugs (top-level themes) it funds, most important first. */
  areas: string[];
  european: boolean;
}

export const DEMO_FOUNDATIONS: readonly DemoFoundation[] = [
  {
    name: 'Fondation Horizon Partagé',
    country: 'FR',
    city: 'Paris',
    founded: 1987,
    areas: ['fair-asylum-systems', 'legal-aid', 'policy-advocacy'],
    european: true
  },
  {
    name: 'Stiftung Brückenschlag',
    country: 'DE',
    city: 'Hamburg',
    founded: 1972,
    areas: ['social-cohesion-inclusion', 'children-youth-on-the-move', 'labour-integration'],
    european: true
  },
  {
    name: 'Fondazione Porto Aperto',
    country: 'IT',
    city: 'Milan',
    founded: 1998,
    areas: ['fair-asylum-systems', 'alternatives-to-detention', 'health'],
    european: false
  },
  {
    name: 'Fundación Horizonte Común',
    country: 'ES',
    city: 'Madrid',
    founded: 2004,
    areas: ['labour-integration', 'gender', 'housing'],
    european: false
  },
  {
    name: 'Nordic Bridges Foundation',
    country: 'SE',
    city: 'Stockholm',
    founded: 1991,
    areas: ['children-youth-on-the-move', 'social-cohesion-inclusion', 'data-research'],
    european: true
  },
  {
    name: 'Stichting Gedeelde Toekomst',
    country: 'NL',
    city: 'Utrecht',
    founded: 2009,
    areas: ['migration-discourse', 'policy-advocacy', 'social-cohesion-inclusion'],
    european: true
  },
  {
    name: 'Aldgate Trust for Migration',
    country: 'GB',
    city: 'London',
    founded: 1965,
    areas: ['legal-aid', 'alternatives-to-detention', 'eu-free-movement'],
    european: true
  },
  {
    name: 'Fundação Mar Aberto',
    country: 'PT',
    city: 'Lisbon',
    founded: 2012,
    areas: ['housing', 'health', 'social-cohesion-inclusion'],
    european: false
  },
  {
    name: 'Fondation Solidarité Alpine',
    country: 'CH',
    city: 'Geneva',
    founded: 1979,
    areas: ['fair-asylum-systems', 'gender', 'data-research'],
    european: true
  },
  {
    name: 'Fundacja Wspólny Próg',
    country: 'PL',
    city: 'Warsaw',
    founded: 2015,
    areas: ['fair-asylum-systems', 'labour-integration', 'children-youth-on-the-move'],
    european: false
  }
];
