import { describe, expect, it } from 'vitest';
import { splitStatements } from './graph-migrations';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    const text =
      '// constraints\nCREATE CONSTRAINT a IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE;\n\nCREATE INDEX b IF NOT EXISTS\n  FOR (o:Organization) ON (o.slug);\n';
    expect(splitStatements(text)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE',
      'CREATE INDEX b IF NOT EXISTS\n  FOR (o:Organization) ON (o.slug)'
    ]);
  });
  it('keeps semicolons inside a line (e.g. in strings)', () => {
    expect(splitStatements("RETURN 'a;b' AS x;")).toEqual(["RETURN 'a;b' AS x"]);
  });
});
