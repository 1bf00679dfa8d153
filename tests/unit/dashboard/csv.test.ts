import { describe, expect, test } from 'vitest';
import { csvBlob, csvCell, toCsv } from '../../../lib/dashboard/csv';

describe('CSV cells', () => {
  test('quote commas, quotes and line breaks, and double inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  test('text a spreadsheet would run as a formula starts with an apostrophe', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+7 495 000')).toBe("'+7 495 000");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // numbers are data, not formulas
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a=b')).toBe('a=b');
  });

  test('a table is a header and rows joined by CRLF, ending in one', () => {
    expect(toCsv(['Query', 'Searches'], [['roi', 2]])).toBe('Query,Searches\r\nroi,2\r\n');
  });

  test('the file starts with a UTF-8 byte-order mark so Excel reads Cyrillic titles', async () => {
    const bytes = new Uint8Array(
      await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(csvBlob('Кейс\r\n'));
      }),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Кейс\r\n');
  });
});
