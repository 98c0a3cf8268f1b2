/**
 * The controlled theme vocabulary: the consortium's six priority areas first, then the cross-cutting fields,
 * each with its sub-themes. The slug is the stable key (and the id of reference themes): rename names freely,
 * never slugs. Order in this list is the display order.
 */

export interface ThemeNode {
  slug: string;
  nameEn: string;
  nameDe: string;
  children?: readonly ThemeNode[];
}

export const themeTree: readonly ThemeNode[] = [
  {
    slug: 'children-youth-on-the-move',
    nameEn: 'Children and youth on the move',
    nameDe: 'Kinder und Jugendliche in der Migration',
    children: [
      {
        slug: 'unaccompanied-children',
        nameEn: 'Unaccompanied and separated children',
        nameDe: 'Unbegleitete und von ihren Familien getrennte Minderjährige'
      },
      {
        slug: 'child-protection-guardianship',
        nameEn: 'Child protection and guardianship',
        nameDe: 'Kinderschutz und Vormundschaft'
      },
      { slug: 'age-assessment', nameEn: 'Age assessment', nameDe: 'Altersfeststellung' },
      { slug: 'transition-to-adulthood', nameEn: 'Transition to adulthood', nameDe: 'Übergang ins Erwachsenenalter' }
    ]
  },
  {
    slug: 'alternatives-to-detention',
    nameEn: 'Alternatives to immigration detention',
    nameDe: 'Alternativen zur Abschiebungshaft',
    children: [
      {
        slug: 'community-case-management',
        nameEn: 'Community-based case management',
        nameDe: 'Gemeindebasiertes Fallmanagement'
      },
      { slug: 'detention-monitoring', nameEn: 'Detention monitoring', nameDe: 'Haftmonitoring' },
      { slug: 'ending-child-detention', nameEn: 'Ending child immigration detention', nameDe: 'Keine Haft für Kinder' }
    ]
  },
  {
    slug: 'fair-asylum-systems',
    nameEn: 'Fair and effective asylum systems',
    nameDe: 'Faire und wirksame Asylsysteme',
    children: [
      {
        slug: 'access-to-asylum',
        nameEn: 'Access to asylum and border procedures',
        nameDe: 'Zugang zu Asyl und Grenzverfahren'
      },
      { slug: 'reception-conditions', nameEn: 'Reception conditions', nameDe: 'Aufnahmebedingungen' },
      {
        slug: 'resettlement-pathways',
        nameEn: 'Resettlement and complementary pathways',
        nameDe: 'Resettlement und komplementäre Zugangswege'
      },
      {
        slug: 'eu-asylum-pact',
        nameEn: 'Common European Asylum System and the Pact on Migration and Asylum',
        nameDe: 'Gemeinsames Europäisches Asylsystem und der Migrations- und Asylpakt'
      }
    ]
  },
  {
    slug: 'social-cohesion-inclusion',
    nameEn: 'Social cohesion and inclusion',
    nameDe: 'Sozialer Zusammenhalt und Inklusion',
    children: [
      { slug: 'local-integration-policy', nameEn: 'Local integration policy', nameDe: 'Kommunale Integrationspolitik' },
      {
        slug: 'anti-discrimination',
        nameEn: 'Anti-discrimination and anti-racism',
        nameDe: 'Antidiskriminierung und Antirassismus'
      },
      {
        slug: 'civic-participation',
        nameEn: 'Civic and political participation',
        nameDe: 'Gesellschaftliche und politische Teilhabe'
      },
      { slug: 'education-language', nameEn: 'Education and language learning', nameDe: 'Bildung und Spracherwerb' }
    ]
  },
  {
    slug: 'eu-free-movement',
    nameEn: "EU citizens' free-movement rights",
    nameDe: 'Freizügigkeitsrechte von Unionsbürgerinnen und Unionsbürgern',
    children: [
      { slug: 'mobile-eu-workers', nameEn: 'Mobile EU workers', nameDe: 'Mobile EU-Arbeitskräfte' },
      {
        slug: 'eu-citizens-social-rights',
        nameEn: 'Access to social rights and residence',
        nameDe: 'Zugang zu sozialen Rechten und Aufenthalt'
      },
      { slug: 'roma-inclusion', nameEn: 'Roma inclusion', nameDe: 'Inklusion von Roma' },
      {
        slug: 'citizens-rights-after-brexit',
        nameEn: "Citizens' rights after Brexit",
        nameDe: 'Bürgerrechte nach dem Brexit'
      }
    ]
  },
  {
    slug: 'migration-discourse',
    nameEn: 'Balanced public discourse on migration',
    nameDe: 'Ausgewogener öffentlicher Diskurs über Migration',
    children: [
      {
        slug: 'narrative-change',
        nameEn: 'Narrative change and strategic communication',
        nameDe: 'Narrativwandel und strategische Kommunikation'
      },
      { slug: 'media-journalism', nameEn: 'Media and journalism', nameDe: 'Medien und Journalismus' },
      {
        slug: 'countering-disinformation',
        nameEn: 'Countering disinformation and hate speech',
        nameDe: 'Bekämpfung von Desinformation und Hassrede'
      }
    ]
  },
  {
    slug: 'policy-advocacy',
    nameEn: 'Policy and advocacy',
    nameDe: 'Politik und Interessenvertretung',
    children: [
      { slug: 'eu-advocacy', nameEn: 'Advocacy at EU level', nameDe: 'Interessenvertretung auf EU-Ebene' },
      {
        slug: 'national-advocacy',
        nameEn: 'National and local advocacy',
        nameDe: 'Interessenvertretung auf nationaler und lokaler Ebene'
      },
      { slug: 'strategic-litigation', nameEn: 'Strategic litigation', nameDe: 'Strategische Prozessführung' },
      {
        slug: 'lived-experience-leadership',
        nameEn: 'Leadership of people with lived experience',
        nameDe: 'Selbstvertretung von Menschen mit Flucht- und Migrationserfahrung'
      }
    ]
  },
  {
    slug: 'legal-aid',
    nameEn: 'Legal aid',
    nameDe: 'Rechtshilfe',
    children: [
      { slug: 'asylum-legal-counselling', nameEn: 'Asylum legal counselling', nameDe: 'Asylverfahrensberatung' },
      { slug: 'legal-representation', nameEn: 'Legal representation', nameDe: 'Rechtsvertretung' },
      { slug: 'family-reunification', nameEn: 'Family reunification', nameDe: 'Familienzusammenführung' },
      { slug: 'statelessness', nameEn: 'Statelessness', nameDe: 'Staatenlosigkeit' }
    ]
  },
  {
    slug: 'labour-integration',
    nameEn: 'Labour and integration',
    nameDe: 'Arbeit und Integration',
    children: [
      { slug: 'labour-market-access', nameEn: 'Labour market access', nameDe: 'Arbeitsmarktzugang' },
      {
        slug: 'skills-recognition',
        nameEn: 'Recognition of skills and qualifications',
        nameDe: 'Anerkennung von Kompetenzen und Qualifikationen'
      },
      {
        slug: 'labour-exploitation',
        nameEn: "Labour exploitation and workers' rights",
        nameDe: 'Arbeitsausbeutung und Arbeitnehmerrechte'
      },
      { slug: 'migrant-entrepreneurship', nameEn: 'Migrant entrepreneurship', nameDe: 'Migrantisches Unternehmertum' }
    ]
  },
  {
    slug: 'health',
    nameEn: 'Health',
    nameDe: 'Gesundheit',
    children: [
      { slug: 'access-to-healthcare', nameEn: 'Access to healthcare', nameDe: 'Zugang zur Gesundheitsversorgung' },
      {
        slug: 'mental-health-trauma',
        nameEn: 'Mental health and trauma care',
        nameDe: 'Psychische Gesundheit und Traumaversorgung'
      },
      {
        slug: 'health-undocumented-migrants',
        nameEn: 'Healthcare for undocumented migrants',
        nameDe: 'Gesundheitsversorgung für Menschen ohne Papiere'
      }
    ]
  },
  {
    slug: 'housing',
    nameEn: 'Housing',
    nameDe: 'Wohnen',
    children: [
      { slug: 'access-to-housing', nameEn: 'Access to housing', nameDe: 'Zugang zu Wohnraum' },
      { slug: 'homelessness', nameEn: 'Homelessness', nameDe: 'Wohnungslosigkeit' },
      {
        slug: 'community-hosting',
        nameEn: 'Community hosting and sponsorship',
        nameDe: 'Private Unterbringung und Patenschaften'
      }
    ]
  },
  {
    slug: 'gender',
    nameEn: 'Gender',
    nameDe: 'Geschlechtergerechtigkeit',
    children: [
      { slug: 'gender-based-violence', nameEn: 'Gender-based violence', nameDe: 'Geschlechtsspezifische Gewalt' },
      { slug: 'migrant-women-rights', nameEn: 'Rights of migrant women', nameDe: 'Rechte von Migrantinnen' },
      {
        slug: 'lgbtiq-refugees',
        nameEn: 'LGBTIQ+ refugees and migrants',
        nameDe: 'LSBTIQ+ Geflüchtete und Zugewanderte'
      },
      { slug: 'human-trafficking', nameEn: 'Human trafficking', nameDe: 'Menschenhandel' }
    ]
  },
  {
    slug: 'data-research',
    nameEn: 'Data and research',
    nameDe: 'Daten und Forschung',
    children: [
      {
        slug: 'migration-statistics',
        nameEn: 'Migration statistics and data',
        nameDe: 'Migrationsstatistik und Daten'
      },
      { slug: 'policy-evaluation', nameEn: 'Policy evaluation', nameDe: 'Politikevaluation' },
      { slug: 'participatory-research', nameEn: 'Participatory research', nameDe: 'Partizipative Forschung' }
    ]
  }
];

export interface ThemeRow {
  id: string;
  slug: string;
  parentId: string | null;
  nameEn: string;
  nameDe: string;
  sortOrder: number;
}

/** The tree as rows, parents before children. Reference themes use their slug as id. */
export function themeRows(tree: readonly ThemeNode[] = themeTree, parentId: string | null = null): ThemeRow[] {
  return tree.flatMap((node, index) => [
    { id: node.slug, slug: node.slug, parentId, nameEn: node.nameEn, nameDe: node.nameDe, sortOrder: index + 1 },
    ...themeRows(node.children ?? [], node.slug)
  ]);
}
