import { useEffect } from 'react';
import { bearingDeg, haversineKm } from '../../../../shared/geo/distance';
import { useLocation } from '../api/get-location';
import { compassPoint, freshness } from '../freshness';
import { SheetPanel } from '../../../components/sheet-panel';
import { LoadError } from '../../../components/query-states';
import { formatDistance } from '../../../lib/units';
import { useSettingsStore } from '../../../stores/settings-store';
import { CheckinForm } from '../../checkins/components/checkin-form';
import { CheckinList } from '../../checkins/components/checkin-list';
import { PhotoThumb } from '../../checkins/components/photo-thumb';
import { LocationPrice } from '../../tariffs/location-price';
import { LiveStatus, StationAvailability } from '../../availability/components/live-status';
import { OccupancyChart } from '../../availability/components/occupancy-chart';

const ACCESS = { 1: 'Public', 2: 'Restricted', 3: 'Private home (shared)' } as Record<number, string>;
const CURRENT = { 10: 'AC', 20: 'AC 3-phase', 30: 'DC' } as Record<number, string>;
const FRESHNESS_STYLE = { fresh: 'bg-emerald-100 text-emerald-800', aging: 'bg-amber-100 text-amber-800', stale: 'bg-red-100 text-red-800', unknown: 'bg-slate-100 text-slate-700' };

interface Props {
  id: number;
  /** Reference point for distance and bearing: the driver's position when shared, else the map centre. */
  from: [number, number] | null;
  fromUser: boolean;
  onClose: () => void;
}

/** Everything about one location: equipment, access, cost, where the data came from and how fresh it is. */
export function LocationPanel({ id, from, fromUser, onClose }: Props) {
  const { data: l, isPending, isError, error, refetch } = useLocation(id);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <SheetPanel
      placement="right"
      title={l?.name ?? (isError ? 'Location' : 'Loading…')}
      titleId="location-title"
      testId="location-panel"
      closeLabel="Close details"
      onClose={onClose}
    >
      {isPending ? (
        <div aria-busy="true" className="animate-pulse space-y-3">
          <div className="h-4 w-1/2 rounded bg-slate-200" />
          <div className="h-20 rounded bg-slate-100" />
        </div>
      ) : isError ? (
        <LoadError what="this location" error={error} onRetry={() => void refetch()} />
      ) : (
        <LocationDetails l={l} from={from} fromUser={fromUser} />
      )}
    </SheetPanel>
  );
}

