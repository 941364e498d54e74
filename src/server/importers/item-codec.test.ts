import { describe, expect, it } from 'vitest';
import { packItems, unpackItems } from './item-codec';
import { emptyLocation, type LocationRecord, type ParsedItem } from './types';

/** Every field gets a value no other field has, so a field packed in the wrong order cannot round-trip. */
function distinctValues<T extends object>(o: T, prefix: string): T {
  let n = 0;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) {
    n++;
    out[k] = Array.isArray(val) ? val : typeof val === 'boolean' ? n % 2 === 0 : typeof val === 'number' || k.endsWith('Id') || k.endsWith('Kw') ? n * 1.5 : `${prefix}-${k}`;
  }
  return out as T;
}

describe('item codec (parse worker hand-off)', () => {
  it('round-trips records with stations and connectors, skipped rows, row counts and hashes', () => {
    const connector = { ref: '', connectionTypeId: 0, currentTypeId: 0, levelId: 0, powerKw: 0, powerEstimated: false, amps: 0, voltage: 0, quantity: 0, statusTypeId: 0, comments: '' };
    const station = { ref: '', networkExtId: '', manufacturer: '', model: '', statusTypeId: 0, connectors: [distinctValues(connector, 'c1'), { ...connector, comments: null }] };
    const base = emptyLocation({ source: 'bnetza', sourceId: 'x1', dataProviderId: 1, licence: 'CC BY 4.0', title: 'Hof', latitude: 52.5, longitude: 13.4 });
    const record: LocationRecord = {
      ...distinctValues({ ...base, isOpenData: false, preferredId: 0, latitude: 0, longitude: 0, numberOfPoints: 0, dataQualityLevel: 0 }, 'l'),
      source: 'bnetza',
      stations: [distinctValues(station, 's1'), { ...station, connectors: [] }],
    };
    const items: ParsedItem[] = [
      { line: 2, record, rows: 3, hash: 'h1' },
      { line: 5, skip: 'no coordinates' },
      { line: 6, record: { ...base, stations: [] } },
      { line: 7, record: base, hash: 'h2' },
    ];
    expect(unpackItems(packItems(items))).toEqual(items);
  });
});
