/** The four states a map symbol shows for a location. */
export const LOCATION_STATUSES = ['operational', 'not_operational', 'planned', 'unknown'] as const;
export type LocationStatus = (typeof LOCATION_STATUSES)[number];

/** OCM status type → the four states the map shows. Temporarily unavailable counts as not operational for drivers. */
export function statusOf(statusTypeId: number | null | undefined): LocationStatus {
  if (statusTypeId === 150) return 'planned';
  if (statusTypeId === 30 || statusTypeId === 100 || statusTypeId === 200 || statusTypeId === 210) return 'not_operational';
  if (statusTypeId === 10 || statusTypeId === 20 || statusTypeId === 50 || statusTypeId === 75) return 'operational';
  return 'unknown';
}
