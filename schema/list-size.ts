import { checkPageArgs } from './pagination';

/** Lists on an organisation (partners, grants) without `first`: this many. */
export const DEFAULT_LIST_SIZE = 20;

export function listSize(first: number | null | undefined): number {
  checkPageArgs({ first });
  return first ?? DEFAULT_LIST_SIZE;
}
