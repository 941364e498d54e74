import { describe, expect, it } from 'vitest';
import { ratePrices } from '../tariffs/session-cost';
import { LEAF_E_PLUS_SPEC } from '../vehicles/fixtures';
import { planRoute, type PlanCharger, type PlanInput } from './plan-route';

// Nissan Leaf e+ as Open EV Data has it: 62 kWh, 17.2 kWh/100 km (≈ 360 km on a full battery), CHAdeMO up to 100 kW.
const leaf = LEAF_E_PLUS_SPEC;
const pctPerKm = (17.2 / 100 / 62) * 100;

let nextId = 1;
const charger = (alongKm: number, extra: Partial<PlanCharger> = {}): PlanCharger => ({
  id: nextId++,
  name: `km ${alongKm}`,
  alongKm,
  offRouteKm: 0.5,
  powerKw: 50,
  current: 'dc',
  operational: true,
  score: null,
  prices: ratePrices('USD', { kwh: 40 }),
  network: null,
  ...extra,
});

const input = (over: Partial<PlanInput>): PlanInput => ({ routeKm: 600, chargers: [], vehicle: leaf, startSoc: 90, minArrivalSoc: 15, targetSoc: 80, strategy: 'fewest', ...over });

/** Replays a plan's legs from the start and checks every arrival, and that the state of charge never falls below the minimum. */
function assertSocKept(plan: ReturnType<typeof planRoute>, inp: PlanInput) {
  if (!plan.ok) throw new Error(plan.reason);
  let soc = inp.startSoc;
  let at = 0;
  let off = 0;
  for (const s of plan.stops) {
    soc -= (s.charger.alongKm - at + off + s.charger.offRouteKm) * pctPerKm;
    expect(s.arrivalSoc).toBeCloseTo(soc, 0);
    expect(soc).toBeGreaterThanOrEqual(inp.minArrivalSoc - 0.05);
    expect(s.departureSoc).toBeGreaterThan(s.arrivalSoc);
    soc = s.departureSoc;
    at = s.charger.alongKm;
    off = s.charger.offRouteKm;
  }
  soc -= (inp.routeKm - at + off) * pctPerKm;
  expect(plan.arrivalSoc).toBeCloseTo(soc, 0);
  expect(soc).toBeGreaterThanOrEqual(inp.minArrivalSoc - 0.05);
}

describe('planRoute', () => {
  const corridor = [60, 120, 180, 240, 300, 360, 420, 480, 540].map((km) => charger(km));

  it('needs no stop when the battery covers the route', () => {
    const plan = planRoute(input({ routeKm: 200, chargers: corridor }));
    expect(plan).toMatchObject({ ok: true, stops: [] });
    if (plan.ok) expect(plan.arrivalSoc).toBeCloseTo(90 - 200 * pctPerKm, 0);
  });

  it('keeps the state of charge above the minimum at every stop and at the destination', () => {
    const inp = input({ chargers: corridor });
    const plan = planRoute(inp);
    assertSocKept(plan, inp);
    if (!plan.ok) return;
    // 90 % covers ~270 km, a stop to 80 % another ~234 km: 600 km needs two stops.
    expect(plan.stops.length).toBe(2);
    expect(plan.stops.every((s) => s.cost.ok)).toBe(true);
    expect(plan.costByCurrency.USD).toBeGreaterThan(0);
  });

  it('adds a stop when the minimum arrival rises (Buffalo → New York in a Leaf e+: 15 % → 30 %)', () => {
    const route = 640;
    const chargers = [35, 95, 150, 230, 260, 330, 400, 470, 540, 600].map((km) => charger(km));
    const at15 = planRoute(input({ routeKm: route, chargers, minArrivalSoc: 15 }));
    const at30 = planRoute(input({ routeKm: route, chargers, minArrivalSoc: 30 }));
    assertSocKept(at15, input({ routeKm: route, chargers, minArrivalSoc: 15 }));
    assertSocKept(at30, input({ routeKm: route, chargers, minArrivalSoc: 30 }));
    if (!at15.ok || !at30.ok) return;
    expect(at30.stops.length).toBeGreaterThan(at15.stops.length);
  });

  it('says where the route cannot be done', () => {
    const plan = planRoute(input({ routeKm: 900, chargers: [charger(100), charger(200), charger(700)] }));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.gapStartKm).toBe(200);
    expect(plan.gapKm).toBe(500);
    expect(plan.reason).toMatch(/^no plan: 500 km without a usable charger after km 200/);
  });

  it('ignores chargers the car cannot use and non-operational ones', () => {
    const plan = planRoute(input({ routeKm: 480, chargers: [charger(250, { operational: false }), charger(260, { current: 'dc' })] }));
    const noDc = planRoute(input({ routeKm: 480, vehicle: { ...leaf, dc: null }, chargers: [charger(250)] }));
    expect(plan.ok && plan.stops.map((s) => s.charger.alongKm)).toEqual([260]);
    expect(noDc.ok).toBe(false);
  });

  it('fastest prefers higher power; cheapest prefers the lower price', () => {
    const slowCheap = charger(250, { powerKw: 50, prices: ratePrices('USD', { kwh: 10 }) });
    const fastDear = charger(255, { powerKw: 150, prices: ratePrices('USD', { kwh: 60 }) });
    const chargers = [slowCheap, fastDear];
    const fastest = planRoute(input({ routeKm: 480, chargers, strategy: 'fastest' }));
    const cheapest = planRoute(input({ routeKm: 480, chargers, strategy: 'cheapest' }));
    expect(fastest.ok && fastest.stops[0].charger.id).toBe(fastDear.id);
    expect(cheapest.ok && cheapest.stops[0].charger.id).toBe(slowCheap.id);
    if (fastest.ok && cheapest.ok) {
      expect(fastest.chargeMinutes).toBeLessThan(cheapest.chargeMinutes);
      expect(cheapest.costByCurrency.USD).toBeLessThan(fastest.costByCurrency.USD);
    }
  });

  it('charges at the last stop only as much as the rest of the trip needs', () => {
    const plan = planRoute(input({ routeKm: 450, chargers: [charger(250)], targetSoc: 80 }));
    if (!plan.ok) throw new Error(plan.reason);
    const dep = plan.stops[0].departureSoc;
    expect(dep).toBeLessThan(80);
    expect(plan.arrivalSoc).toBeGreaterThanOrEqual(15);
    expect(plan.arrivalSoc).toBeLessThan(20);
  });
});

describe('planRoute respects the charge target', () => {
  it('never charges above the target, even when that makes the route impossible', () => {
    // 90 % reaches km 270; from a charger at km 260, 250 km more needs ~86 % with the minimum: above the 80 % target.
    const plan = planRoute(input({ routeKm: 510, chargers: [charger(260)], targetSoc: 80 }));
    expect(plan.ok).toBe(false);
    const higher = planRoute(input({ routeKm: 510, chargers: [charger(260)], targetSoc: 90 }));
    expect(higher.ok && higher.stops[0].departureSoc).toBeLessThanOrEqual(90);
  });
});

describe('planRoute prefers well-rated chargers', () => {
  it('passes over a charger with a poor check-in score when an equal one is near', () => {
    const poor = charger(250, { score: 2 });
    const good = charger(252, { score: 8 });
    const plan = planRoute(input({ routeKm: 480, chargers: [poor, good], strategy: 'fastest' }));
    expect(plan.ok && plan.stops.map((s) => s.charger.id)).toEqual([good.id]);
  });
});
