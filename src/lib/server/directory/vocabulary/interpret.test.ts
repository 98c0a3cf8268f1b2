import { describe, expect, it } from 'vitest';
import { countries } from '../../../../../prisma/reference/countries';
import { themeRows } from '../../../../../prisma/reference/themes';
import { interpretQuery } from './interpret';
import { buildLexicon } from './lexicon';

const lexicon = buildLexicon(themeRows(), countries);
const read = (text: string) => interpretQuery(text, lexicon);

describe('interpretQuery', () => {
  it('reads the home page hint in English and German', () => {
    expect(read('alternatives to detention, Greece')).toMatchObject({
      themes: ['alternatives-to-detention'],
      countries: ['GR'],
      remainingText: ''
    });
    expect(read('Alternativen zur Abschiebungshaft Griechenland')).toMatchObject({
      themes: ['alternatives-to-detention'],
      countries: ['GR'],
      remainingText: ''
    });
  });

  it('knows practitioner synonyms and places', () => {
    expect(read('ATD').themes).toEqual(['alternatives-to-detention']);
    expect(read('detention alternatives').themes).toEqual(['alternatives-to-detention']);
    expect(read('UASC').themes).toEqual(['unaccompanied-children']);
    expect(read('unaccompanied minors in Italy')).toMatchObject({
      themes: ['unaccompanied-children'],
      countries: ['IT'],
      remainingText: ''
    });
    expect(read('Lesbos').countries).toEqual(['GR']);
    expect(read('München').countries).toEqual(['DE']);
    expect(read('MUENCHEN').countries).toEqual([]);
    expect(read('osterreich').countries).toEqual(['AT']);
  });

  it('keeps the words it does not know as text, and the terms as typed', () => {
    const r = read('Caritas legal aid Lesbos');
    expect(r.remainingText).toBe('Caritas');
    expect(r.terms).toEqual([
      { text: 'legal aid', kind: 'theme', value: 'legal-aid', source: 'name' },
      { text: 'Lesbos', kind: 'country', value: 'GR', source: 'place' }
    ]);
  });

  it('prefers the longest phrase', () => {
    expect(read('Congo (Democratic Republic)').countries).toEqual(['CD']);
    expect(read('American Samoa').countries).toEqual(['AS']);
    expect(read('Kinder und Jugendliche in der Migration').themes).toEqual(['children-youth-on-the-move']);
  });

  it('leaves quoted and negated words literal, and text without a term unchanged', () => {
    expect(read('"Greece" shelter')).toMatchObject({ countries: [], remainingText: '"Greece" shelter' });
    expect(read('housing -Greece')).toMatchObject({ themes: ['housing'], countries: [], remainingText: '-Greece' });
    expect(read('litigation or hosting')).toMatchObject({ terms: [], remainingText: 'litigation or hosting' });
  });

  it('does not let a phrase run across a comma', () => {
    // "Health" and "Greece" are two terms; no theme is called "health greece" but the rule matters for names
    // that begin like another (e.g. "Legal aid, representation" must not read "legal aid representation").
    expect(read('Health, Greece')).toMatchObject({ themes: ['health'], countries: ['GR'] });
  });

  it('does not read German "Island" (Iceland) into "Lesbos island"', () => {
    expect(read('Lesbos island')).toMatchObject({ countries: ['GR'], remainingText: 'island' });
  });

  it('gives every theme and country name one meaning (no two names collide)', () => {
    for (const t of themeRows()) {
      expect(read(t.nameEn).themes, t.nameEn).toEqual([t.slug]);
      expect(read(t.nameDe).themes, t.nameDe).toEqual([t.slug]);
    }
    for (const c of countries) {
      if (c.nameDe === 'Island') continue;
      expect(read(c.nameEn).countries, c.nameEn).toEqual([c.code]);
      expect(read(c.nameDe).countries, c.nameDe).toEqual([c.code]);
    }
  });
});
