import type { PlugShareLocation } from '../../../../shared/api/responses';
import { AVAILABILITY_STYLE, ago, availabilityLabel, liveHeadline } from '../live-text';
import type { Availability } from '../../../../shared/telemetry/availability';

/** Simulated data is always said to be simulated. */
export function SimulatedTag() {
  return (
    <span className="rounded bg-amber-100 px-1 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-amber-900" title="Posted by npm run simulate:feed, not by a real charger">
      Simulated
    </span>
  );
}

/** The location's live availability from its EVSEs' newest status logs (nothing when no EVSE ever reported). */
export function LiveStatus({ l }: { l: PlugShareLocation }) {
  const a = l.availability;
  if (!a) return null;
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="live-status" data-status={a.status}>
      <span className={`rounded px-1.5 py-0.5 font-semibold ${AVAILABILITY_STYLE[a.status as Availability]}`}>{liveHeadline(a)}</span>
      <span className="text-slate-500">live feed, {ago(a.updated_at)}</span>
      {a.simulated ? <SimulatedTag /> : null}
    </p>
  );
}

/** One station's availability: live when its EVSE reported recently, else from the OCM status. */
export function StationAvailability({ s }: { s: PlugShareLocation['stations'][number] }) {
  const live = s.available_updated_at !== null;
  if (!live && s.available === 0) return null;
  return (
    <span className={`rounded px-1 py-0.5 text-xs ${AVAILABILITY_STYLE[s.available as Availability]}`} title={live ? `Live, sampled ${ago(s.available_updated_at as string)}` : 'From the record’s status, not live'} data-testid="station-availability">
      {availabilityLabel(s.available)}
      {live ? ` · ${ago(s.available_updated_at as string)}` : ''}
      {live && s.available_simulated ? ' · simulated' : ''}
    </span>
  );
}
