import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { VehicleStatusLog } from '../../../../shared/api/evenergy-logs';
import { errorFrom } from '../../../lib/api-client';
import { authFetch } from '../../../lib/auth-fetch';
import { useVehicleStore, type TelematicsLink } from '../../../stores/vehicle-store';

/** How often a linked car's newest status log is read. */
export const TELEMATICS_POLL_MS = 60_000;

/** The newest status log of a linked vehicle (ev.energy /v2/vehicles/{id}/status_logs), with its own token or the session's. */
export async function latestVehicleLog(link: TelematicsLink, signal?: AbortSignal): Promise<VehicleStatusLog | null> {
  const url = `/v2/vehicles/${encodeURIComponent(link.vehicleId)}/status_logs?page_size=1`;
  const headers = { Accept: 'application/json', 'EvEnergy-Version': '2' };
  const res = link.token ? await fetch(url, { signal, headers: { ...headers, Authorization: `Bearer ${link.token}` } }) : await authFetch(url, { signal, headers });
  if (!res.ok) throw await errorFrom(res);
  const logs = (await res.json()) as VehicleStatusLog[];
  return logs[0] ?? null;
}

/** The linked car's newest log, polled; one query however many components read it. */
export function useLinkedCarLog() {
  const link = useVehicleStore((s) => s.telematics);
  return useQuery({
    queryKey: ['telematics', link?.vehicleId ?? '', link?.token ?? ''],
    queryFn: ({ signal }) => latestVehicleLog(link as TelematicsLink, signal),
    enabled: link !== null,
    refetchInterval: TELEMATICS_POLL_MS,
    retry: false,
  });
}

/**
 * Keeps my vehicle's state of charge in step with its telematics while a link exists (mounted once, in the app):
 * the range ring and the route planner's "use my car's charge" read it from the vehicle store.
 */
export function useTelematicsSoc() {
  const socReported = useVehicleStore((s) => s.socReported);
  const log = useLinkedCarLog().data;
  useEffect(() => {
    if (log && log.state_of_charge_percentage !== null) socReported(log.state_of_charge_percentage, log.sampled_at);
  }, [log, socReported]);
}
