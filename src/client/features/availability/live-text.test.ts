import { describe, expect, it } from 'vitest';
import { ago, liveHeadline } from './live-text';

describe('live availability text', () => {
  it('says how long ago', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(ago('2026-11-21T11:59:30Z', now)).toBe('just now');
    expect(ago('2026-11-21T11:56:00Z', now)).toBe('4 min ago');
    expect(ago('2026-11-21T09:00:00Z', now)).toBe('3 h ago');
    expect(ago('2026-11-20T11:00:00Z', now)).toBe('1 day ago');
  });
  it('sums up a location', () => {
    const base = { available: 0, in_use: 0, offline: 0, unknown: 0, updated_at: '', simulated: false };
    expect(liveHeadline({ ...base, status: 1, available: 2, in_use: 1, unknown: 1 })).toBe('2 of 4 free now');
    expect(liveHeadline({ ...base, status: 2, in_use: 3 })).toBe('All 3 in use');
    expect(liveHeadline({ ...base, status: 2, in_use: 1, unknown: 1 })).toBe('1 of 2 in use, none reported free');
    expect(liveHeadline({ ...base, status: 3, offline: 1 })).toBe('1 of 1 offline');
    expect(liveHeadline({ ...base, status: 0, unknown: 2 })).toBe('No recent report');
  });
});
