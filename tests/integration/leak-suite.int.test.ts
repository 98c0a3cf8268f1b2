/**
 * The leak suite (issue #6), part 1 of 3: directory lists, counts, facets and ordering, contact fields, grants,
 * partners, partnerships and single lookups, and the CSV/GraphML exports — for anonymous visitors, a member of an
 * unrelated organisation, a funder analyst, a member of either side of a private partnership, and an admin, each
 * checked against the EXACT answer that viewer may get (tests/factories/leak-graph.ts draws the graph,
 * leak-paths-*.ts and leak-exports.ts hold the expectations).
 * Part 2 (leak-suite-graph.int.test.ts): connection paths, recommendation reasons, coalition ties; part 3
 * (leak-suite-analytics.int.test.ts): analytics.
 * leak-canary.int.test.ts proves the comparison catches a leak; leak-set-visibility.int.test.ts covers changing a
 * partnership's visibility.
 */
import { describeLeakMatrix } from '../factories/leak-suite';

describeLeakMatrix(['directory', 'partners', 'exports']);
