import { curvePowerAt, type VehicleSpec } from '../vehicles/vehicle-spec';

/**
 * The cost of one charging session: a vehicle from a% to b% at a connector under a rate. Pure and explainable:
 * it returns every step (energy, time, each price component) with the total, so the UI can show why.
 */

/** A rate's prices, in minor units (cents, pence) as the Leccy Cost object has them. */
export interface RatePrices {
  currency: string;
  /** Per kWh drawn (what the charger meters). */
  kwh: number;
  /** Session / connection fee. */
  connection: number;
  /** Subscription per month. */
  monthly: number;
  /** kWh per month included in the subscription at the `kwh` price; 0 = no limit. */
  energyIncluded: number;
  /** Per kWh beyond `energyIncluded` in a month. */
  excessKwh: number;
  /** Per hour connected. */
  hour: number;
  /** Per hour connected after charging has finished. */
  idleHour: number;
  /** Parking per hour while connected (stated in the price text). */
  parkingHour: number;
}

export interface ConnectorPower {
  powerKw: number;
  current: 'ac' | 'dc';
}

export interface SessionOptions {
  /** Energy lost between the meter and the battery, percent. Default 10 on AC, 7 on DC. */
  lossesPercent?: number;
  /** Sessions a month that share the subscription and its included energy. Default 8. */
  sessionsPerMonth?: number;
  /** Minutes left connected after charging (idle / overstay). Default 0. */
  idleMinutes?: number;
  /** Formats a price in minor units inside the breakdown's explanations (default: the bare number). */
  money?: (minor: number) => string;
}

export interface CostLine {
  label: string;
  /** Minor units. */
  amount: number;
  detail: string;
}

export type SessionCost =
  | {
      ok: true;
      currency: string;
      /** Energy into the battery and energy billed (metered), kWh. */
      batteryKwh: number;
      billedKwh: number;
      minutes: number;
      /** Mean power over the session, kW. */
      averageKw: number;
      /** Power limit reached: the connector, or the car. */
      limitedBy: 'connector' | 'vehicle';
      lines: CostLine[];
      /** Minor units. */
      total: number;
    }
  | { ok: false; reason: string };

export const DEFAULT_SESSIONS_PER_MONTH = 8;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function sessionCost(vehicle: VehicleSpec, fromPercent: number, toPercent: number, connector: ConnectorPower, rate: RatePrices, options: SessionOptions = {}): SessionCost {
  if (!(fromPercent >= 0 && toPercent <= 100 && toPercent > fromPercent)) return { ok: false, reason: 'the target state of charge must be above the start' };
  if (!(vehicle.batteryKwh > 0)) return { ok: false, reason: 'the vehicle has no battery size' };
  if (!(connector.powerKw > 0)) return { ok: false, reason: 'the connector has no power rating' };
  const side = connector.current === 'dc' ? vehicle.dc : vehicle.ac;
  if (!side) return { ok: false, reason: connector.current === 'dc' ? 'this vehicle cannot charge on DC' : 'this vehicle cannot charge on AC' };

  const losses = (options.lossesPercent ?? (connector.current === 'dc' ? 7 : 10)) / 100;
  const efficiency = 1 - Math.min(0.5, Math.max(0, losses));
  const sessions = Math.max(1, options.sessionsPerMonth ?? DEFAULT_SESSIONS_PER_MONTH);
  const idleMinutes = Math.max(0, options.idleMinutes ?? 0);
  const m = options.money ?? ((x: number) => String(round2(x)));

  // Time: step through the state of charge in 0.5 % steps; the power is the least of connector, car maximum and
  // (on DC) the car's curve at that state of charge.
  const step = 0.5;
  let hours = 0;
  let limitedByVehicle = 0;
  for (let soc = fromPercent; soc < toPercent; soc += step) {
    const span = Math.min(step, toPercent - soc);
    const carLimit = connector.current === 'dc' && vehicle.dc ? Math.min(vehicle.dc.maxPowerKw, curvePowerAt(vehicle.dc.curve, soc + span / 2)) : side.maxPowerKw;
    const kw = Math.min(connector.powerKw, carLimit);
    if (carLimit < connector.powerKw) limitedByVehicle += span;
    const kwhIntoBattery = (vehicle.batteryKwh * span) / 100;
    hours += kwhIntoBattery / (Math.max(0.1, kw) * efficiency);
  }
  const batteryKwh = (vehicle.batteryKwh * (toPercent - fromPercent)) / 100;
  const billedKwh = batteryKwh / efficiency;
  const minutes = hours * 60;

  const lines: CostLine[] = [];
  if (rate.connection > 0) lines.push({ label: 'Session fee', amount: rate.connection, detail: 'per session' });
  if (rate.energyIncluded > 0) {
    // Included energy is shared over the month's sessions; what this session uses beyond its share is excess.
    const share = rate.energyIncluded / sessions;
    const inside = Math.min(billedKwh, share);
    const excess = billedKwh - inside;
    if (inside > 0) lines.push({ label: 'Energy (included)', amount: inside * rate.kwh, detail: `${round2(inside)} kWh of ${rate.energyIncluded} kWh a month over ${sessions} sessions, at ${m(rate.kwh)} per kWh` });
    if (excess > 0) lines.push({ label: 'Energy beyond the included amount', amount: excess * rate.excessKwh, detail: `${round2(excess)} kWh at ${m(rate.excessKwh)} per kWh` });
  } else if (rate.kwh > 0) {
    lines.push({ label: 'Energy', amount: billedKwh * rate.kwh, detail: `${round2(billedKwh)} kWh metered (${round2(batteryKwh)} kWh into the battery, ${Math.round(losses * 100)} % losses) at ${m(rate.kwh)} per kWh` });
  }
  if (rate.hour > 0) lines.push({ label: 'Time', amount: hours * rate.hour, detail: `${Math.round(minutes)} min at ${m(rate.hour)} per hour` });
  if (rate.idleHour > 0 && idleMinutes > 0) lines.push({ label: 'Idle fee', amount: (idleMinutes / 60) * rate.idleHour, detail: `${idleMinutes} min after charging at ${m(rate.idleHour)} per hour` });
  if (rate.parkingHour > 0) lines.push({ label: 'Parking', amount: ((minutes + idleMinutes) / 60) * rate.parkingHour, detail: `${Math.round(minutes + idleMinutes)} min at ${m(rate.parkingHour)} per hour` });
  if (rate.monthly > 0) lines.push({ label: 'Subscription share', amount: rate.monthly / sessions, detail: `${m(rate.monthly)} a month over ${sessions} sessions` });

  // The total is the sum of the lines as shown, so the breakdown adds up.
  const shown = lines.map((l) => ({ ...l, amount: round2(l.amount) }));
  const total = shown.reduce((s, l) => s + l.amount, 0);
  return {
    ok: true,
    currency: rate.currency,
    batteryKwh: round2(batteryKwh),
    billedKwh: round2(billedKwh),
    minutes: Math.round(minutes * 10) / 10,
    averageKw: round2(batteryKwh / efficiency / Math.max(hours, 1e-9)),
    limitedBy: limitedByVehicle > (toPercent - fromPercent) / 2 ? 'vehicle' : 'connector',
    lines: shown,
    total: round2(total),
  };
}

/** Rate prices with every component zero except those given. */
export function ratePrices(currency: string, prices: Partial<Omit<RatePrices, 'currency'>>): RatePrices {
  return { currency, kwh: 0, connection: 0, monthly: 0, energyIncluded: 0, excessKwh: 0, hour: 0, idleHour: 0, parkingHour: 0, ...prices };
}
