import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from 'graphql-yoga';
import { yogaLogger } from '../../src/lib/server/graphql/yoga-logger';
import { childColorEnv, colorAllowed, printable } from './plain-output';

const ESC = '\x1b';

afterEach(() => vi.restoreAllMocks());

/** Everything the logger's four levels write to the console. */
function captured(logger: ReturnType<typeof yogaLogger>): string {
  const lines: string[] = [];
  for (const method of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  }
  logger.debug('d');
  logger.info('i');
  logger.warn('w');
  logger.error('e');
  return lines.join('\n');
}

describe('plain log output', () => {
  it('colours only a terminal, and never with NO_COLOR', () => {
    expect(colorAllowed({ isTTY: true }, {})).toBe(true);
    expect(colorAllowed({ isTTY: false }, {})).toBe(false);
    expect(colorAllowed({}, {})).toBe(false);
    expect(colorAllowed({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(colorAllowed({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(childColorEnv(false)).toEqual({ NO_COLOR: '1' });
    expect(childColorEnv(true)).toEqual({});
  });

  it('strips colour and cursor codes from relayed lines unless colour is allowed', () => {
    const line = `\x1b[33mWARN\x1b[0m listening \x1b[2K\x1b[1Gon :3000`;
    expect(printable(line, false)).toBe('WARN listening on :3000');
    expect(printable(line, true)).toBe(line);
  });

  it("the API's logger writes no escape codes, where graphql-yoga's default does", () => {
    // The default is what left escape codes in the start log; if yoga ever drops them this test says so.
    expect(captured(createLogger('debug'))).toContain(ESC);
    const plain = captured(yogaLogger({ DEBUG: '1' }));
    expect(plain).not.toContain(ESC);
    expect(plain).toContain('[graphql] warning: w');
    expect(plain).toContain('[graphql] debug: d');
    expect(captured(yogaLogger({}))).not.toContain('debug: d');
  });
});
