import type { PortFamily } from './ports';

/** A point of a DC charging curve: the power the car accepts at a state of charge. */
export interface CurvePoint {
  percentage: number;
  power: number;
}

/** What planning needs from a vehicle variant (from Open EV Data; nothing the data lacks is filled in). */
export interface VehicleSpec {
  /** Usable battery, kWh. */
  batteryKwh: number;
  /** Average consumption, kWh per 100 km; null when the data has none. */
  consumptionKwhPer100Km: number | null;
  ac: { ports: PortFamily[]; maxPowerKw: number; phases: number | null } | null;
  dc: { ports: PortFamily[]; maxPowerKw: number; curve: CurvePoint[]; isDefaultCurve: boolean } | null;
}

/** Estimated range on a full battery in km: usable battery over average consumption. */
export function estimatedRangeKm(spec: Pick<VehicleSpec, 'batteryKwh' | 'consumptionKwhPer100Km'>): number | null {
  const c = spec.consumptionKwhPer100Km;
  if (c === null || !(c > 0) || !(spec.batteryKwh > 0)) return null;
  return (spec.batteryKwh / c) * 100;
}

/**
 * Range left from a state of charge, keeping a reserve (percent of the battery) untouched: what the range ring
 * draws. Returns km.
 */
export function remainingRangeKm(spec: Pick<VehicleSpec, 'batteryKwh' | 'consumptionKwhPer100Km'>, socPercent: number, reservePercent: number): number | null {
  const full = estimatedRangeKm(spec);
  if (full === null) return null;
  const usable = Math.max(0, Math.min(100, socPercent) - Math.max(0, reservePercent));
  return (full * usable) / 100;
}

/** Power the car accepts at a state of charge on DC: the curve, linearly interpolated (flat beyond its ends). */
export function curvePowerAt(curve: readonly CurvePoint[], socPercent: number): number {
  if (curve.length === 0) return 0;
  if (socPercent <= curve[0].percentage) return curve[0].power;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1];
    const b = curve[i];
    if (socPercent <= b.percentage) {
      const span = b.percentage - a.percentage;
      return span <= 0 ? b.power : a.power + ((b.power - a.power) * (socPercent - a.percentage)) / span;
    }
  }
  return curve[curve.length - 1].power;
}
