import { builder } from './builder';

builder.queryField('apiVersion', (t) =>
  t.string({ description: 'The version of this API, for clients that log what they talked to.', resolve: () => '1' })
);
