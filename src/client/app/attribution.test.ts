import { describe, expect, it } from 'vitest';
import { DATA_ATTRIBUTION, attributionFor } from './attribution';

describe('attributionFor', () => {
  it('credits only the providers on screen, in a stable order', () => {
    expect(attributionFor([2, 2, 2])).toEqual([DATA_ATTRIBUTION[0]]);
    const uk = attributionFor([18, 1, null]);
    expect(uk).toEqual([DATA_ATTRIBUTION[1], DATA_ATTRIBUTION[2]]);
    expect(attributionFor([19]).join(' ')).toContain('NOBIL');
    expect(attributionFor([])).toEqual([]);
  });
});
