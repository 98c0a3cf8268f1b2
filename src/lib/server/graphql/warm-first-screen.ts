/**
 * The dashboard's first screen asked once through the API at start, after the analytics warm-up (decision 0052):
 * the first /graphql request of a process built the schema, set up yoga's pipeline and ran Prisma's first
 * statements of each kind — ~1 s of a visitor's first dashboard request on the 20k bench data, with every
 * analytics entry already computed. In process, as an anonymous visitor, through the same yoga instance as
 * /graphql (no HTTP, no rate-limit count); nothing is stored.
 */
import { print } from 'graphql';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { DashboardChoicesQuery, DashboardHeatmapQuery } from '$lib/graphql/documents/dashboard';
import { anonymous } from '../access/viewer';

async function ask<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables
) {
  const { yoga } = await import('./yoga');
  const response = await yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: print(document), variables })
    },
    { viewer: anonymous, clientAddress: undefined }
  );
  const body = (await response.json()) as { data?: Data; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${response.status} ${body.errors?.map((e) => e.message).join('; ') ?? ''}`.trim());
  }
  return body.data;
}

export async function warmFirstScreen(): Promise<void> {
  const choices = await ask(DashboardChoicesQuery, { lang: 'EN' });
  await ask(DashboardHeatmapQuery, { themes: choices.themes.map((t) => t.slug) });
}
