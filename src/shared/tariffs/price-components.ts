import type { LocationTariff } from '../api/responses';
import { minorUnits } from './currency';
import type { ParsedPrice } from './parse-price-text';
import { ratePrices, type RatePrices } from './session-cost';

type Components = Pick<ParsedPrice, 'currency' | 'perKwh' | 'perHour' | 'sessionFee' | 'idlePerHour' | 'parkingPerHour'>;

/** A read price's components in minor units (cents, pence), as Cost objects and the session engine take them. */
export function minorPrices(p: Components) {
  const m = minorUnits(p.currency ?? 'USD');
  return {
    kwh: (p.perKwh ?? 0) * m,
    connection: (p.sessionFee ?? 0) * m,
    hour: (p.perHour ?? 0) * m,
    idleHour: (p.idlePerHour ?? 0) * m,
    parkingHour: (p.parkingPerHour ?? 0) * m,
  };
}

/** What a session can be priced with: only texts read exactly (or free) and with a currency; else null. */
export function ratePricesOf(p: Components & Pick<ParsedPrice, 'status'>): RatePrices | null {
  if ((p.status !== 'exact' && p.status !== 'free') || !p.currency) return null;
  return ratePrices(p.currency, minorPrices(p));
}

/** The API's snake_case location tariff back as the parser's result. */
export function parsedFromTariff(t: LocationTariff): ParsedPrice {
  return {
    status: t.status,
    currency: t.currency,
    perKwh: t.per_kwh,
    perHour: t.per_hour,
    sessionFee: t.session_fee,
    idlePerHour: t.idle_per_hour,
    parkingPerHour: t.parking_per_hour,
    parkingFeeApplies: t.parking_fee_applies,
    notes: t.notes,
  };
}
