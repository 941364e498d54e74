import tzLookup from '@photostructure/tz-lookup';

/** The IANA time zone at a point (for "usually busy at 17:00" in local time); UTC when the lookup has none. */
export function timeZoneAt(latitude: number, longitude: number): string {
  try {
    return tzLookup(latitude, longitude);
  } catch {
    return 'UTC';
  }
}
