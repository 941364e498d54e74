import { describe, expect, it } from 'vitest';
import type { MyVehicle } from '../../stores/vehicle-store';
import { LEAF_E_PLUS } from '../../../shared/vehicles/fixtures';
import { planChargers, stripRows, type CorridorPoi } from './corridor';

const leaf: MyVehicle = LEAF_E_PLUS;
const poi = (id: number, lat: number, lng: number, connections: CorridorPoi['Connections'], extra: Partial<CorridorPoi> = {}): CorridorPoi => ({ ID: id, AddressInfo: { Title: `#${id}`, CountryID: 2, Latitude: lat, Longitude: lng }, Connections: connections, ...extra });
const ctx = { countryIso: (id: number | undefined) => (id === 2 ? 'US' : null), operatorName: () => 'Net', vehicle: leaf, fromSoc: 15, toSoc: 80 };

describe('strip rows along a route', () => {
  const line: Array<[number, number]> = [[42, -78], [42, -74]];
  const pois = [
    poi(1, 42.01, -75, [{ ConnectionTypeID: 33, CurrentTypeID: 30, PowerKW: 150 }]),
    poi(2, 41.99, -77, [{ ConnectionTypeID: 2, CurrentTypeID: 30, PowerKW: 50 }, { ConnectionTypeID: 1, CurrentTypeID: 10, PowerKW: 7 }], { UsageCost: '$0.40 per kWh' }),
    poi(3, 42.0, -76, [{ ConnectionTypeID: 1, CurrentTypeID: 10, PowerKW: 7 }], { StatusTypeID: 100 }),
  ];

  it('orders by distance along the route and picks the connector the car charges fastest at, by region', () => {
    const rows = stripRows(pois, line, ctx);
    expect(rows.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(rows[0]).toMatchObject({ usable: { powerKw: 50, current: 'dc' }, operational: true });
    expect(rows[0].cost?.ok && rows[0].cost.total).toBeGreaterThan(0);
    // CCS2 at a US charger is not this car's; J1772 is (its Type 2 inlet is J1772 in North America).
    expect(rows[2].usable).toBeNull();
    expect(rows[1].usable).toEqual({ powerKw: 7, current: 'ac' });
    expect(rows[0].offKm).toBeCloseTo(1.1, 0);
  });

  it('gives the planner only chargers the car can use, with their state', () => {
    const chargers = planChargers(stripRows(pois, line, ctx));
    expect(chargers.map((c) => [c.id, c.operational])).toEqual([[2, true], [3, false]]);
    expect(chargers[0].prices?.kwh).toBeCloseTo(40, 6);
  });
});
