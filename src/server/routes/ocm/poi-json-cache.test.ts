import { describe, expect, it } from 'vitest';
import { PoiJsonCache } from './poi-json-cache';
import type { LocationLive } from '../../../shared/telemetry/availability';

const live = (status: 0 | 1 | 2 | 3, sampledAtMs = 1): LocationLive => ({ status, available: status === 1 ? 1 : 0, inUse: status === 2 ? 1 : 0, offline: 0, unknown: 0, sampledAtMs, simulated: false });

describe('PoiJsonCache', () => {
  it('reuses a text for the same location, form, score and live state, and makes a new one when any differs', () => {
    let made = 0;
    const cache = new PoiJsonCache(() => 'v1');
    const make = () => ({ ID: 1, n: ++made });
    cache.refresh();
    expect(cache.json(1, 'tff', undefined, undefined, make)).toBe('{"ID":1,"n":1}');
    expect(cache.json(1, 'tff', undefined, undefined, make)).toBe('{"ID":1,"n":1}');
    expect(cache.json(1, 'fff', undefined, undefined, make)).toBe('{"ID":1,"n":2}');
    expect(cache.json(1, 'tff', 7.5, undefined, make)).toBe('{"ID":1,"n":3}');
    expect(cache.json(1, 'tff', undefined, live(1), make)).toBe('{"ID":1,"n":4}');
    expect(cache.json(1, 'tff', undefined, live(2), make)).toBe('{"ID":1,"n":5}');
    expect(cache.json(1, 'tff', undefined, live(2, 2), make)).toBe('{"ID":1,"n":6}');
    expect(cache.json(1, 'tff', undefined, live(2, 2), make)).toBe('{"ID":1,"n":6}');
  });

  it('forgets every text when the data changes or after ten minutes', () => {
    let version = 'v1';
    let now = 0;
    let made = 0;
    const cache = new PoiJsonCache(() => version, 100, () => now);
    const make = () => ({ n: ++made });
    cache.refresh();
    cache.json(1, 'f', undefined, undefined, make);
    version = 'v2';
    cache.refresh();
    expect(cache.json(1, 'f', undefined, undefined, make)).toBe('{"n":2}');
    now = 9 * 60_000;
    cache.refresh();
    expect(cache.json(1, 'f', undefined, undefined, make)).toBe('{"n":2}');
    now = 10 * 60_000;
    cache.refresh();
    expect(cache.json(1, 'f', undefined, undefined, make)).toBe('{"n":3}');
  });
});
