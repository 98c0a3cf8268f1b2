/**
 * The leak suite (issue #6), part 3 of 3: analytics — isolated organisations (live, the viewer's exact
 * visibility) and the coverage matrix (partnerships and grants), density over time, brokers and communities,
 * which are precomputed once per visibility level — for every viewer, against the exact expected answers in
 * tests/factories/leak-paths-analytics.ts. Part 1: leak-suite.int.test.ts; part 2: leak-suite-graph.int.test.ts.
 */
import { describeLeakMatrix } from '../factories/leak-suite';

describeLeakMatrix(['analytics']);
