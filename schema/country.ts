import { builder } from './builder';
import { CountryRegionEnum, LanguageEnum } from './enums';
import { CountryRef } from './refs';

CountryRef.implement({
  description: 'A country (ISO 3166-1 alpha-2): European countries and the others organisations work in.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 3166-1 alpha-2, e.g. "GR".' }),
    name: t.string({
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'EN' }) },
      resolve: (country, { lang }) => (lang === 'DE' ? country.nameDe : country.nameEn)
    }),
    nameEn: t.exposeString('nameEn'),
    nameDe: t.exposeString('nameDe'),
    region: t.expose('region', { type: CountryRegionEnum }),
    isEurope: t.exposeBoolean('isEurope')
  })
});

builder.queryFields((t) => ({
  countries: t.field({
    type: [CountryRef],
    description: 'Countries by English name, optionally only one region or only European countries.',
    args: {
      region: t.arg({ type: CountryRegionEnum, required: false }),
      europeOnly: t.arg.boolean({ required: false, defaultValue: false })
    },
    resolve: async (_root, { region, europeOnly }, ctx) => {
      const { all } = await ctx.loaders.countries();
      return all.filter((c) => (!region || c.region === region) && (!europeOnly || c.isEurope));
    }
  }),
  country: t.field({
    type: CountryRef,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, ctx) => {
      const key = code.trim().toUpperCase();
      return (await ctx.loaders.countries([key])).byCode.get(key) ?? null;
    }
  })
}));
