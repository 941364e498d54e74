/**
 * Occupancy by hour of week ("popular times"): the share of status samples in which an EVSE was in use, per local
 * weekday and hour, plus check-ins as evidence of use where no feed reports. Pure, so server and tests share it.
 */
export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface HourSamples {
  /** Start of a UTC hour, ms since the epoch. */
  hourMs: number;
  /** Samples in that hour that said "in use" (plugged in or charging). */
  occupied: number;
  /** Samples that said anything (in use, free or offline). */
  known: number;
}

export interface OccupancyBucket {
  /** 0 = Monday … 6 = Sunday, in the location's time zone. */
  day: number;
  hour: number;
  /** Share of samples in use, 0–1; null without samples. */
  occupancy: number | null;
  samples: number;
  checkins: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Local weekday (0 = Monday) and hour of an instant in a time zone (an unknown zone falls back to UTC). */
export function localWeekHour(ms: number, timeZone: string): { day: number; hour: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    }
    formatters.set(timeZone, f);
  }
  let day = 0;
  let hour = 0;
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'weekday') day = WEEKDAY_INDEX[p.value] ?? 0;
    else if (p.type === 'hour') hour = Number(p.value) % 24;
  }
  return { day, hour };
}

/** 168 buckets, Monday 00:00 first, from hourly sample counts and check-in times. */
export function occupancyByHourOfWeek(hours: readonly HourSamples[], checkinTimesMs: readonly number[], timeZone: string): OccupancyBucket[] {
  const occupied = new Float64Array(168);
  const known = new Float64Array(168);
  const checkins = new Int32Array(168);
  for (const h of hours) {
    const { day, hour } = localWeekHour(h.hourMs, timeZone);
    occupied[day * 24 + hour] += h.occupied;
    known[day * 24 + hour] += h.known;
  }
  for (const t of checkinTimesMs) {
    const { day, hour } = localWeekHour(t, timeZone);
    checkins[day * 24 + hour]++;
  }
  return Array.from({ length: 168 }, (_, i) => ({
    day: Math.floor(i / 24),
    hour: i % 24,
    occupancy: known[i] > 0 ? occupied[i] / known[i] : null,
    samples: known[i],
    checkins: checkins[i],
  }));
}

export interface BusyRun {
  day: number;
  startHour: number;
  /** Exclusive. */
  endHour: number;
  /** Mean occupancy over the run. */
  occupancy: number;
}

/** Runs of consecutive hours on one day with occupancy at or above `threshold`, busiest first. */
export function busyRuns(buckets: readonly OccupancyBucket[], threshold = 0.5): BusyRun[] {
  const runs: BusyRun[] = [];
  for (let day = 0; day < 7; day++) {
    let start = -1;
    let sum = 0;
    for (let hour = 0; hour <= 24; hour++) {
      const b = hour < 24 ? buckets[day * 24 + hour] : undefined;
      const busy = b !== undefined && b.occupancy !== null && b.occupancy >= threshold;
      if (busy) {
        if (start < 0) start = hour;
        sum += b.occupancy as number;
      } else if (start >= 0) {
        runs.push({ day, startHour: start, endHour: hour, occupancy: sum / (hour - start) });
        start = -1;
        sum = 0;
      }
    }
  }
  return runs.sort((a, b) => b.occupancy - a.occupancy || a.day - b.day || a.startHour - b.startHour);
}

const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;

/** "Usually busy Fri 17:00–19:00, Sat 11:00–13:00" from the busiest runs; null when no hour reaches the threshold. */
export function busySummary(buckets: readonly OccupancyBucket[], threshold = 0.5, max = 3): string | null {
  const runs = busyRuns(buckets, threshold).slice(0, max);
  if (runs.length === 0) return null;
  runs.sort((a, b) => a.day - b.day || a.startHour - b.startHour);
  return `Usually busy ${runs.map((r) => `${DAYS[r.day]} ${hh(r.startHour)}–${hh(r.endHour)}`).join(', ')}`;
}
