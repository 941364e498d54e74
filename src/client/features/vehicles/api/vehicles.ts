import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Vehicle } from '../../../../shared/api/leccy-vehicles';
import { authJson } from '../../../lib/auth-fetch';
import { useSessionStore } from '../../../stores/session-store';

export interface VehicleFilters {
  manufacturer: string;
  type: string;
  status: string;
  sort: 'name' | 'range';
  order: 'asc' | 'desc';
}

export const vehicleKeys = {
  all: ['vehicles'] as const,
  list: (f: VehicleFilters, signedIn: boolean) => [...vehicleKeys.all, f, signedIn] as const,
};

/**
 * Leccy /v1/vehicles in km (the panel converts to the chosen unit). Signed-in callers get the variants (battery,
 * charging curve), which Leccy gives registered users only, so the session is part of the key.
 */
export function useVehicles(f: VehicleFilters) {
  const signedIn = useSessionStore((s) => s.session !== null);
  return useQuery({
    queryKey: vehicleKeys.list(f, signedIn),
    queryFn: ({ signal }) =>
      authJson<Vehicle[]>(`/v1/vehicles?${new URLSearchParams({ manufacturer: f.manufacturer || 'all', type: f.type, status: f.status, sort: f.sort, order: f.order, distance: 'metric' })}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}
