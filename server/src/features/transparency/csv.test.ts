import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [-1.5, '-1.5'],
  ])('quotes cells with commas, quotes or line breaks: %j → %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+44 123', "'+44 123"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('defuses text a spreadsheet would run as a formula: %j → %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });

  it('ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});
