import { sessionCost, type RatePrices, type SessionCost } from '../tariffs/session-cost';
import type { VehicleSpec } from '../vehicles/vehicle-spec';

/**
 * Range-aware charging stops along a route corridor. Pure: the caller gives the chargers already found along the
 * route (distance along it, distance off it, the best connector the vehicle can use there, its price), the vehicle
 * and the driver's limits; the planner returns stops that keep the state of charge at or above the minimum on
 * arrival everywhere, or says where the route cannot be done.
 *
 * Model: energy per km is the vehicle's average consumption (times `consumptionFactor`); reaching a charger off the
 * route costs the detour there and back. At a stop the car charges to the target, except at the last stop, where it
 * charges only to what the rest of the trip needs (the minimum on arrival plus `bufferPercent`), never above the target.
 * Strategies are shortest paths over the candidate stops (dynamic programming, O(n²)):
 * - `fewest`: fewest stops, then least time;
 * - `fastest`: least charging + detour time (plus `stopOverheadMinutes` per stop);
 * - `cheapest`: least money (a charger without a known price counts at the highest known price per kWh), then time.
 * Low-scored chargers (check-in score under 5) cost a time penalty in every strategy, so an equal charger with a
 * better score nearby wins.
 */
export interface PlanCharger {
  id: number;
  name: string;
  /** Distance along the route from its start to the nearest point to this charger, km. */
  alongKm: number;
  /** Distance from the route to the charger, km (one way). */
  offRouteKm: number;
  /** The best connector the vehicle can use here. */
  powerKw: number;
  current: 'ac' | 'dc';
  operational: boolean;
  score: number | null;
  prices: RatePrices | null;
  network: string | null;
}

export type PlanStrategy = 'fewest' | 'fastest' | 'cheapest';

export interface PlanInput {
  routeKm: number;
  chargers: PlanCharger[];
  vehicle: VehicleSpec;
  startSoc: number;
  /** Minimum state of charge on arrival at a stop and at the destination, percent. */
  minArrivalSoc: number;
  /** Charge to this at a stop, percent. */
  targetSoc: number;
  strategy: PlanStrategy;
  consumptionFactor?: number;
  avgSpeedKmh?: number;
  stopOverheadMinutes?: number;
  bufferPercent?: number;
}

export interface PlanStop {
  charger: PlanCharger;
  arrivalSoc: number;
  departureSoc: number;
  chargeMinutes: number;
  cost: SessionCost;
  /** Distance driven from the start to this charger, detours included, km. */
  drivenKm: number;
}

export type Plan =
  | {
      ok: true;
      strategy: PlanStrategy;
      stops: PlanStop[];
      arrivalSoc: number;
      drivenKm: number;
      driveMinutes: number;
      chargeMinutes: number;
      /** Totals by currency (minor units), for stops with a known price. */
      costByCurrency: Record<string, number>;
      /** Stops whose price is not known. */
      unpricedStops: number;
    }
  | { ok: false; reason: string; gapStartKm: number; gapKm: number };

const LOW_SCORE_PENALTY_MIN = 15;

interface Node {
  alongKm: number;
  offRouteKm: number;
  charger: PlanCharger | null;
}

