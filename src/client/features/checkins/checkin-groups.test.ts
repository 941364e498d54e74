import { describe, expect, it } from 'vitest';
import { groupStatusTypes, ratingOf } from './checkin-groups';

const types = [
  { ID: 0, Title: 'Did Not Visit Location', IsPositive: null, IsAutomatedCheckin: false },
  { ID: 10, Title: 'Charged Successfully', IsPositive: true, IsAutomatedCheckin: false },
  { ID: 15, Title: 'Charged Successfully (Automated Checkin)', IsPositive: true, IsAutomatedCheckin: true },
  { ID: 25, Title: 'Failed to Charge (Equipment Problem)', IsPositive: false, IsAutomatedCheckin: false },
];

describe('check-in status groups', () => {
  it('groups OCM status types as success / failure / other and leaves automated ones out', () => {
    const g = groupStatusTypes(types);
    expect(g.map((x) => [x.label, x.types.map((t) => t.ID)])).toEqual([
      ['Success', [10]],
      ['Failure', [25]],
      ['Other', [0]],
    ]);
    expect(ratingOf(types[3])).toBe(-1);
    expect(ratingOf(types[1])).toBe(1);
    expect(ratingOf(undefined)).toBe(0);
  });
});
