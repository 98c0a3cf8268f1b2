/**
 * The GraphQL-over-HTTP conformance audits of graphql-http, run in process against the yoga endpoint through
 * `yoga.fetch`. Every MUST and SHOULD audit must pass; MAY audits are optional and only reported.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/lib/server/access/viewer';
import { yoga } from '../../src/lib/server/graphql/yoga';

const url = 'http://atlas.test/graphql';
const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) =>
  yoga.fetch(String(input), init ?? {}, { viewer: anonymous });

const audits = serverAudits({ url, fetchFn: fetchFn as typeof fetch });
const tally: Record<string, Record<string, number>> = {};

describe('graphql-http server audits', () => {
  it('has the full audit list', () => {
    expect(audits.length).toBeGreaterThanOrEqual(50);
  });

  for (const audit of audits) {
    const level = audit.name.split(' ')[0];
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      (tally[level] ??= {})[result.status] = (tally[level]?.[result.status] ?? 0) + 1;
      if (level === 'MAY') {
        expect(['ok', 'warn']).toContain(result.status);
      } else {
        expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
      }
    });
  }

  afterAll(() => console.log(`[graphql-http audit] ${JSON.stringify(tally)}`));
});
