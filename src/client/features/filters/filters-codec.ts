import { DEFAULT_FILTERS, type Filters } from '../../stores/filters-store';
import { PORT_FAMILIES, type PortFamily } from '../../../shared/vehicles/ports';

/** Filters → the API's query parameters (OCM names plus the map extensions), shared by /v3/poi and /api/clusters. */
export function filtersToQuery(f: Filters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.connectionTypeIds.length) q.connectiontypeid = f.connectionTypeIds.join(',');
  if (f.minPowerKw !== null) q.minpowerkw = String(f.minPowerKw);
  if (f.maxPowerKw !== null) q.maxpowerkw = String(f.maxPowerKw);
  if (f.includeOperatorIds.length) q.operatorid = f.includeOperatorIds.join(',');
  if (f.excludeOperatorIds.length) q.excludeoperatorid = f.excludeOperatorIds.join(',');
  if (f.usageTypeIds.length) q.usagetypeid = f.usageTypeIds.join(',');
  if (f.operationalOnly) q.operationalonly = 'true';
  if (f.cost !== 'any') q.cost = f.cost;
  if (f.openDataOnly) q.opendata = 'true';
  if (f.minScore !== null) q.minscore = String(f.minScore);
  if (f.vehiclePorts.length) q.vehicleports = f.vehiclePorts.join(',');
  if (f.availableNow) q.availability = '1';
  return q;
}

const ids = (v: string | null) => (v ? v.split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 0) : []);
const num = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : null);

/** Short URL form: ct, pmin, pmax, net, xnet, use, status=all, cost, open=1, score, ports, avail=1. Defaults are left out. */
export function encodeFilters(f: Filters, params: URLSearchParams) {
  const set = (k: string, v: string | null) => (v === null || v === '' ? params.delete(k) : params.set(k, v));
  set('ct', f.connectionTypeIds.join(','));
  set('pmin', f.minPowerKw === null ? null : String(f.minPowerKw));
  set('pmax', f.maxPowerKw === null ? null : String(f.maxPowerKw));
  set('net', f.includeOperatorIds.join(','));
  set('xnet', f.excludeOperatorIds.join(','));
  set('use', f.usageTypeIds.join(','));
  set('status', f.operationalOnly ? null : 'all');
  set('cost', f.cost === 'any' ? null : f.cost);
  set('open', f.openDataOnly ? '1' : null);
  set('score', f.minScore === null ? null : String(f.minScore));
  set('ports', f.vehiclePorts.join(','));
  set('avail', f.availableNow ? '1' : null);
}

export function decodeFilters(params: URLSearchParams): Filters {
  const cost = params.get('cost');
  return {
    ...DEFAULT_FILTERS,
    connectionTypeIds: ids(params.get('ct')),
    minPowerKw: num(params.get('pmin')),
    maxPowerKw: num(params.get('pmax')),
    includeOperatorIds: ids(params.get('net')),
    excludeOperatorIds: ids(params.get('xnet')),
    usageTypeIds: ids(params.get('use')),
    operationalOnly: params.get('status') !== 'all',
    cost: cost === 'free' || cost === 'paid' ? cost : 'any',
    openDataOnly: params.get('open') === '1',
    minScore: (() => {
      const v = num(params.get('score'));
      return v !== null && v <= 10 ? v : null;
    })(),
    vehiclePorts: (params.get('ports') ?? '').split(',').filter((p) => PORT_FAMILIES.includes(p as PortFamily)),
    availableNow: params.get('avail') === '1',
  };
}

/** How many filters differ from the defaults (for the button badge). */
export function activeFilterCount(f: Filters): number {
  return (
    (f.connectionTypeIds.length ? 1 : 0) +
    (f.minPowerKw !== null || f.maxPowerKw !== null ? 1 : 0) +
    (f.includeOperatorIds.length ? 1 : 0) +
    (f.excludeOperatorIds.length ? 1 : 0) +
    (f.usageTypeIds.length ? 1 : 0) +
    (f.operationalOnly ? 0 : 1) +
    (f.cost !== 'any' ? 1 : 0) +
    (f.minScore !== null ? 1 : 0) +
    (f.openDataOnly ? 1 : 0) +
    (f.vehiclePorts.length ? 1 : 0) +
    (f.availableNow ? 1 : 0)
  );
}

/** Connector groups for the filter panel (names come from OCM reference data by id). */
export const CONNECTOR_GROUPS: Array<{ label: string; ids: number[] }> = [
  { label: 'DC fast', ids: [32, 33, 2, 27, 1040] },
  { label: 'AC', ids: [1, 25, 1036, 30, 26] },
  { label: 'Household and other', ids: [22, 9, 11, 14, 3, 28, 13, 4] },
];