function LocationDetails({ l, from, fromUser }: { l: NonNullable<ReturnType<typeof useLocation>['data']>; from: [number, number] | null; fromUser: boolean }) {
  const unit = useSettingsStore((s) => s.distanceUnit);
  const network = l.stations.find((s) => s.network)?.network;
  const km = from ? haversineKm(from, [l.latitude, l.longitude]) : null;
  const bearing = from ? bearingDeg(from, [l.latitude, l.longitude]) : null;
  // A successful check-in confirms a location as much as the source's own dates do.
  const fresh = freshness([l.provenance.last_confirmed_at, l.provenance.source_updated_at, l.provenance.last_verified_at, l.provenance.last_successful_checkin_at]);
  const loosePhotos = l.photos.filter((p) => !l.reviews.some((r) => r.photos.some((rp) => rp.id === p.id)));
  const share = typeof window !== 'undefined' ? window.location.href : '';
  return (
    <div>
      {l.address ? <p className="text-sm text-slate-600">{l.address}</p> : null}
      {km !== null && bearing !== null ? (
        <p className="text-sm text-slate-600" data-testid="distance">
          {formatDistance(km, unit)} {compassPoint(bearing)} of {fromUser ? 'you' : 'the map centre'}
        </p>
      ) : null}
      <p className="mt-1 text-sm" data-testid="score">
        {l.score !== null ? (
          <span className={`rounded px-1.5 py-0.5 font-semibold ${l.score >= 7 ? 'bg-emerald-100 text-emerald-800' : l.score >= 4 ? 'bg-amber-100 text-amber-800' : 'bg-red-100 text-red-800'}`} title="From recent check-ins: successes raise it, problems lower it">
            Score {l.score.toFixed(1)}/10
          </span>
        ) : (
          <span className="text-slate-500">No score yet (no check-ins)</span>
        )}
      </p>
      <LiveStatus l={l} />
      <dl className="mt-3 grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Network</dt>
        <dd>{network?.name ?? 'Unknown'}</dd>
        <dt className="text-slate-500">Access</dt>
        <dd>{ACCESS[l.access] ?? 'Unknown'}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>{l.status?.title ?? 'Unknown'}</dd>
        {l.open_hours ? (
          <>
            <dt className="text-slate-500">Opening</dt>
            <dd>{l.open_hours}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Cost</dt>
        <dd>{l.cost_description ?? (l.cost ? 'Fee' : 'Not given')}</dd>
      </dl>

      <h3 className="mt-4 text-sm font-semibold text-slate-800">Stations and connectors</h3>
      <ul className="mt-1 space-y-2" data-testid="stations">
        {l.stations.map((s) => (
          <li key={s.id} className="rounded border border-slate-200 p-2 text-sm">
            <div className="flex items-center justify-between gap-2">
              {s.manufacturer || s.model ? <span className="text-xs text-slate-500">{[s.manufacturer, s.model].filter(Boolean).join(' ')}</span> : <span />}
              <StationAvailability s={s} />
            </div>
            <ul className="space-y-0.5">
              {s.outlets.map((o) => (
                <li key={o.id} className="flex justify-between gap-2" data-testid="connector">
                  <span>
                    {o.connector_name}
                    {o.current_type_id ? <span className="text-slate-500"> · {CURRENT[o.current_type_id] ?? ''}</span> : null}
                    {o.quantity ? <span className="text-slate-500"> ×{o.quantity}</span> : null}
                  </span>
                  <span className="font-medium" title={o.kilowatts_estimated ? 'Nominal power for this level: the source gives no kW' : undefined}>
                    {o.kilowatts !== null ? `${o.kilowatts_estimated ? '≈' : ''}${o.kilowatts} kW` : '? kW'}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>

      <LocationPrice l={l} />
      <OccupancyChart locationId={l.id} />

      <div className="mt-4 flex flex-wrap gap-2 text-sm">
        <a className="rounded bg-emerald-700 px-3 py-1.5 text-white hover:bg-emerald-800" href={`https://www.openstreetmap.org/directions?to=${l.latitude},${l.longitude}`} target="_blank" rel="noreferrer">
          Navigate
        </a>
        <a className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50" href={`geo:${l.latitude},${l.longitude}?q=${l.latitude},${l.longitude}`}>
          Open in maps app
        </a>
        <button className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50" onClick={() => void navigator.clipboard?.writeText(share)}>
          Copy link
        </button>
      </div>

      {loosePhotos.length ? (
        <section className="mt-4" aria-label="Photos">
          <h3 className="text-sm font-semibold text-slate-800">Photos</h3>
          <div className="mt-1 flex flex-wrap gap-1">
            {loosePhotos.map((p) => (
              <PhotoThumb key={p.id} photo={p} alt="Location photo" />
            ))}
          </div>
        </section>
      ) : null}

      <CheckinForm locationId={l.id} />
      <CheckinList locationId={l.id} reviews={l.reviews} />

      <section className="mt-4 rounded bg-slate-50 p-2 text-xs text-slate-600" aria-label="Data source" data-testid="provenance">
        <span className={`mr-2 rounded px-1.5 py-0.5 font-medium ${FRESHNESS_STYLE[fresh.level]}`} data-testid="freshness">
          {fresh.level === 'unknown' ? 'Date unknown' : `${fresh.level[0].toUpperCase()}${fresh.level.slice(1)}: ${fresh.date?.slice(0, 10)}`}
        </span>
        Source: {l.provenance.data_provider} (id {l.provenance.source_id}) · {l.provenance.licence}
        {l.provenance.last_confirmed_at ? ` · confirmed ${l.provenance.last_confirmed_at.slice(0, 10)}` : ''}
        {l.provenance.source_updated_at ? ` · updated ${l.provenance.source_updated_at.slice(0, 10)}` : ''}
        {l.provenance.last_successful_checkin_at ? ` · last successful check-in ${l.provenance.last_successful_checkin_at.slice(0, 10)}` : ''}
      </section>
    </div>
  );
}
