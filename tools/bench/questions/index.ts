import type { AnyQuestion } from '../question';
import { coalitionQuestion } from './coalition';
import { directoryQuestion } from './directory';
import { gapMatrixQuestion } from './gap-matrix';
import { profileQuestion } from './profile';
import { recommendationsQuestion } from './recommendations';

/** The five questions of issue #4 item 6, in report order. */
export const QUESTIONS: readonly AnyQuestion[] = [
  directoryQuestion,
  profileQuestion,
  recommendationsQuestion,
  coalitionQuestion,
  gapMatrixQuestion
];
