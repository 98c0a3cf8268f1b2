import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv-writer';

describe('csvCell', () => {
  it('quotes cells with commas, quotes, line breaks and outer spaces', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
  });
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises the formula %j with a leading apostrophe',
    (value) => {
      expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
    }
  );
  it('keeps phone numbers in contact_phone as they are (the importer accepts them)', () => {
    expect(csvLine(['+49 30 1234567', '+49 30 1234567'], ['contact_phone', 'description'])).toBe(
      "+49 30 1234567,'+49 30 1234567\n"
    );
  });
});
