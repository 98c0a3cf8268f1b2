import { anonymous, visibilityOf } from '../../src/lib/server/access/viewer';
import { visibilityParams } from '../../src/lib/server/access/visibility-cypher';

/**
 * The benchmark asks as an anonymous visitor — the public directory's case and the one the API limits most
 * tightly — through the API and in the raw queries alike, so both answer exactly the same question.
 */
export const ANONYMOUS = visibilityOf(anonymous);
export const ANONYMOUS_VISIBILITY = visibilityParams(ANONYMOUS);
