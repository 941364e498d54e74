import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type Filters } from '../../stores/filters-store';
import { activeFilterCount, decodeFilters, encodeFilters, filtersToQuery } from './filters-codec';

const busy: Filters = {
  connectionTypeIds: [32, 2],
  minPowerKw: 150,
  maxPowerKw: 350,
  includeOperatorIds: [3318],
  excludeOperatorIds: [5, 9],
  usageTypeIds: [1, 4],
  operationalOnly: false,
  cost: 'paid',
  openDataOnly: true,
  minScore: 7,
  vehiclePorts: ['type2', 'chademo'],
  availableNow: true,
};

describe('filters → API parameters', () => {
  it('uses OCM names and the map extensions', () => {
    expect(filtersToQuery(busy)).toEqual({
      connectiontypeid: '32,2',
      minpowerkw: '150',
      maxpowerkw: '350',
      operatorid: '3318',
      excludeoperatorid: '5,9',
      usagetypeid: '1,4',
      cost: 'paid',
      opendata: 'true',
      minscore: '7',
      vehicleports: 'type2,chademo',
      availability: '1',
    });
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({ operationalonly: 'true' });
  });
});

describe('filters in the URL', () => {
  it('round-trip and leave defaults out', () => {
    const p = new URLSearchParams('at=1,2,3');
    encodeFilters(busy, p);
    expect(p.toString()).toBe('at=1%2C2%2C3&ct=32%2C2&pmin=150&pmax=350&net=3318&xnet=5%2C9&use=1%2C4&status=all&cost=paid&open=1&score=7&ports=type2%2Cchademo&avail=1');
    expect(decodeFilters(p)).toEqual(busy);
    const q = new URLSearchParams(p);
    encodeFilters(DEFAULT_FILTERS, q);
    expect(q.toString()).toBe('at=1%2C2%2C3');
  });
  it('ignores garbage', () => {
    expect(decodeFilters(new URLSearchParams('ct=x,-1,3&pmin=abc&cost=cheap&ports=type9'))).toEqual({ ...DEFAULT_FILTERS, connectionTypeIds: [3] });
  });
  it('counts active filters', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount(busy)).toBe(11);
  });
});
