import { describe, expect, it } from 'vitest';
import { enumList, formulaReason, isoTimestamp, list, slugify, wholeNumber } from './cells';

describe('formulaReason (CSV injection)', () => {
  it.each(['=SUM(A1)', '+1+2', '-2+3', '@cmd', '\tx', '\rx', '  =HYPERLINK("x")'])('rejects %j', (cell) => {
    expect(formulaReason(cell)).toMatch(/formula/);
  });
  it('names the character so the user can fix the cell', () => {
    expect(formulaReason('=1')).toContain('"="');
    expect(formulaReason('\tx')).toContain('a tab');
  });
  it.each(['Refugee Law Clinic', '2024-01-01', '12500.00', 'a=b', 'x-y', ''])('accepts %j', (cell) => {
    expect(formulaReason(cell)).toBeNull();
  });
  it('accepts an international phone number in contact_phone only', () => {
    expect(formulaReason('+49 30 1234567', 'contact_phone')).toBeNull();
    expect(formulaReason('+49 30 1234567', 'description')).not.toBeNull();
    expect(formulaReason('+1+cmd|x', 'contact_phone')).not.toBeNull();
  });
});

describe('cell parsers', () => {
  it('splits ;-lists, trims items and drops empty and repeated ones', () => {
    expect(list(' DE; FR ;;DE ')).toEqual(['DE', 'FR']);
    expect(list('')).toEqual([]);
    expect(enumList('local; national')).toEqual(['LOCAL', 'NATIONAL']);
  });
  it('reads whole numbers and rejects anything else', () => {
    expect(wholeNumber('1998')).toBe(1998);
    expect(() => wholeNumber('19.5')).toThrow(/whole number/);
  });
  it('reads ISO timestamps with a zone only', () => {
    expect(isoTimestamp('2024-05-31T12:00:00.000Z').toISOString()).toBe('2024-05-31T12:00:00.000Z');
    expect(() => isoTimestamp('2024-05-31 12:00')).toThrow(/timestamp/);
  });
  it('slugifies names to ASCII and falls back when nothing is left', () => {
    expect(slugify('Flüchtlingshilfe Köln – Straße 5')).toBe('fluchtlingshilfe-koln-strasse-5');
    expect(slugify('Ελληνικό Συμβούλιο', 'network')).toBe('network');
  });
});
