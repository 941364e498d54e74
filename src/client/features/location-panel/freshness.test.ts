import { describe, expect, it } from 'vitest';
import { compassPoint, freshness } from './freshness';

describe('freshness', () => {
  const now = Date.parse('2026-11-21T00:00:00Z');
  it('uses the latest known date', () => {
    expect(freshness(['2020-01-01', '2026-06-01T00:00:00Z', null], now)).toEqual({ level: 'fresh', date: '2026-06-01T00:00:00Z' });
    expect(freshness(['2024-06-01'], now).level).toBe('aging');
    expect(freshness(['2017-11-23T00:00:00Z'], now).level).toBe('stale');
    expect(freshness([null, undefined, 'garbage'], now)).toEqual({ level: 'unknown', date: null });
  });
  it('names compass points', () => {
    expect([0, 44, 46, 90, 180, 269, 359].map(compassPoint)).toEqual(['N', 'NE', 'NE', 'E', 'S', 'W', 'N']);
  });
});
