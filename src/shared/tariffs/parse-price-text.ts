/**
 * Reads the free-text prices that charging data carries (AFDC `EV Pricing`, UK NCR `paymentRequiredDetails`, OCM
 * `UsageCost`) into tariff components. It is deliberately conservative: a text is `exact` only when every part of
 * it was understood; anything with tiers, conditions, minimums, caps, taxes or words it does not know is `partial`
 * (the components it did read are kept, but nothing should be priced from it) and the UI shows the text itself.
 * Amounts are in major units (dollars, pounds, euros).
 */
export type PriceTextStatus = 'exact' | 'free' | 'partial' | 'none';

export interface ParsedPrice {
  status: PriceTextStatus;
  currency: string | null;
  perKwh: number | null;
  /** Time price while connected, per hour (per-minute prices are converted). */
  perHour: number | null;
  /** Session, activation or connection fee. */
  sessionFee: number | null;
  /** Idle (overstay) fee per hour after charging ends. */
  idlePerHour: number | null;
  parkingPerHour: number | null;
  /** The text says parking fees apply (amount not given). */
  parkingFeeApplies: boolean;
  /** Parts of the text that were not understood, or caveats ("other tariffs available"). */
  notes: string[];
}

const SYMBOLS: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR' };
const CODES: Record<string, string> = { usd: 'USD', gbp: 'GBP', eur: 'EUR', euro: 'EUR', euros: 'EUR', chf: 'CHF', nok: 'NOK', sek: 'SEK', dkk: 'DKK', cad: 'CAD' };

// A money amount: symbol first ("$0.35", "£.25", "$1", "£0.35p") or unit after ("20p", "12 pence", "0,30 €", "25 cents", "0.30 EUR").
const MONEY = new RegExp(
  [
    String.raw`(?<sym>[$£€])\s?(?<a>\d+(?:[.,]\d+)?|[.,]\d+)(?<ap>p\b)?`,
    String.raw`(?<b>\d+(?:[.,]\d+)?)\s?(?<bu>pence|p|cents?|ct|c|€|£|eur(?:os?)?|usd|gbp|chf|nok|sek|dkk|cad)(?![a-z])`,
  ].join('|'),
  'gi',
);

