import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_SETTINGS } from '../../stores/route-store';
import type { MyVehicle } from '../../stores/vehicle-store';
import { LEAF_E_PLUS } from '../../../shared/vehicles/fixtures';
import { decodeRoute, encodeRoute } from './route-url';

const leaf: MyVehicle = LEAF_E_PLUS;

describe('route in the URL', () => {
  it('round-trips waypoints, settings and the vehicle', () => {
    const p = new URLSearchParams('at=42,-76,7');
    const state = { waypoints: [[42.88651, -78.87837], [40.71278, -74.00594]] as Array<[number, number]>, importedLine: null, settings: { ...DEFAULT_PLAN_SETTINGS, startSoc: 90, minArrivalSoc: 30, strategy: 'cheapest' as const }, car: leaf };
    encodeRoute(state, p);
    expect(p.get('at')).toBe('42,-76,7');
    const back = decodeRoute(new URLSearchParams(p.toString()));
    expect(back?.settings).toEqual(state.settings);
    expect(back?.waypoints).toEqual([[42.88651, -78.87837], [40.71278, -74.00594]]);
    expect(back?.car).toEqual(leaf);
  });

  it('ignores bad values and removes the route when cleared', () => {
    const back = decodeRoute(new URLSearchParams('rw=_p~iF~ps|U_ulLnnqC&soc=900&strat=teleport&car=%%%'));
    expect(back?.settings).toEqual(DEFAULT_PLAN_SETTINGS);
    expect(back?.car).toBeNull();
    const p = new URLSearchParams('rw=abc&soc=50&x=1');
    encodeRoute({ waypoints: [], importedLine: null, settings: DEFAULT_PLAN_SETTINGS, car: null }, p);
    expect(p.toString()).toBe('x=1');
    expect(decodeRoute(new URLSearchParams('x=1'))).toBeNull();
  });
});
