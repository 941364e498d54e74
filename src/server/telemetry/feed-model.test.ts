import { describe, expect, it } from 'vitest';
import { nextState, rng, targetOccupancy, type SimState } from './feed-model';

describe('feed simulator model', () => {
  it('is repeatable for a seed', () => {
    const a = rng(42);
    const b = rng(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('is busier in the evening than at night, and settles near its target', () => {
    expect(targetOccupancy(18, 0.8)).toBeGreaterThan(targetOccupancy(3, 0.8) * 4);
    const share = (hour: number) => {
      const r = rng(7);
      let s: SimState = 'free';
      let busy = 0;
      const steps = 20_000;
      for (let i = 0; i < steps; i++) {
        s = nextState(s, r, hour, 0.8, 5);
        if (s === 'charging' || s === 'plugged') busy++;
      }
      return busy / steps;
    };
    const evening = share(18);
    expect(evening).toBeGreaterThan(targetOccupancy(18, 0.8) - 0.15);
    expect(evening).toBeLessThan(targetOccupancy(18, 0.8) + 0.15);
    expect(share(3)).toBeLessThan(0.15);
  });
});
