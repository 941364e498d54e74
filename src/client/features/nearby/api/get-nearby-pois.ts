import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface PoiSummary {
  ID: number;
  AddressInfo: { Title: string; Town?: string; StateOrProvince?: string; Distance?: number; Latitude: number; Longitude: number };
  OperatorInfo?: { Title: string };
  Connections: Array<{ ConnectionType?: { Title: string }; PowerKW?: number; Quantity?: number }>;
  DataProvider?: { Title: string };
}

export interface NearbyParams {
  latitude: number;
  longitude: number;
  maxresults: number;
}

export const poiKeys = {
  all: ['poi'] as const,
  nearby: (p: NearbyParams) => [...poiKeys.all, 'nearby', p] as const,
};

export const nearbyPoisQuery = (p: NearbyParams) =>
  queryOptions({
    queryKey: poiKeys.nearby(p),
    queryFn: async ({ signal }) => {
      const qs = new URLSearchParams({ latitude: String(p.latitude), longitude: String(p.longitude), maxresults: String(p.maxresults), distanceunit: 'km', verbose: 'false' });
      const { data, headers } = await getJson<PoiSummary[]>(`/v3/poi?${qs}`, signal);
      return { pois: data, total: Number(headers.get('X-Total-Count') ?? data.length) };
    },
  });

export const useNearbyPois = (p: NearbyParams) => useQuery(nearbyPoisQuery(p));
