import { describe, expect, it } from 'vitest';
import { RowError, coordinates, date, num } from './parse-helpers';
import { normaliseZip } from './afdc';
import { fixNcrHeader } from './ncr';
import { detectDelimiter, fixBnetzaHeader } from './bnetza';

describe('date', () => {
  it.each([
    ['2025-04-21', '2025-04-21T00:00:00Z'],
    ['2025-02-12 00:16:32 UTC', '2025-02-12T00:16:32Z'],
    ['2014-08-19 05:15:02', '2014-08-19T05:15:02Z'],
    ['3/15/2009', '2009-03-15T00:00:00Z'],
    ['11/13/2025', '2025-11-13T00:00:00Z'],
    ['7/14/09', '2009-07-14T00:00:00Z'],
    ['22.07.21', '2021-07-22T00:00:00Z'],
    ['01.02.2019', '2019-02-01T00:00:00Z'],
  ])('parses %s', (input, expected) => expect(date(input, 'd')).toBe(expected));

  it('treats empty and NCR zero dates as unknown', () => {
    expect(date('', 'd')).toBeNull();
    expect(date('0000-00-00 00:00:00', 'd')).toBeNull();
  });

  it('rejects impossible and unknown dates with the field name', () => {
    expect(() => date('2/30/2020', 'Open Date')).toThrow(/Open Date/);
    expect(() => date('yesterday', 'Open Date')).toThrow(RowError);
  });
});

describe('numbers and coordinates', () => {
  it('reads decimal commas (BNetzA)', () => expect(num('52,535955', 'x')).toBeCloseTo(52.535955));
  it('rejects garbage', () => expect(() => num('abc', 'P1')).toThrow(/P1/));
  it('rejects out-of-range and 0,0 coordinates', () => {
    expect(() => coordinates('91', '10')).toThrow(/latitude/);
    expect(() => coordinates('10', '-181')).toThrow(/longitude/);
    expect(() => coordinates('0', '0')).toThrow(/0,0/);
    expect(() => coordinates('', '10')).toThrow(/missing/);
  });
});

describe('source quirks', () => {
  it('pads ZIP codes Excel stripped (MA export)', () => {
    expect(normaliseZip('2128', 'MA')).toBe('02128');
    expect(normaliseZip('950', 'MA')).toBe('00950');
    expect(normaliseZip('10018', 'NY')).toBe('10018');
    expect(normaliseZip('K1A 0B1', 'ON')).toBe('K1A 0B1');
  });

  it('renames the NCR duplicate connector3Validated column by position', () => {
    const names = ['connector2Description', 'connector3Validated', 'connector3ID', 'connector3Description', 'connector3Validated'];
    expect(fixNcrHeader(names)).toEqual(['connector2Description', 'connector2Validated', 'connector3ID', 'connector3Description', 'connector3Validated']);
  });

  it('normalises BNetzA header editions and delimiters', () => {
    expect(fixBnetzaHeader(['Breitengrad [DG]', 'Steckertypen 1', 'P1 [kW]', 'Art der Ladeeinrichung'])).toEqual([
      'Breitengrad',
      'Steckertypen1',
      'P1',
      'Art der Ladeeinrichtung',
    ]);
    expect(detectDelimiter('Betreiber;Straße;Hausnummer')).toBe(';');
    expect(detectDelimiter('Betreiber,Adresse,Postleitzahl Ort')).toBe(',');
  });
});

describe('date fast path agrees with the general parser', () => {
  it.each([
    ['2025-04-21', '2025-04-21T00:00:00Z'],
    ['2025-02-12 00:16:32 UTC', '2025-02-12T00:16:32Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2025-02-12T00:16:32Z', '2025-02-12T00:16:32Z'],
    ['2025-02-12 00:16 UTC', '2025-02-12T00:16:00Z'],
  ])('%s → %s', (input, expected) => expect(date(input, 'd')).toBe(expected));

  it.each(['2023-02-29', '2025-13-01', '2025-00-10', '2025-04-31 10:00:00 UTC'])('rejects %s', (input) =>
    expect(() => date(input, 'Open Date')).toThrow(RowError),
  );
});
