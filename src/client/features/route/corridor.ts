import { routeMeasure } from '../../../shared/geo/route-measure';
import type { LatLng } from '../../../shared/geo/types';
import type { PlanCharger } from '../../../shared/planner/plan-route';
import { currencyOfCountry } from '../../../shared/tariffs/currency';
import { ratePricesOf } from '../../../shared/tariffs/price-components';
import { parsePriceText } from '../../../shared/tariffs/parse-price-text';
import { sessionCost, type RatePrices, type SessionCost } from '../../../shared/tariffs/session-cost';
import { bestUsableConnector } from '../../../shared/vehicles/best-connector';
import type { MyVehicle } from '../../stores/vehicle-store';
import { statusOf } from '../../../shared/location-status';

/** A POI as /v3/poi returns it with compact=true&verbose=false (reference objects and nulls left out). */
export interface CorridorPoi {
  ID: number;
  OperatorID?: number;
  StatusTypeID?: number;
  UsageCost?: string;
  /** Extension: check-in score 0–10, when the location has one. */
  Score?: number;
  AddressInfo: { Title: string; Town?: string; CountryID?: number; Latitude: number; Longitude: number };
  Connections?: Array<{ ConnectionTypeID?: number; CurrentTypeID?: number; PowerKW?: number }>;
}

export interface StripRow {
  id: number;
  name: string;
  town: string | null;
  latitude: number;
  longitude: number;
  alongKm: number;
  offKm: number;
  maxPowerKw: number | null;
  network: string | null;
  operational: boolean;
  score: number | null;
  /** The best connector my vehicle can use here (null without a vehicle, or none fits). */
  usable: { powerKw: number; current: 'ac' | 'dc' } | null;
  prices: RatePrices | null;
  priceText: string | null;
  /** What charging from the minimum arrival to the target would cost my vehicle here. */
  cost: SessionCost | null;
}

export interface CorridorContext {
  countryIso: (countryId: number | undefined) => string | null;
  operatorName: (operatorId: number | undefined) => string | null;
  vehicle: MyVehicle | null;
  fromSoc: number;
  toSoc: number;
}

const pricesOf = (text: string | undefined, countryIso: string | null) => (text ? ratePricesOf(parsePriceText(text, currencyOfCountry(countryIso))) : null);

/** Chargers of a corridor ordered by distance along the route, with what my vehicle can do and pay there. */
export function stripRows(pois: CorridorPoi[], line: readonly LatLng[], ctx: CorridorContext): StripRow[] {
  const measure = routeMeasure(line);
  const v = ctx.vehicle;
  // Networks repeat the same few price texts: each is read once.
  const priceCache = new Map<string, RatePrices | null>();
  const cachedPrices = (text: string | undefined, iso: string | null) => {
    const key = `${iso}\u0000${text}`;
    if (!priceCache.has(key)) priceCache.set(key, pricesOf(text, iso));
    return priceCache.get(key) ?? null;
  };
  const costCache = new Map<string, SessionCost>();
  // The same connector power and price give the same session: computed once.
  const costAt = (usable: NonNullable<StripRow['usable']>, prices: RatePrices) => {
    const key = `${usable.powerKw}|${usable.current}|${JSON.stringify(prices)}`;
    let c = costCache.get(key);
    if (!c) costCache.set(key, (c = sessionCost((v as MyVehicle).spec, ctx.fromSoc, ctx.toSoc, usable, prices)));
    return c;
  };
  return pois
    .map((poi) => {
      const iso = ctx.countryIso(poi.AddressInfo.CountryID);
      const { alongKm, offKm } = measure.locate([poi.AddressInfo.Latitude, poi.AddressInfo.Longitude]);
      const powers = (poi.Connections ?? []).map((c) => c.PowerKW ?? 0).filter((p) => p > 0);
      const connections = (poi.Connections ?? []).map((c) => ({ connectionTypeId: c.ConnectionTypeID, currentTypeId: c.CurrentTypeID, powerKw: c.PowerKW }));
      const best = v ? bestUsableConnector(connections, v, iso) : null;
      const usable: StripRow['usable'] = best && { powerKw: best.powerKw, current: best.current };
      const prices = cachedPrices(poi.UsageCost, iso);
      const status = statusOf(poi.StatusTypeID);
      return {
        id: poi.ID,
        name: poi.AddressInfo.Title,
        town: poi.AddressInfo.Town ?? null,
        latitude: poi.AddressInfo.Latitude,
        longitude: poi.AddressInfo.Longitude,
        alongKm,
        offKm,
        maxPowerKw: powers.length ? Math.max(...powers) : null,
        network: ctx.operatorName(poi.OperatorID),
        operational: status === 'operational' || status === 'unknown',
        score: poi.Score ?? null,
        usable,
        prices,
        priceText: poi.UsageCost ?? null,
        cost: v && usable && prices ? costAt(usable, prices) : null,
      };
    })
    .sort((a, b) => a.alongKm - b.alongKm || a.offKm - b.offKm);
}

/** The strip's chargers my vehicle can use, as the planner takes them. */
export function planChargers(rows: StripRow[]): PlanCharger[] {
  return rows
    .filter((r) => r.usable !== null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      alongKm: r.alongKm,
      offRouteKm: r.offKm,
      powerKw: r.usable!.powerKw,
      current: r.usable!.current,
      operational: r.operational,
      score: r.score,
      prices: r.prices,
      network: r.network,
    }));
}
