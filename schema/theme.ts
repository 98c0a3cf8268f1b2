import type { Theme } from '../src/lib/server/db/generated/client';
import { builder } from './builder';
import { LanguageEnum } from './enums';
import { ThemeRef } from './refs';

builder.node(ThemeRef, {
  description: 'A theme of the controlled, hierarchical vocabulary. Filtering by a theme also matches its sub-themes.',
  id: { resolve: (theme) => theme.id },
  loadMany: async (ids, ctx) => {
    const { byId } = await ctx.loaders.themes({ ids });
    return ids.map((id) => byId.get(id) ?? null);
  },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier used in filters and inputs, e.g. "legal-aid".' }),
    name: t.string({
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'EN' }) },
      resolve: (theme, { lang }) => (lang === 'DE' ? theme.nameDe : theme.nameEn)
    }),
    nameEn: t.exposeString('nameEn'),
    nameDe: t.exposeString('nameDe'),
    sortOrder: t.exposeInt('sortOrder'),
    parent: t.field({
      type: ThemeRef,
      nullable: true,
      resolve: async (theme, _args, ctx) =>
        theme.parentId ? ((await ctx.loaders.themes({ ids: [theme.parentId] })).byId.get(theme.parentId) ?? null) : null
    }),
    children: t.field({
      type: [ThemeRef],
      resolve: async (theme, _args, ctx) => (await ctx.loaders.themes()).children.get(theme.id) ?? []
    })
  })
});

builder.queryFields((t) => ({
  themes: t.field({
    type: [ThemeRef],
    description: 'The theme tree: top-level themes in display order; follow `children` for sub-themes.',
    resolve: async (_root, _args, ctx): Promise<Theme[]> => (await ctx.loaders.themes()).children.get(null) ?? []
  }),
  theme: t.field({
    type: ThemeRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: async (_root, { slug }, ctx) => {
      const key = slug.trim().toLowerCase();
      return (await ctx.loaders.themes({ slugs: [key] })).bySlug.get(key) ?? null;
    }
  })
}));
