/**
 * ev.energy-style ids for this server's EVSEs (PlugShare stations): `evse` + 26 Crockford base32 characters, the
 * station id left-padded, so an id is stable for as long as the station keeps its id across imports.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_LENGTH = 26;
const EVSE_ID = /^evse([0-9A-HJKMNP-TV-Z]{26})$/i;

export function evseIdOf(stationId: number): string {
  let n = BigInt(stationId);
  let s = '';
  for (let i = 0; i < ID_LENGTH; i++) {
    s = ALPHABET[Number(n & 31n)] + s;
    n >>= 5n;
  }
  return `evse${s}`;
}

/** The station id behind an EVSE id, or null when the text is not one of this server's EVSE ids. */
export function stationIdOf(evseId: string): number | null {
  const m = EVSE_ID.exec(evseId.trim());
  if (!m) return null;
  const digits = m[1].toUpperCase();
  // Ids above 2^53 cannot be station ids: their 15 leading characters (75 of the 130 bits) must be zero.
  if (!digits.startsWith('000000000000000')) return null;
  let n = 0;
  for (let i = 15; i < 26; i++) n = n * 32 + ALPHABET.indexOf(digits[i]);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}
