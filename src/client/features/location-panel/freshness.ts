export type Freshness = 'fresh' | 'aging' | 'stale' | 'unknown';

const YEAR = 365.25 * 86_400_000;

/** How recently a source confirmed or updated a record: under a year is fresh, under three aging, else stale. */
export function freshness(dates: Array<string | null | undefined>, now = Date.now()): { level: Freshness; date: string | null } {
  const latest = dates.filter((d): d is string => !!d && !Number.isNaN(Date.parse(d))).sort().at(-1) ?? null;
  if (!latest) return { level: 'unknown', date: null };
  const age = now - Date.parse(latest);
  return { level: age < YEAR ? 'fresh' : age < 3 * YEAR ? 'aging' : 'stale', date: latest };
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
export const compassPoint = (bearing: number) => COMPASS[Math.round((((bearing % 360) + 360) % 360) / 45) % 8];
