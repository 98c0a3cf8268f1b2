/**
 * Checks on raw input that must run before any parser or database sees it: how deeply it nests, and whether its
 * strings are well-formed Unicode. A lone UTF-16 surrogate ("\uD800" in JSON or a GraphQL string) is valid JSON but
 * not text: PostgreSQL and Prisma's engine reject it with an internal error, so it is refused here, by name.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` contains a lone (unpaired) UTF-16 surrogate. */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/**
 * The path (e.g. `input.name`, `input.themes[2]`) of the first string in `value` that holds a lone surrogate, or
 * null. Walks iteratively with a bounded depth, so a hostile nesting cannot overflow the stack: deeper than
 * `maxDepth` is reported as `{ tooDeep: path }`.
 */
export function findMalformedString(
  value: unknown,
  root: string,
  maxDepth: number
): { loneSurrogate: string } | { tooDeep: string } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) return { loneSurrogate: path };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return { tooDeep: path };
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
    } else {
      for (const [key, item] of Object.entries(current)) {
        if (hasLoneSurrogate(key)) return { loneSurrogate: `${path}.<key>` };
        stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return null;
}

/**
 * The deepest bracket nesting ({, [, ( ) of a GraphQL document, ignoring strings and comments, and stopping as
 * soon as `limit` is passed. Linear in the length, no recursion: it runs before the (recursive) GraphQL parser,
 * which a list literal 50,000 levels deep would otherwise send into a stack overflow.
 */
export function exceedsNesting(source: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (ch === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        if (end < 0) return false; // unterminated: the parser reports it
        i = end + 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (ch === '{' || ch === '[' || ch === '(') {
      if (++depth > limit) return true;
    } else if (ch === '}' || ch === ']' || ch === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}
