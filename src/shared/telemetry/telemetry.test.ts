import { describe, expect, it } from 'vitest';
import { evseIdOf, stationIdOf } from './evse-id';
import { effectiveAvailability, evseState, locationLive } from './availability';
import { busyRuns, busySummary, localWeekHour, occupancyByHourOfWeek } from './occupancy';

describe('EVSE ids', () => {
  it('round-trip station ids and reject other text', () => {
    for (const id of [1, 31, 32, 123_456, 2 ** 40 + 7]) {
      const e = evseIdOf(id);
      expect(e).toMatch(/^evse[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(stationIdOf(e)).toBe(id);
      expect(stationIdOf(e.toLowerCase())).toBe(id);
    }
    expect(stationIdOf('evse01HSH04KDEWF6Z4DB2J77J74K')).toBeNull(); // 25 characters
    expect(stationIdOf('vhcl00000000000000000000000001')).toBeNull();
    expect(stationIdOf('evse0000000000000000000000000U')).toBeNull(); // U is not Crockford
    expect(stationIdOf(`evse${'0'.repeat(26)}`)).toBeNull();
  });
});

describe('availability', () => {
  it('reads an EVSE state from one status log', () => {
    expect(evseState({ is_plugged_in: false, is_charging: false })).toBe(1);
    expect(evseState({ is_plugged_in: true, is_charging: false })).toBe(2);
    expect(evseState({ is_plugged_in: null, is_charging: true })).toBe(2);
    expect(evseState({ is_plugged_in: false, is_charging: false, is_out_of_order: true })).toBe(3);
    expect(evseState({ is_plugged_in: null, is_charging: null })).toBe(0);
  });

  it('a location is available when one fresh EVSE is free; stale samples are unknown', () => {
    const now = 1_000_000;
    const fresh = now - 100;
    const live = locationLive(
      [
        { state: 2, sampledAtMs: now, simulated: false },
        { state: 1, sampledAtMs: fresh - 1, simulated: true },
        { state: 3, sampledAtMs: now, simulated: false },
      ],
      fresh,
    );
    expect(live).toMatchObject({ status: 2, inUse: 1, offline: 1, unknown: 1, available: 0, simulated: false, sampledAtMs: now });
    expect(locationLive([{ state: 1, sampledAtMs: now, simulated: true }, { state: 2, sampledAtMs: now, simulated: false }], fresh)).toMatchObject({ status: 1, simulated: true });
    expect(locationLive([], fresh).status).toBe(0);
    expect(locationLive([{ state: 3, sampledAtMs: now, simulated: false }], fresh).status).toBe(3);
  });

  it('falls back to the static OCM status without fresh live data', () => {
    expect(effectiveAvailability(undefined, 50)).toBe(0);
    expect(effectiveAvailability(0, 100)).toBe(3);
    expect(effectiveAvailability(2, 100)).toBe(2);
    expect(effectiveAvailability(undefined, 10)).toBe(1);
  });
});

describe('occupancy by hour of week', () => {
  it('uses the location’s time zone, including daylight saving', () => {
    // 2026-07-03 (Friday) 21:00 UTC = 17:00 in New York (EDT); 2026-01-02 (Friday) 22:00 UTC = 17:00 (EST).
    expect(localWeekHour(Date.UTC(2026, 6, 3, 21), 'America/New_York')).toEqual({ day: 4, hour: 17 });
    expect(localWeekHour(Date.UTC(2026, 0, 2, 22), 'America/New_York')).toEqual({ day: 4, hour: 17 });
    expect(localWeekHour(Date.UTC(2026, 0, 5, 0), 'Not/AZone')).toEqual({ day: 0, hour: 0 });
  });

  it('averages samples and counts check-ins per local hour', () => {
    const fri17 = Date.UTC(2026, 6, 3, 21);
    const week = 7 * 86_400_000;
    const buckets = occupancyByHourOfWeek(
      [
        { hourMs: fri17, occupied: 12, known: 12 },
        { hourMs: fri17 + week, occupied: 6, known: 12 },
        { hourMs: fri17 + 3_600_000, occupied: 0, known: 12 },
      ],
      [fri17 + 60_000, fri17 + 2 * week],
      'America/New_York',
    );
    expect(buckets).toHaveLength(168);
    const at = (day: number, hour: number) => buckets[day * 24 + hour];
    expect(at(4, 17)).toEqual({ day: 4, hour: 17, occupancy: 0.75, samples: 24, checkins: 2 });
    expect(at(4, 18).occupancy).toBe(0);
    expect(at(0, 0).occupancy).toBeNull();
    expect(busyRuns(buckets)).toEqual([{ day: 4, startHour: 17, endHour: 18, occupancy: 0.75 }]);
    expect(busySummary(buckets)).toBe('Usually busy Fri 17:00–18:00');
    expect(busySummary(buckets, 0.8)).toBeNull();
  });
});
