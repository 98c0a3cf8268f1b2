/**
 * Local-language name patterns for the demo's organisations, so that a German legal-aid service is called like
 * one. `{city}` is filled in; each pattern belongs to a type and a theme area (the organisation's main area).
 * Patterns, not real organisations: any likeness is accidental. Countries whose language has no list here use
 * the English patterns of vocabulary.ts.
 */
import type { OrgType } from '../vocabulary';

export type LocalPattern = readonly [type: OrgType, pattern: string, area: string];

export const LOCAL_NAMES: Readonly<Record<string, readonly LocalPattern[]>> = {
  de: [
    ['NGO', 'Beratungsstelle für Geflüchtete {city}', 'legal-aid'],
    ['NGO', 'Rechtshilfe Asyl {city} e.V.', 'legal-aid'],
    ['GRASSROOTS', 'Willkommensinitiative {city}', 'social-cohesion-inclusion'],
    ['GRASSROOTS', 'Nachbarschaftscafé Miteinander {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Wohnraum für Alle {city} e.V.', 'housing'],
    ['NGO', 'Psychosoziales Zentrum für Geflüchtete {city}', 'health'],
    ['NGO', 'Jugendhilfe Ankommen {city}', 'children-youth-on-the-move'],
    ['RESEARCH', 'Institut für Migrations- und Integrationsforschung {city}', 'data-research'],
    ['NGO', 'Arbeit und Ankommen {city} e.V.', 'labour-integration'],
    ['NGO', 'Frauenberatung International {city}', 'gender'],
    ['PUBLIC_BODY', 'Integrationsbüro der Stadt {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Abschiebungshaft-Beratung {city}', 'alternatives-to-detention']
  ],
  fr: [
    ['NGO', 'Permanence juridique pour les exilés – {city}', 'legal-aid'],
    ['GRASSROOTS', 'Collectif Accueil Solidaire {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Association Toit Partagé {city}', 'housing'],
    ['NGO', 'Maison des Jeunes Exilés {city}', 'children-youth-on-the-move'],
    ['RESEARCH', 'Observatoire des Migrations de {city}', 'data-research'],
    ['NGO', 'Santé Exil {city}', 'health'],
    ['NGO', 'Femmes en Exil {city}', 'gender'],
    ['NGO', 'Emploi et Intégration {city}', 'labour-integration'],
    ['NGO', 'Droit d’Asile {city}', 'fair-asylum-systems'],
    ['PUBLIC_BODY', 'Service Accueil et Intégration – Ville de {city}', 'social-cohesion-inclusion'],
    ['OTHER', 'Récits Partagés {city}', 'migration-discourse']
  ],
  it: [
    ['NGO', 'Sportello Legale Migranti {city}', 'legal-aid'],
    ['NGO', 'Associazione Accoglienza Diffusa {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Casa dei Diritti {city}', 'fair-asylum-systems'],
    ['NGO', 'Minori in Cammino {city}', 'children-youth-on-the-move'],
    ['RESEARCH', 'Centro Studi Migrazioni {city}', 'data-research'],
    ['NGO', 'Salute Senza Confini {city}', 'health'],
    ['NGO', 'Donne Migranti in Rete {city}', 'gender'],
    ['NGO', 'Lavoro e Dignità {city}', 'labour-integration'],
    ['GRASSROOTS', 'Scuola di Italiano Popolare {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Osservatorio sui Centri di Trattenimento {city}', 'alternatives-to-detention']
  ],
  es: [
    ['NGO', 'Asesoría Jurídica para Personas Migrantes {city}', 'legal-aid'],
    ['GRASSROOTS', 'Red Vecinal de Acogida {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Hogar Compartido {city}', 'housing'],
    ['NGO', 'Menores en Tránsito {city}', 'children-youth-on-the-move'],
    ['RESEARCH', 'Observatorio de las Migraciones de {city}', 'data-research'],
    ['NGO', 'Salud Migrante {city}', 'health'],
    ['NGO', 'Mujeres en Movimiento {city}', 'gender'],
    ['NGO', 'Empleo y Derechos {city}', 'labour-integration'],
    ['NGO', 'Frontera Sur Derechos {city}', 'fair-asylum-systems']
  ],
  nl: [
    ['GRASSROOTS', 'Stichting Nieuwe Buren {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Juridisch Steunpunt Asiel {city}', 'legal-aid'],
    ['NGO', 'Huisvesting Nieuwkomers {city}', 'housing'],
    ['RESEARCH', 'Kenniscentrum Migratie {city}', 'data-research'],
    ['NGO', 'Werk en Inburgering {city}', 'labour-integration'],
    ['NGO', 'Jonge Nieuwkomers {city}', 'children-youth-on-the-move']
  ],
  pt: [
    ['NGO', 'Associação Porta Aberta {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Apoio Jurídico a Migrantes {city}', 'legal-aid'],
    ['NGO', 'Casa Comum {city}', 'housing']
  ],
  pl: [
    ['NGO', 'Stowarzyszenie Pomocy Migrantom {city}', 'legal-aid'],
    ['NGO', 'Centrum Wsparcia Cudzoziemców {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Fundacja Bezpieczna Granica {city}', 'fair-asylum-systems']
  ],
  sv: [
    ['GRASSROOTS', 'Föreningen Nya Grannar {city}', 'social-cohesion-inclusion'],
    ['NGO', 'Asylrättscentrum {city}', 'legal-aid']
  ]
};
