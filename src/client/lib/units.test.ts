import { describe, expect, it } from 'vitest';
import { formatDistance } from './units';

describe('formatDistance', () => {
  it('formats in km or miles with sensible precision', () => {
    expect(formatDistance(1.2345, 'km')).toBe('1.23 km');
    expect(formatDistance(1.609344, 'mi')).toBe('1.00 mi');
    expect(formatDistance(42.26, 'km')).toBe('42.3 km');
    expect(formatDistance(250, 'mi')).toBe('155 mi');
  });
});
