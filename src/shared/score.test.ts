import { describe, expect, it } from 'vitest';
import { locationScore, SCORE_HALF_LIFE_DAYS } from './score';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('location score', () => {
  it('is null without rated check-ins', () => {
    expect(locationScore([], now)).toBeNull();
    expect(locationScore([{ rating: 0, createdAt: daysAgo(1) }], now)).toBeNull();
  });

  it('moves from 5 towards 10 with successes and towards 0 with failures, never reaching either with few reports', () => {
    expect(locationScore([{ rating: 1, createdAt: daysAgo(0) }], now)).toBe(6.7);
    expect(locationScore([{ rating: -1, createdAt: daysAgo(0) }], now)).toBe(3.3);
    const many = Array.from({ length: 50 }, () => ({ rating: 1 as const, createdAt: daysAgo(1) }));
    expect(locationScore(many, now)).toBeGreaterThan(9.5);
    expect(locationScore(many, now)).toBeLessThan(10);
  });

  it('weights recent check-ins more: a fresh failure outweighs an old success', () => {
    const s = locationScore([{ rating: 1, createdAt: daysAgo(3 * SCORE_HALF_LIFE_DAYS) }, { rating: -1, createdAt: daysAgo(1) }], now);
    expect(s).not.toBeNull();
    expect(s as number).toBeLessThan(5);
    const reversed = locationScore([{ rating: -1, createdAt: daysAgo(3 * SCORE_HALF_LIFE_DAYS) }, { rating: 1, createdAt: daysAgo(1) }], now);
    expect(reversed as number).toBeGreaterThan(5);
  });
});
