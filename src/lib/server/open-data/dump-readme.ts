import type { DumpManifest } from './dump-files';

const KNOWN_LICENCES: Record<string, string> = {
  'https://creativecommons.org/licenses/by/4.0/': 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  'https://creativecommons.org/licenses/by-sa/4.0/':
    'Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)',
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0 1.0 Universal (public domain dedication)',
  'https://opendatacommons.org/licenses/odbl/1-0/': 'Open Data Commons Open Database License (ODbL) 1.0'
};

const DESCRIPTIONS: Record<string, string> = {
  'organizations.csv': 'every organisation profile, in the import format (docs/data-formats.md)',
  'partnerships.csv': 'public partnerships between organisations, in the import format',
  'atlas.graphml': 'the public graph (organisations, themes, countries, networks and their ties) as GraphML',
  'grants-360giving.json': 'public grants as a 360Giving Data Standard JSON package'
};

/** The dump's README.md: what it holds, that it is public records only, and the licence with the attribution asked for. */
export function dumpReadme(manifest: DumpManifest): string {
  const licenceName = KNOWN_LICENCES[manifest.licence] ?? manifest.licence;
  const rows = manifest.files
    .filter((f) => DESCRIPTIONS[f.name])
    .map((f) => `| ${f.name} | ${DESCRIPTIONS[f.name]} | ${f.records ?? ''} |`);
  return [
    '# Coalition Atlas: public data dump',
    '',
    `Generated ${manifest.generatedAt}.`,
    '',
    'Public records only: partnerships, network memberships and grants marked public, and contact details only',
    'where the organisation made them public. Nothing visible only to signed-in members or to the parties is here.',
    '',
    '| file | contents | records |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '(GraphML: records = nodes.) manifest.json lists the same with file sizes.',
    '',
    '## Licence',
    '',
    `This data is published under ${licenceName}: ${manifest.licence}`,
    '',
    'Attribution: "Coalition Atlas contributors", with a link to the site the dump came from.',
    ''
  ].join('\n');
}
