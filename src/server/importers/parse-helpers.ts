/** Small, strict value parsers shared by the CSV importers. Each returns null for empty input and throws on garbage. */

export class RowError extends Error {}

export const text = (v: string | undefined | null): string | null => {
  if (v === undefined || v === null) return null;
  const t = (v.indexOf('\r') === -1 ? v : v.replace(/\r\n?/g, '\n')).trim();
  return t === '' ? null : t;
};

/** Parses a number that may use a decimal comma (BNetzA). */
export function num(v: string | undefined | null, field: string): number | null {
  const t = text(v);
  if (t === null) return null;
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) throw new RowError(`${field}: not a number (${JSON.stringify(t)})`);
  return n;
}

export function int(v: string | undefined | null, field: string): number | null {
  const n = num(v, field);
  return n === null ? null : Math.round(n);
}

export function coordinates(latRaw: string | undefined, lngRaw: string | undefined): { latitude: number; longitude: number } {
  const latitude = num(latRaw, 'latitude');
  const longitude = num(lngRaw, 'longitude');
  if (latitude === null || longitude === null) throw new RowError('missing coordinates');
  if (latitude < -90 || latitude > 90) throw new RowError(`latitude out of range (${latitude})`);
  if (longitude < -180 || longitude > 180) throw new RowError(`longitude out of range (${longitude})`);
  if (latitude === 0 && longitude === 0) throw new RowError('coordinates are 0,0 (not geocoded)');
  return { latitude, longitude };
}

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validDate(y: number, m: number, d: number, field: string) {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1] || (m === 2 && d === 29 && !isLeap(y))) {
    throw new RowError(`${field}: not a valid date (${y}-${m}-${d})`);
  }
}

function isoDate(y: number, m: number, d: number, field: string): string {
  validDate(y, m, d, field);
  return `${y}-${pad(m)}-${pad(d)}T00:00:00Z`;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** The integer of t[from..to), all digits (checked by the callers). */
function digits(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (t.charCodeAt(i) - 48);
  return n;
}
const allDigits = (t: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (!isDigit(t.charCodeAt(i))) return false;
  return true;
};
/** `YYYY-MM-DD` at the start of t. */
const isIsoDay = (t: string) => t.length >= 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45 && allDigits(t, 0, 4) && allDigits(t, 5, 7) && allDigits(t, 8, 10);
/** `HH:MM:SS` at t[at..]. */
const isClock = (t: string, at: number) => t.charCodeAt(at + 2) === 58 && t.charCodeAt(at + 5) === 58 && allDigits(t, at, at + 2) && allDigits(t, at + 3, at + 5) && allDigits(t, at + 6, at + 8);

const twoDigitYear = (yy: number) => (yy < 70 ? 2000 + yy : 1900 + yy);

/**
 * Accepts the date forms found in the bundled exports: ISO (`2025-04-21`, `2025-02-12 00:16:32 UTC`,
 * `2014-08-19 05:15:02`), US `M/D/YYYY` or `M/D/YY` (Excel re-saves), German `DD.MM.YY(YY)`.
 * `0000-00-00…` (NCR) means unknown. Returns ISO 8601 UTC.
 */
export function date(v: string | undefined | null, field: string): string | null {
  const t = text(v);
  if (t === null || t.startsWith('0000-00-00') || (t.length === 3 && t.toLowerCase() === 'n/a')) return null;
  // Fast path for the two shapes of nearly every date in large exports (three per AFDC row): `2025-04-21` and
  // `2025-02-12 00:16:32 UTC`, checked by character instead of by regular expression.
  if (isIsoDay(t) && (t.length === 10 || (t.length === 23 && isClock(t, 11) && t.endsWith(' UTC') && t.charCodeAt(10) === 32))) {
    validDate(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), field);
    return t.length === 10 ? `${t}T00:00:00Z` : `${t.slice(0, 10)}T${t.slice(11, 19)}Z`;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:UTC|Z)?$/.exec(t);
  if (m) {
    // Three dates per row on large imports: validate, then reuse the source's own digits.
    validDate(+m[1], +m[2], +m[3], field);
    const day = t.slice(0, 10);
    return m[4] === undefined ? `${day}T00:00:00Z` : `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) return isoDate(m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3], +m[1], +m[2], field);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) return isoDate(m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3], +m[2], +m[1], field);
  const parsed = Date.parse(t);
  if (!Number.isNaN(parsed) && /\d{4}/.test(t)) return new Date(parsed).toISOString().replace('.000Z', 'Z');
  throw new RowError(`${field}: unrecognised date (${JSON.stringify(t)})`);
}

export const bool01 = (v: string | undefined | null): boolean | null => {
  const t = text(v)?.toLowerCase();
  if (t === undefined || t === null) return null;
  if (['1', 'true', 'yes', 'y'].includes(t)) return true;
  if (['0', 'false', 'no', 'n'].includes(t)) return false;
  return null;
};

/**
 * Runs one row's conversion: a returned string is a skip reason, a RowError becomes a skip with its message,
 * any other error is a bug and propagates.
 */
export function guardRow<T>(line: number, build: () => T | string): { line: number; record: T; skip?: undefined } | { line: number; record?: undefined; skip: string } {
  try {
    const result = build();
    return typeof result === 'string' ? { line, skip: result } : { line, record: result };
  } catch (err) {
    if (err instanceof RowError) return { line, skip: err.message };
    throw err;
  }
}
