import { decodePolyline, encodePolyline } from '../../../shared/geo/polyline';
import type { LatLng } from '../../../shared/geo/types';
import type { PlanStrategy } from '../../../shared/planner/plan-route';
import { PORT_FAMILIES, type PortFamily } from '../../../shared/vehicles/ports';
import { DEFAULT_PLAN_SETTINGS, type PlanSettings } from '../../stores/route-store';
import type { MyVehicle } from '../../stores/vehicle-store';

/**
 * The route plan in the URL, so a shared link reproduces it: waypoints (`rw`, encoded polyline) or an imported line
 * (`rl`, simplified, encoded), the settings (`rc` corridor km, `soc`, `min`, `tgt`, `strat`) and the vehicle's
 * planning data (`car`, compact base64url JSON): a friend without an account sees the same plan.
 */
const STRATEGIES: PlanStrategy[] = ['fewest', 'fastest', 'cheapest'];

type CompactCar = { n: string; v: string; id: string; u: string; b: number; c: number | null; p: string[]; ac: [number, number | null] | null; dc: [number, number[], boolean?] | null };

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unb64 = (s: string) => new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0)));

export function encodeCar(v: MyVehicle): string {
  const car: CompactCar = {
    n: v.name,
    v: v.variantName,
    id: v.vehicleId,
    u: v.variantUuid,
    b: v.spec.batteryKwh,
    c: v.spec.consumptionKwhPer100Km,
    p: v.ports,
    ac: v.spec.ac ? [v.spec.ac.maxPowerKw, v.spec.ac.phases] : null,
    dc: v.spec.dc ? [v.spec.dc.maxPowerKw, v.spec.dc.curve.flatMap((pt) => [pt.percentage, pt.power]), v.spec.dc.isDefaultCurve] : null,
  };
  return b64(JSON.stringify(car));
}

export function decodeCar(s: string): MyVehicle | null {
  try {
    const c = JSON.parse(unb64(s)) as CompactCar;
    if (typeof c.b !== 'number' || !(c.b > 0) || !Array.isArray(c.p)) return null;
    const ports = c.p.filter((p): p is PortFamily => (PORT_FAMILIES as readonly string[]).includes(p));
    const curve: Array<{ percentage: number; power: number }> = [];
    if (c.dc) for (let i = 0; i + 1 < c.dc[1].length; i += 2) curve.push({ percentage: c.dc[1][i], power: c.dc[1][i + 1] });
    const acPorts: PortFamily[] = ports.filter((p) => p === 'type1' || p === 'type2');
    return {
      vehicleId: String(c.id),
      variantUuid: String(c.u),
      name: String(c.n),
      variantName: String(c.v),
      ports,
      spec: {
        batteryKwh: c.b,
        consumptionKwhPer100Km: typeof c.c === 'number' ? c.c : null,
        ac: c.ac ? { ports: acPorts, maxPowerKw: c.ac[0], phases: c.ac[1] } : null,
        dc: c.dc ? { ports: ports.filter((p) => !acPorts.includes(p)), maxPowerKw: c.dc[0], curve, isDefaultCurve: c.dc[2] === true } : null,
      },
    };
  } catch {
    return null;
  }
}

export interface RouteUrlState {
  waypoints: LatLng[];
  importedLine: LatLng[] | null;
  settings: PlanSettings;
  car: MyVehicle | null;
}

export function encodeRoute(s: RouteUrlState, params: URLSearchParams) {
  for (const k of ['rw', 'rl', 'rc', 'soc', 'min', 'tgt', 'strat', 'car']) params.delete(k);
  if (s.waypoints.length === 0 && !s.importedLine) return;
  if (s.importedLine) params.set('rl', encodePolyline(s.importedLine));
  else params.set('rw', encodePolyline(s.waypoints));
  const d = DEFAULT_PLAN_SETTINGS;
  if (s.settings.corridorKm !== d.corridorKm) params.set('rc', String(s.settings.corridorKm));
  params.set('soc', String(s.settings.startSoc));
  if (s.settings.minArrivalSoc !== d.minArrivalSoc) params.set('min', String(s.settings.minArrivalSoc));
  if (s.settings.targetSoc !== d.targetSoc) params.set('tgt', String(s.settings.targetSoc));
  if (s.settings.strategy !== d.strategy) params.set('strat', s.settings.strategy);
  if (s.car) params.set('car', encodeCar(s.car));
}

export function decodeRoute(params: URLSearchParams): RouteUrlState | null {
  const line = params.get('rl') ? decodePolyline(params.get('rl') as string) : null;
  const waypoints = params.get('rw') ? decodePolyline(params.get('rw') as string) : null;
  if (!(line && line.length >= 2) && !(waypoints && waypoints.length >= 1)) return null;
  const num = (k: string, fallback: number, lo: number, hi: number) => {
    const v = Number(params.get(k));
    return params.has(k) && Number.isFinite(v) && v >= lo && v <= hi ? v : fallback;
  };
  const d = DEFAULT_PLAN_SETTINGS;
  const strat = params.get('strat') as PlanStrategy | null;
  return {
    importedLine: line && line.length >= 2 ? line : null,
    waypoints: line && line.length >= 2 ? [line[0], line[line.length - 1]] : (waypoints ?? []),
    settings: {
      corridorKm: num('rc', d.corridorKm, 1, 50),
      startSoc: num('soc', d.startSoc, 1, 100),
      minArrivalSoc: num('min', d.minArrivalSoc, 0, 90),
      targetSoc: num('tgt', d.targetSoc, 10, 100),
      strategy: strat && STRATEGIES.includes(strat) ? strat : d.strategy,
    },
    car: params.get('car') ? decodeCar(params.get('car') as string) : null,
  };
}