const FREE_PHRASE = /^(?:it'?s\s+)?(?:free(?:\s+of\s+charge|\s+to\s+use|\s+charging|\s+vend)?|no\s+charge|complimentary|gratis|gratuit|kostenlos|kostenfrei|0[.,]00|[$£€]\s?0(?:[.,]00?)?)(?:\s+(?:with|using)\s+(?:swipe\s+|rfid\s+)?card)?\.?$/i;

const EMPTY = (): ParsedPrice => ({
  status: 'none', currency: null, perKwh: null, perHour: null, sessionFee: null, idlePerHour: null, parkingPerHour: null, parkingFeeApplies: false, notes: [],
});

const number = (s: string) => Number(s.replace(',', '.').replace(/^\./, '0.'));

interface Money {
  amount: number;
  currency: string | null;
}

function moneyOf(m: RegExpMatchArray): Money {
  const g = m.groups ?? {};
  if (g.sym) {
    // "£0.35p" writes pounds with a stray p; the symbol wins.
    return { amount: number(g.a), currency: SYMBOLS[g.sym] };
  }
  const unit = g.bu.toLowerCase();
  if (unit === 'p' || unit === 'pence') return { amount: number(g.b) / 100, currency: 'GBP' };
  if (unit === 'c' || unit === 'ct' || unit === 'cent' || unit === 'cents') return { amount: number(g.b) / 100, currency: null };
  if (unit === '€' || unit === '£') return { amount: number(g.b), currency: unit === '€' ? 'EUR' : 'GBP' };
  return { amount: number(g.b), currency: CODES[unit] ?? null };
}

type Kind = 'kwh' | 'hour' | 'minute' | 'session' | 'idleHour' | 'idleMinute' | 'parkingHour' | 'parkingMinute';

// Words that carry no meaning of their own once the amount and unit are known.
const FILLER = /\b(?:per|a|an|each|the|fee|fees|rate|price|cost|charge|charged|charging|flat|usage|for|of|to|is|time|energy|connected|plugged\s+in|only|approx(?:imately)?|about|pay|payable|at|plus)\b|[/:()\-–—.,!*'"]/gi;

const PATTERNS: Array<{ kind: Kind; test: RegExp }> = [
  { kind: 'idleMinute', test: /\b(?:idle|idling|overstay|blocking)\b.*(?:\/\s*min|per\s+min(?:ute)?\b)|(?:\/\s*min|per\s+min(?:ute)?\b).*\b(?:idle|idling|overstay|blocking)\b/i },
  { kind: 'idleHour', test: /\b(?:idle|idling|overstay|blocking)\b.*(?:\/\s*h(?:ou)?r?s?\b|per\s+h(?:ou)?r\b|an?\s+hour)|(?:\/\s*h(?:ou)?r?s?\b|per\s+h(?:ou)?r\b|an?\s+hour).*\b(?:idle|idling|overstay|blocking)\b/i },
  { kind: 'parkingMinute', test: /\bparking\b.*(?:\/\s*min|per\s+min(?:ute)?\b)|(?:\/\s*min|per\s+min(?:ute)?\b).*\bparking\b/i },
  { kind: 'parkingHour', test: /\bparking\b.*(?:\/\s*h(?:ou)?r?s?\b|per\s+h(?:ou)?r\b|an?\s+hour)|(?:\/\s*h(?:ou)?r?s?\b|per\s+h(?:ou)?r\b|an?\s+hour).*\bparking\b/i },
  { kind: 'kwh', test: /kw\s*\/?\s*h\b|kilowatt[\s-]?hours?/i },
  { kind: 'minute', test: /(?:\/\s*|per\s+|a\s+)min(?:ute)?s?\b/i },
  { kind: 'hour', test: /(?:\/\s*|per\s+|an?\s+)h(?:ou)?r?s?\b|\bhourly\b/i },
  { kind: 'session', test: /\bsession\b|\bactivation\b|\binitiation\b|\bconnection\s+(?:fee|charge)\b|\bstart(?:ing)?\s+fee\b|\bplug[\s-]?in\s+fee\b|\bper\s+(?:use|charge|visit)\b/i },
];

// The words each kind of clause may use; removed before checking that nothing else is left.
const KIND_WORDS = /kw\s*\/?\s*h|kilowatt[\s-]?hours?|\bmin(?:ute)?s?\b|\bh(?:ou)?r?s?\b|\bhourly\b|\bsessions?\b|\bactivation\b|\binitiation\b|\bconnection\b|\bstart(?:ing)?\b|\bplug[\s-]?in\b|\buse\b|\bvisit\b|\bidle\b|\bidling\b|\boverstay\b|\bblocking\b|\bparking\b/gi;

const CAVEATS: Array<[RegExp, string]> = [
  [/^other\s+tariffs?\s+(?:are\s+)?available\.?$/i, 'other tariffs available'],
  [/^(?:normal\s+)?(?:car\s+park|parking)\s+(?:fees?|charges?)\s+(?:may\s+)?(?:also\s+)?apply(?:\s+as\s+well)?\.?$/i, 'parking fees apply'],
];

function splitClauses(text: string): string[] {
  return text
    .split(/\s*(?:;|\||,(?!\d{1,2}\b)|\band\b|\s\+\s|\s&\s|\.\s+(?=[A-Z£$€\d]))\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^[.,;:]+$/.test(s));
}

export function parsePriceText(input: string | null | undefined, defaultCurrency: string | null = null): ParsedPrice {
  const out = EMPTY();
  // "Â£" is a pound sign that went through Latin-1 once.
  const text = (input ?? '').replace(/Â(?=[£€])/g, '').replace(/\s+/g, ' ').trim();
  if (!/[a-z0-9]/i.test(text)) return out;

  let understoodCharging = false;
  let free = false;
  let partial = false;
  const currencies = new Set<string>();
  const seen = new Set<Kind>();

  for (const clause of splitClauses(text)) {
    if (FREE_PHRASE.test(clause)) {
      free = true;
      continue;
    }
    const caveat = CAVEATS.find(([re]) => re.test(clause));
    if (caveat) {
      if (caveat[1] === 'parking fees apply') out.parkingFeeApplies = true;
      out.notes.push(caveat[1]);
      continue;
    }
    const amounts = [...clause.matchAll(MONEY)];
    const kind = PATTERNS.find((p) => p.test.test(clause))?.kind;
    const rest = clause.replace(MONEY, ' ').replace(KIND_WORDS, ' ').replace(FILLER, ' ').trim();
    if (amounts.length !== 1 || kind === undefined || rest !== '' || seen.has(kind)) {
      partial = true;
      out.notes.push(`not understood: "${clause}"`);
      // Keep a lone amount with a clear unit even when the clause says more (e.g. "+ tax"), for display only.
      if (amounts.length === 1 && kind !== undefined && !seen.has(kind)) assign(out, kind, moneyOf(amounts[0]), currencies, seen);
      continue;
    }
    assign(out, kind, moneyOf(amounts[0]), currencies, seen);
    if (kind !== 'parkingHour' && kind !== 'parkingMinute') understoodCharging = true;
  }

  if (currencies.size > 1) {
    partial = true;
    out.notes.push(`several currencies: ${[...currencies].join(', ')}`);
  }
  out.currency = [...currencies][0] ?? defaultCurrency;
  const chargingPrice = out.perKwh ?? out.perHour ?? out.sessionFee;
  if (free && chargingPrice !== null && chargingPrice > 0) {
    // "Free first hour, then $1.50/hour": free only in part.
    partial = true;
    out.notes.push('free only in part');
  }
  const chargingZero = [out.perKwh, out.perHour, out.sessionFee].every((v) => v === null || v === 0);
  if (partial) out.status = seen.size > 0 || free ? 'partial' : 'none';
  else if (free || (understoodCharging && chargingZero)) out.status = 'free';
  else if (understoodCharging) out.status = 'exact';
  else if (seen.size > 0) {
    out.status = 'partial';
    out.notes.push('no charging price given');
  }
  if (out.status === 'free') {
    out.perKwh ??= 0;
    out.sessionFee ??= 0;
  }
  return out;
}

function assign(out: ParsedPrice, kind: Kind, money: Money, currencies: Set<string>, seen: Set<Kind>) {
  seen.add(kind);
  if (money.currency) currencies.add(money.currency);
  const a = money.amount;
  switch (kind) {
    case 'kwh': out.perKwh = a; break;
    case 'hour': out.perHour = a; break;
    case 'minute': out.perHour = round(a * 60); break;
    case 'session': out.sessionFee = a; break;
    case 'idleHour': out.idlePerHour = a; break;
    case 'idleMinute': out.idlePerHour = round(a * 60); break;
    case 'parkingHour': out.parkingPerHour = a; break;
    case 'parkingMinute': out.parkingPerHour = round(a * 60); break;
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A short label such as "$0.35/kWh + $1.99/session", or null when nothing was read. */
export function describePrice(p: ParsedPrice, money: (amount: number) => string): string | null {
  if (p.status === 'free') return p.parkingPerHour ? `Free charging (parking ${money(p.parkingPerHour)}/h)` : 'Free';
  const parts: string[] = [];
  if (p.perKwh !== null) parts.push(`${money(p.perKwh)}/kWh`);
  if (p.perHour !== null) parts.push(`${money(p.perHour)}/h`);
  if (p.sessionFee !== null) parts.push(`${money(p.sessionFee)}/session`);
  if (p.idlePerHour !== null) parts.push(`idle ${money(p.idlePerHour)}/h`);
  if (p.parkingPerHour !== null) parts.push(`parking ${money(p.parkingPerHour)}/h`);
  return parts.length > 0 ? parts.join(' + ') : null;
}
