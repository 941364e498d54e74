import { compatibilityByRegion } from '../../../shared/vehicles/ports';
import type { Availability } from '../../../shared/telemetry/availability';
import { ACCESS_USAGE_TYPES, AMENITY_FACILITY_TYPES, DC_CURRENT_TYPE_ID, PLUGSHARE_CONNECTORS } from '../../../shared/api/plugshare-connectors';
import type { PlugShareFiltersInput } from '../../../shared/api/plugshare-query';
import type { LocationSearch } from '../../repositories/location-search';

/** Maps PlugShare's filters onto a repository search. */
export function plugshareFilters(f: PlugShareFiltersInput): Partial<LocationSearch> {
  const out: Partial<LocationSearch> = {};
  if (f.outlets) {
    out.outletsAnyOf = f.outlets.map((d) => ({
      connectionTypeIds: d.connector !== undefined ? PLUGSHARE_CONNECTORS[d.connector].ocmIds : undefined,
      // Power is only defined for connector 6: 1 = Supercharger (DC), 0 = HPWC (AC).
      currentTypeIds: d.connector === 6 && d.power !== undefined ? (d.power === 1 ? [DC_CURRENT_TYPE_ID] : [10, 20]) : undefined,
    }));
  }
  if (f.cost === false) out.cost = 'no_known_fee';
  if (f.access) out.usageTypeIds = f.access.flatMap((a) => ACCESS_USAGE_TYPES[a as 1 | 2 | 3]).concat(f.access.includes(1) ? [0] : []);
  if (f.availability) out.availability = f.availability as Availability[];
  if (f.amenities) out.facilityTypes = f.amenities.flatMap((a) => AMENITY_FACILITY_TYPES[a]);
  if (f.networks) out.operatorIds = f.networks;
  if (f.exclude_networks) out.excludeOperatorIds = f.exclude_networks;
  if (f.minscore !== undefined) out.minScore = f.minscore;
  if (f.vehicleports) out.compatibleWith = compatibilityByRegion(f.vehicleports);
  return out;
}
