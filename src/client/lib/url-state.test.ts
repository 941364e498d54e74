import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeUrlState, encodeUrlState } from './url-state';

describe('URL state codec', () => {
  it('round-trips position and selection', () => {
    const s = { center: [40.712346, -74.006789] as [number, number], zoom: 13.456, selected: 100000123 };
    const qs = encodeUrlState(s);
    expect(qs).toBe('at=40.71235%2C-74.00679%2C13.46&location=100000123');
    expect(decodeUrlState(qs)).toEqual({ center: [40.71235, -74.00679], zoom: 13.46, selected: 100000123 });
  });
  it('keeps unrelated parameters and drops the selection when none', () => {
    expect(encodeUrlState({ ...DEFAULT_VIEW, selected: null }, 'units=mi&location=5')).toBe('units=mi&at=40.7549%2C-73.984%2C12');
  });
  it('falls back to the default view on garbage', () => {
    expect(decodeUrlState('at=abc&location=-3')).toEqual(DEFAULT_VIEW);
    expect(decodeUrlState('at=95,0,3')).toEqual(DEFAULT_VIEW);
  });
});
