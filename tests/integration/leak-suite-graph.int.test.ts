/**
 * The leak suite (issue #6), part 2 of 3: connection paths, recommendation reasons (candidates, shared partners,
 * distance) and coalition ties, for every viewer, against the exact expected answers in
 * tests/factories/leak-paths-graph.ts. Part 1: leak-suite.int.test.ts; part 3: leak-suite-analytics.int.test.ts.
 */
import { describeLeakMatrix } from '../factories/leak-suite';

describeLeakMatrix(['graph']);
