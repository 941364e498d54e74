import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parsePriceText } from './parse-price-text';
import { ratePrices, sessionCost } from './session-cost';
import { currencyOfCountry } from './currency';
import { LEAF_E_PLUS_SPEC } from '../vehicles/fixtures';
import { chargingRegion, compatibleConnectionTypes } from '../vehicles/ports';

describe('parsePriceText on real texts', () => {
  it.each([
    ['$0.35 per kWh', { status: 'exact', currency: 'USD', perKwh: 0.35 }],
    ['$.25 per kWh', { status: 'exact', perKwh: 0.25 }],
    ['$1.99 per session; $0.35 per kWh; $10 per hour idle fee', { status: 'exact', sessionFee: 1.99, perKwh: 0.35, idlePerHour: 10 }],
    ['$1 activation fee; $0.45 per kWh', { status: 'exact', sessionFee: 1, perKwh: 0.45 }],
    ['$0.70 per kWh and $5 per session', { status: 'exact', perKwh: 0.7, sessionFee: 5 }],
    ['$0.25 per kWh and $0.55 per hour; $2 per hour idle fee', { status: 'exact', perKwh: 0.25, perHour: 0.55, idlePerHour: 2 }],
    ['$0.21/minute', { status: 'exact', perHour: 12.6 }],
    ['20p per KW/h', { status: 'exact', currency: 'GBP', perKwh: 0.2 }],
    ['12p/per kWh', { status: 'exact', perKwh: 0.12 }],
    ['30p per Kwh and £1 connection fee', { status: 'exact', perKwh: 0.3, sessionFee: 1 }],
    ['0,47€/kWh', { status: 'exact', currency: 'EUR', perKwh: 0.47 }],
    ['£1.00/session. Parking fees apply', { status: 'exact', sessionFee: 1, parkingFeeApplies: true }],
    ['Free', { status: 'free', perKwh: 0 }],
    ['Free. Parking fees apply.', { status: 'free', parkingFeeApplies: true }],
    ['Free; $1.50 per hour parking rate', { status: 'free', parkingPerHour: 1.5 }],
    ['£0.00', { status: 'free' }],
  ])('%s', (text, expected) => {
    expect(parsePriceText(text)).toMatchObject(expected);
  });

  it.each([
    '$1.50 per hour for first 3 hours; $5 per hour following',
    '$0.54 per kWh + tax',
    '£0.059/minute; min £1.18; other tariffs available',
    '$0.26/min >=60kW; $0.13/min <60kW; other tariffs for older cars',
    'Free for guests £6 if not',
    'Free First Hour For Makoto\'s Patrons. Additional Charging $1.50/Hour',
    'Blink members: $0.39/kWh, guests: $0.49/kWh',
    '$1.50/Hr Parking Fee',
    '£0.35p/KWh or a maximum of £18 per session',
  ])('does not price conditional or incomplete text: %s', (text) => {
    const p = parsePriceText(text);
    expect(['partial', 'none']).toContain(p.status);
    expect(p.notes.length).toBeGreaterThan(0);
  });

  it('reads nothing from text without prices', () => {
    expect(parsePriceText('See www.CPSGenie.com for details').status).toBe('none');
    expect(parsePriceText('').status).toBe('none');
    expect(parsePriceText(null).status).toBe('none');
  });

  it('takes the currency from the country when the text has no symbol', () => {
    expect(parsePriceText('Free', 'GBP').currency).toBe('GBP');
    expect(currencyOfCountry('de')).toBe('EUR');
    expect(currencyOfCountry('US')).toBe('USD');
  });

  it('agrees with every single-valued per-kWh price the MANIFEST data set derived, where both read the text as exact', () => {
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync('data/pricing-derived/pricing_texts_parsed.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    let compared = 0;
    for (const r of rows) {
      const p = parsePriceText(r.pricing_text, r.currency || null);
      if (p.status !== 'exact' || r.kwh_min === '' || r.kwh_min !== r.kwh_max) continue;
      // That data set reads "0,47€" as 47 (decimal comma); those rows are its error, not a disagreement.
      if (/\d,\d/.test(r.pricing_text)) continue;
      compared++;
      expect(p.perKwh, r.pricing_text).toBeCloseTo(Number(r.kwh_min), 6);
    }
    expect(compared).toBeGreaterThan(100);
  });
});

const leaf = LEAF_E_PLUS_SPEC;

describe('sessionCost', () => {
  it('prices energy with losses, a session fee and time', () => {
    const c = sessionCost(leaf, 10, 80, { powerKw: 50, current: 'dc' }, ratePrices('USD', { kwh: 35, connection: 199, hour: 60 }), { lossesPercent: 10 });
    if (!c.ok) throw new Error(c.reason);
    expect(c.batteryKwh).toBeCloseTo(43.4, 5);
    expect(c.billedKwh).toBeCloseTo(48.22, 2);
    // 50 kW connector is below the car's curve everywhere in 10–80 %: 43.4 kWh / (50 kW × 0.9) h.
    expect(c.minutes).toBeCloseTo((43.4 / 45) * 60, 0);
    expect(c.limitedBy).toBe('connector');
    const byLabel = Object.fromEntries(c.lines.map((l) => [l.label, l.amount]));
    expect(byLabel['Session fee']).toBe(199);
    expect(byLabel.Energy).toBeCloseTo(48.22 * 35, 0);
    expect(byLabel.Time).toBeCloseTo((43.4 / 45) * 60, 0);
    expect(c.total).toBeCloseTo(c.lines.reduce((s, l) => s + l.amount, 0), 6);
  });

  it('follows the charging curve above the connector power where the car is the limit', () => {
    const fast = sessionCost(leaf, 80, 100, { powerKw: 150, current: 'dc' }, ratePrices('USD', {}));
    const slow = sessionCost(leaf, 10, 30, { powerKw: 150, current: 'dc' }, ratePrices('USD', {}));
    if (!fast.ok || !slow.ok) throw new Error('expected a cost');
    expect(fast.limitedBy).toBe('vehicle');
    // Same 20 % of energy takes far longer near full, where the curve falls to 6.6 kW.
    expect(fast.minutes).toBeGreaterThan(slow.minutes * 2);
  });

  it('caps AC charging at the car\'s on-board charger', () => {
    const c = sessionCost(leaf, 20, 80, { powerKw: 22, current: 'ac' }, ratePrices('GBP', { kwh: 30 }));
    if (!c.ok) throw new Error(c.reason);
    expect(c.averageKw).toBeCloseTo(6.6, 1);
    expect(c.limitedBy).toBe('vehicle');
  });

  it('shares the monthly fee and included energy over the month\'s sessions and prices the excess', () => {
    const rate = ratePrices('GBP', { kwh: 0, monthly: 800, energyIncluded: 200, excessKwh: 40 });
    const c = sessionCost(leaf, 10, 80, { powerKw: 50, current: 'dc' }, rate, { sessionsPerMonth: 8, lossesPercent: 0 });
    if (!c.ok) throw new Error(c.reason);
    const byLabel = Object.fromEntries(c.lines.map((l) => [l.label, l.amount]));
    expect(byLabel['Subscription share']).toBe(100);
    // 200 kWh / 8 sessions = 25 kWh included; 43.4 − 25 = 18.4 kWh at 40.
    expect(byLabel['Energy beyond the included amount']).toBeCloseTo(18.4 * 40, 1);
    expect(c.total).toBeCloseTo(100 + 18.4 * 40, 1);
  });

  it('charges idle time only when the driver stays after charging', () => {
    const rate = ratePrices('USD', { kwh: 30, idleHour: 600 });
    const a = sessionCost(leaf, 20, 60, { powerKw: 50, current: 'dc' }, rate);
    const b = sessionCost(leaf, 20, 60, { powerKw: 50, current: 'dc' }, rate, { idleMinutes: 30 });
    if (!a.ok || !b.ok) throw new Error('expected a cost');
    expect(b.total - a.total).toBeCloseTo(300, 6);
  });

  it('refuses what cannot be charged', () => {
    expect(sessionCost({ ...leaf, dc: null }, 10, 80, { powerKw: 50, current: 'dc' }, ratePrices('USD', {}))).toMatchObject({ ok: false });
    expect(sessionCost(leaf, 80, 10, { powerKw: 50, current: 'dc' }, ratePrices('USD', {}))).toMatchObject({ ok: false });
  });
});

describe('port compatibility by region', () => {
  it('maps a European Type 2 / CCS car to J1772 and CCS1 in North America', () => {
    expect(chargingRegion('US')).toBe('type1');
    expect(chargingRegion('DE')).toBe('type2');
    expect(compatibleConnectionTypes(['type2', 'ccs'], 'type2')).toEqual([25, 33, 1036]);
    expect(compatibleConnectionTypes(['type2', 'ccs'], 'type1')).toEqual([1, 32]);
  });

  it('gives a Leaf CHAdeMO everywhere and a Tesla its own connector plus J1772 in North America', () => {
    expect(compatibleConnectionTypes(['type2', 'chademo'], 'type1')).toEqual([1, 2]);
    expect(compatibleConnectionTypes(['type2', 'tesla_ccs'], 'type1')).toEqual([1, 27]);
    expect(compatibleConnectionTypes(['type2', 'tesla_ccs'], 'type2')).toEqual([25, 27, 33, 1036]);
  });
});
