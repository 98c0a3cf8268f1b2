// Imports only: each module registers its types on the builder.
import { builder } from './builder';
import './scalars';
import './system';

export const schema = builder.toSchema({ sortSchema: true });
