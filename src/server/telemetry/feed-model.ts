/**
 * A plausible EVSE for the feed simulator: busy more at commuting hours and in the evening, charging sessions of
 * 30–90 minutes, a car left plugged in after charging now and then, rare faults that last hours. Deterministic for a
 * seed, so a demo or a load test can be repeated.
 */
export type SimState = 'free' | 'charging' | 'plugged' | 'faulted';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of time in use the EVSE tends towards at a local hour, for a popularity 0–1. */
export function targetOccupancy(localHour: number, popularity: number): number {
  const morning = Math.exp(-((localHour - 8.5) ** 2) / 4);
  const evening = Math.exp(-((localHour - 18) ** 2) / 6);
  const night = localHour < 6 ? 0.05 : 0.15;
  return Math.min(0.95, popularity * (night + 0.55 * morning + 0.8 * evening));
}

/** A state drawn from the balance at that hour, so a simulation starts where it would settle. */
export function initialState(random: () => number, localHour: number, popularity: number): SimState {
  return random() < targetOccupancy(localHour, popularity) ? 'charging' : 'free';
}

const MEAN_SESSION_MIN = 60;
const FAULT_PER_HOUR = 0.0005;
const MEAN_FAULT_MIN = 240;

/** The state after `minutes`, from the current one: a birth–death chain whose balance is the target occupancy. */
export function nextState(state: SimState, random: () => number, localHour: number, popularity: number, minutes: number): SimState {
  if (state === 'faulted') return random() < minutes / MEAN_FAULT_MIN ? 'free' : 'faulted';
  if (random() < (FAULT_PER_HOUR * minutes) / 60) return 'faulted';
  const occ = targetOccupancy(localHour, popularity);
  if (state === 'free') {
    // Arrival rate that makes occ the long-run share in use: λ = μ · occ / (1 − occ).
    const arrive = (minutes / MEAN_SESSION_MIN) * (occ / Math.max(0.05, 1 - occ));
    return random() < Math.min(0.9, arrive) ? 'charging' : 'free';
  }
  const leave = minutes / MEAN_SESSION_MIN;
  if (state === 'charging') {
    if (random() >= leave) return 'charging';
    // One in five drivers leaves the car plugged in for a while after charging.
    return random() < 0.2 ? 'plugged' : 'free';
  }
  return random() < minutes / 30 ? 'free' : 'plugged';
}

export interface SimSample {
  is_plugged_in: boolean;
  is_charging: boolean;
  charge_rate_watts: number;
  is_out_of_order: boolean;
}

export function sampleOf(state: SimState, maxKw: number, random: () => number): SimSample {
  const charging = state === 'charging';
  return {
    is_plugged_in: charging || state === 'plugged',
    is_charging: charging,
    charge_rate_watts: charging ? Math.round(maxKw * 1000 * (0.5 + 0.5 * random())) : 0,
    is_out_of_order: state === 'faulted',
  };
}
