import { describe, expect, it } from 'vitest';
import { emptyLocation, type ConnectorRecord } from '../importers/types';
import { count, referenceDb } from '../test/test-db';
import { LocationWriter } from './location-writer';

const connector = (ref: string, powerKw: number): ConnectorRecord => ({
  ref, connectionTypeId: 32, currentTypeId: 30, levelId: 3, powerKw, powerEstimated: false, amps: null, voltage: null, quantity: 1, statusTypeId: null, comments: null,
});

describe('LocationWriter', () => {
  it('stores a new record whose stations or connectors repeat a ref (malformed source data) by merging them, instead of failing on a unique key', async () => {
    const db = await referenceDb();
    const writer = new LocationWriter(db);
    const record = emptyLocation({ source: 'afdc', sourceId: '1', dataProviderId: 2, licence: 'x', title: 'Twice', latitude: 40.7, longitude: -74 });
    record.stations = [
      { ref: 'dc', networkExtId: null, manufacturer: null, model: null, statusTypeId: null, connectors: [connector('CCS', 50), connector('CCS', 150)] },
    ];
    expect(writer.write(record, 'test.csv')).toBe('inserted');
    expect(db.prepare('SELECT ref, power_kw FROM connectors').all()).toEqual([{ ref: 'CCS', power_kw: 150 }]);

    const twinStations = emptyLocation({ source: 'afdc', sourceId: '2', dataProviderId: 2, licence: 'x', title: 'Twins', latitude: 40.7, longitude: -74 });
    twinStations.stations = [1, 2].map(() => ({ ref: 'l2', networkExtId: null, manufacturer: null, model: null, statusTypeId: null, connectors: [connector('J1772', 7)] }));
    expect(writer.write(twinStations, 'test.csv')).toBe('inserted');
    expect(count(db, 'SELECT COUNT(*) AS n FROM stations')).toBe(2);
  });
});
