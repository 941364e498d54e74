import type { BBox, LatLng } from '../../shared/geo/types';
import type { Availability } from '../../shared/telemetry/availability';

/** What a search may ask for, independent of the API that asked. Each API maps its parameters onto this. */
export type SearchArea =
  | { kind: 'bbox'; box: BBox }
  | { kind: 'radius'; center: LatLng; km: number }
  | { kind: 'polygon'; ring: LatLng[] }
  | { kind: 'corridor'; line: LatLng[]; km: number };

export type SearchSort = 'id_asc' | 'id_desc' | 'distance' | 'created_desc' | 'modified_desc' | 'power_desc';

export interface LocationSearch {
  area?: SearchArea;
  /** Reference point for distances (and the `distance` sort). */
  origin?: LatLng;
  ids?: number[];
  countryIds?: number[];
  countryIsoCodes?: string[];
  operatorIds?: number[];
  /** PlugShare exclude_networks: drop a location only when all its stations belong to these networks. */
  excludeOperatorIds?: number[];
  /** PlugShare outlet descriptors: a location matches when one connector matches any descriptor. */
  outletsAnyOf?: Array<{ connectionTypeIds?: number[]; currentTypeIds?: number[] }>;
  /** Facility types (AFDC `Facility Type`, NCR `locationType`) for PlugShare amenities. */
  facilityTypes?: string[];
  /**
   * PlugShare availability codes to keep (0 unknown, 1 available, 2 in use, 3 offline): a location's live status when
   * an EVSE reported recently, else what its OCM status says (see shared/telemetry/availability.ts).
   */
  availability?: Availability[];
  /** Fresh live statuses by location id, and the time before which samples are stale; the repository fills both. */
  liveTable?: ReadonlyMap<number, Availability>;
  freshSinceMs?: number;
  /** Connector conditions that must hold on one and the same connector. */
  connectionTypeIds?: number[];
  levelIds?: number[];
  /**
   * Connection types a vehicle can use, by the location's charging region (its country): part of the same-connector
   * conditions, so "my car can use it at 50 kW or more" means one connector.
   */
  compatibleWith?: { type1: number[]; type2: number[] };
  minPowerKw?: number;
  maxPowerKw?: number;
  usageTypeIds?: number[];
  statusTypeIds?: number[];
  /** Only locations whose status type is operational (or unknown when `includeUnknownStatus`). */
  operationalOnly?: boolean;
  dataProviderIds?: number[];
  modifiedSince?: string;
  openData?: boolean;
  /**
   * Cost, from the location's cost text: `free` (says free), `paid` (states a fee), `no_known_fee` (free or not
   * stated: PlugShare's cost=false).
   */
  cost?: 'free' | 'paid' | 'no_known_fee';
  greaterThanId?: number;
  /** Only locations whose check-in score (0–10) is at least this; unscored locations do not match. */
  minScore?: number;
  /** Scores by location id for `minScore`; the repository fills it from check-in statistics. */
  scoreTable?: ReadonlyMap<number, number>;
  sort: SearchSort;
  limit: number;
}

export interface SearchHit {
  id: number;
  latitude: number;
  longitude: number;
  /** Great-circle km from `origin`, when one was given. */
  distanceKm: number | null;
  sortKeys?: { power: number | null; created: string | null; modified: string | null };
}

export interface SearchResult {
  /** Every match, before the limit. */
  total: number;
  hits: SearchHit[];
}

export interface ClusterQuery extends Omit<LocationSearch, 'area' | 'sort' | 'limit' | 'origin'> {
  box: BBox;
  zoom: number;
}

export type { GridCluster as Cluster } from '../../shared/geo/grid-clusterer';

/** A map view's locations: every filter of a search, inside a box, strongest first. */
export interface PointsQuery extends Omit<LocationSearch, 'area' | 'sort' | 'origin'> {
  box: BBox;
}

/** What a map symbol needs of a location. */
export interface MapPoint {
  id: number;
  latitude: number;
  longitude: number;
  maxPowerKw: number | null;
  statusTypeId: number | null;
  dataProviderId: number | null;
}
