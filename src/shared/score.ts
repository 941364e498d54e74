/**
 * A PlugScore-like 0–10 rating of a location from its check-ins: the recency-weighted share of successful
 * check-ins among those that succeeded or failed, pulled towards 5 by a prior worth one success and one failure, so
 * one report cannot make a location perfect or hopeless. A check-in's weight halves every HALF_LIFE_DAYS; neutral
 * check-ins (tips, "did not visit") do not count. No rated check-in → no score (null), as PlugShare does.
 */
export const SCORE_HALF_LIFE_DAYS = 180;
const PRIOR_SUCCESSES = 1;
const PRIOR_TOTAL = 2;

export interface ScoredCheckin {
  /** 1 success, 0 neutral, -1 problem (PlugShare's review rating). */
  rating: -1 | 0 | 1;
  /** ISO 8601 date. */
  createdAt: string;
}

export function locationScore(checkins: readonly ScoredCheckin[], now: Date = new Date()): number | null {
  let good = 0;
  let total = 0;
  for (const c of checkins) {
    if (c.rating === 0) continue;
    const ageDays = Math.max(0, (now.getTime() - Date.parse(c.createdAt)) / 86_400_000);
    const w = 0.5 ** (ageDays / SCORE_HALF_LIFE_DAYS);
    total += w;
    if (c.rating === 1) good += w;
  }
  if (total === 0) return null;
  const score = (10 * (good + PRIOR_SUCCESSES)) / (total + PRIOR_TOTAL);
  return Math.round(score * 10) / 10;
}

/** PlugShare rating from an OCM check-in status type's IsPositive (true / false / null). */
export const ratingFromPositive = (isPositive: boolean | null | undefined): -1 | 0 | 1 => (isPositive === true ? 1 : isPositive === false ? -1 : 0);
