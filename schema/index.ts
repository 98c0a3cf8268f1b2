// Imports only: each module registers its types on the builder.
import { builder } from './builder';
import './scalars';
import './system';
import './enums';
import './errors';
import './theme';
import './country';
import './organization';
import './organization-search';
import './organization-mutations';
import './partnership';
import './claim-invitation';
import './network';
import './grant';
import './funding';
import './account';
import './notification';
import './introduction';
import './moderation';
import './saved-search';
import './matchmaking';
import './coalition';
import './analytics';

export const schema = builder.toSchema({ sortSchema: true });