export function planRoute(input: PlanInput): Plan {
  const v = input.vehicle;
  const consumption = (v.consumptionKwhPer100Km ?? 0) * (input.consumptionFactor ?? 1);
  if (!(consumption > 0) || !(v.batteryKwh > 0)) return { ok: false, reason: 'no plan: the vehicle has no consumption figure', gapStartKm: 0, gapKm: input.routeKm };
  const pctPerKm = (consumption / 100 / v.batteryKwh) * 100;
  const speed = input.avgSpeedKmh ?? 80;
  const overhead = input.stopOverheadMinutes ?? 5;
  const buffer = input.bufferPercent ?? 2;
  const minSoc = input.minArrivalSoc;
  const target = Math.max(input.targetSoc, minSoc + 1);

  const usable = thin(
    input.chargers.filter((c) => c.operational && c.powerKw > 0 && c.alongKm >= 0 && c.alongKm <= input.routeKm && (c.current === 'dc' ? v.dc : v.ac)),
    v,
  ).sort((a, b) => a.alongKm - b.alongKm || b.powerKw - a.powerKw);
  const nodes: Node[] = [{ alongKm: 0, offRouteKm: 0, charger: null }, ...usable.map((c) => ({ alongKm: c.alongKm, offRouteKm: c.offRouteKm, charger: c })), { alongKm: input.routeKm, offRouteKm: 0, charger: null }];
  const last = nodes.length - 1;
  const legKm = (i: number, j: number) => nodes[j].alongKm - nodes[i].alongKm + nodes[i].offRouteKm + nodes[j].offRouteKm;

  // Highest known price per kWh: what an unpriced charger counts as in `cheapest`.
  const knownKwh = usable.map((c) => c.prices?.kwh ?? null).filter((p): p is number => p !== null);
  // A charger's own prices, or the stand-in used to compare unpriced ones.
  const fallbackPrices = (c: PlanCharger): RatePrices => c.prices ?? { currency: '', kwh: knownKwh.length ? Math.max(...knownKwh) : 50, connection: 0, monthly: 0, energyIncluded: 0, excessKwh: 0, hour: 0, idleHour: 0, parkingHour: 0 };
  const charge = (c: PlanCharger, from: number, to: number, prices: RatePrices) => sessionCost(v, from, to, { powerKw: c.powerKw, current: c.current }, prices);

  // best[j]: the best way to arrive at node j with the state of charge it implies.
  interface Label { weight: number; prev: number; arrivalSoc: number }
  const best: Array<Label | null> = nodes.map(() => null);
  best[0] = { weight: 0, prev: -1, arrivalSoc: input.startSoc };
  // Departure state of charge from node i towards j: the start leaves with what it has; a stop charges to the target,
  // or, when j is the destination, to what the last leg needs.
  const departure = (i: number, j: number, arrival: number) => {
    if (i === 0) return input.startSoc;
    const need = minSoc + legKm(i, j) * pctPerKm + buffer;
    // Never above the driver's charge target: at the last stop only what the rest of the trip needs, up to it.
    return j === last ? Math.max(arrival, Math.min(target, need)) : Math.max(arrival, target);
  };

  for (let i = 0; i < last; i++) {
    const here = best[i];
    if (!here) continue;
    const c = nodes[i].charger;
    // The charge at i depends on j only for the last leg; the session to the target is computed once per node.
    const costOf = new Map<number, { minutes: number; money: number } | null>();
    const chargeAt = (dep: number) => {
      const key = Math.round(dep * 100);
      if (!costOf.has(key)) {
        if (!c || dep <= here.arrivalSoc) costOf.set(key, { minutes: 0, money: 0 });
        else {
          const s = charge(c, here.arrivalSoc, dep, fallbackPrices(c));
          costOf.set(key, s.ok ? { minutes: s.minutes + overhead + (c.score !== null && c.score < 5 ? LOW_SCORE_PENALTY_MIN : 0), money: s.total } : null);
        }
      }
      return costOf.get(key) ?? null;
    };
    for (let j = i + 1; j <= last; j++) {
      const dep = departure(i, j, here.arrivalSoc);
      const arrive = dep - legKm(i, j) * pctPerKm;
      if (arrive < minSoc) {
        // Further nodes are further away (beyond small detour differences): stop scanning once far out of range.
        if (nodes[j].alongKm - nodes[i].alongKm > (dep / pctPerKm) * 1.2 + 50) break;
        continue;
      }
      const session = chargeAt(dep);
      if (!session) continue;
      const minutes = session.minutes + ((2 * nodes[j].offRouteKm) / speed) * 60;
      const step = input.strategy === 'fewest' ? (j === last ? 0 : 1e6) + minutes : input.strategy === 'cheapest' ? session.money * 1000 + minutes : minutes;
      const weight = here.weight + step;
      if (!best[j] || weight < best[j]!.weight) best[j] = { weight, prev: i, arrivalSoc: arrive };
    }
  }

  if (!best[last]) return gap(nodes, best, input, pctPerKm);

  const path: number[] = [];
  for (let k = last; k !== -1; k = best[k]!.prev) path.unshift(k);
  const stops: PlanStop[] = [];
  let driven = 0;
  let chargeMinutes = 0;
  const costByCurrency: Record<string, number> = {};
  let unpriced = 0;
  for (let p = 1; p < path.length; p++) {
    const i = path[p - 1];
    const j = path[p];
    driven += legKm(i, j);
    const c = nodes[i].charger;
    if (c) {
      const arrivalSoc = best[i]!.arrivalSoc;
      const dep = departure(i, j, arrivalSoc);
      const cost = charge(c, arrivalSoc, dep, fallbackPrices(c));
      const minutes = cost.ok ? cost.minutes : 0;
      chargeMinutes += minutes;
      if (c.prices && cost.ok) costByCurrency[cost.currency] = (costByCurrency[cost.currency] ?? 0) + cost.total;
      if (!c.prices) unpriced++;
      stops.push({ charger: c, arrivalSoc: round1(arrivalSoc), departureSoc: round1(dep), chargeMinutes: Math.round(minutes), cost: c.prices ? cost : { ok: false, reason: 'price unknown' }, drivenKm: round1(driven - legKm(i, j)) });
    }
  }
  return {
    ok: true,
    strategy: input.strategy,
    stops,
    arrivalSoc: round1(best[last]!.arrivalSoc),
    drivenKm: round1(driven),
    driveMinutes: Math.round((driven / speed) * 60),
    chargeMinutes: Math.round(chargeMinutes),
    costByCurrency: Object.fromEntries(Object.entries(costByCurrency).map(([k, x]) => [k, Math.round(x * 100) / 100])),
    unpricedStops: unpriced,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Candidates kept per stretch of route: thousands of chargers along a long corridor add nothing but time. */
const PER_BUCKET = 4;
const BUCKET_KM = 5;

/**
 * Keeps, in every 5 km of route, the few chargers that charge this car fastest (then better scored, then nearer the
 * route): the plan's choices are the same, and a 1,000 km corridor of 5,000 chargers plans in milliseconds.
 */
function thin(chargers: PlanCharger[], v: VehicleSpec): PlanCharger[] {
  const effective = (c: PlanCharger) => Math.min(c.powerKw, (c.current === 'dc' ? v.dc?.maxPowerKw : v.ac?.maxPowerKw) ?? 0);
  const buckets = new Map<number, PlanCharger[]>();
  for (const c of chargers) {
    const k = Math.floor(c.alongKm / BUCKET_KM);
    const list = buckets.get(k);
    if (list) list.push(c);
    else buckets.set(k, [c]);
  }
  const out: PlanCharger[] = [];
  for (const list of buckets.values()) {
    list.sort((a, b) => effective(b) - effective(a) || (b.score ?? 5) - (a.score ?? 5) || a.offRouteKm - b.offRouteKm);
    out.push(...list.slice(0, PER_BUCKET));
  }
  return out;
}

/** Where the route breaks: the furthest point reached, and the distance from there to the next usable charger. */
function gap(nodes: Node[], best: Array<{ arrivalSoc: number } | null>, input: PlanInput, pctPerKm: number): Plan {
  let from = 0;
  for (let k = 0; k < nodes.length - 1; k++) if (best[k]) from = Math.max(from, nodes[k].alongKm);
  const next = nodes.find((n, k) => k > 0 && n.alongKm > from && n.charger !== null)?.alongKm ?? input.routeKm;
  const reachKm = Math.max(0, (Math.max(input.startSoc, input.targetSoc) - input.minArrivalSoc) / pctPerKm);
  const gapKm = Math.round(next - from);
  return {
    ok: false,
    reason: `no plan: ${gapKm} km without a usable charger after km ${Math.round(from)} (this car covers about ${Math.round(reachKm)} km between ${input.minArrivalSoc} % and ${Math.max(input.startSoc, input.targetSoc)} %)`,
    gapStartKm: Math.round(from),
    gapKm,
  };
}
