import { useEffect, useRef } from 'react';
import { haversineKm } from '../../../../shared/geo/distance';
import { formatDistance } from '../../../lib/units';
import { useFiltersStore } from '../../../stores/filters-store';
import { useMapViewStore } from '../../../stores/map-view-store';
import { useSettingsStore } from '../../../stores/settings-store';
import { useLocationList } from '../api/get-list';
import { SheetPanel } from '../../../components/sheet-panel';
import { LoadError, RowsSkeleton } from '../../../components/query-states';

/** Above the map's clusterMaxZoom (14), every location is drawn individually. */
const SHOW_SINGLE_ZOOM = 15;

const STATUS_LABEL: Record<string, string> = { operational: 'Operational', not_operational: 'Not operational', planned: 'Planned', unknown: 'Status unknown' };

/** The locations in view as a list, nearest the centre first: the keyboard and screen-reader way through the map. */
export function LocationList({ onClose }: { onClose: () => void }) {
  const view = useMapViewStore((s) => s.view);
  const selectedId = useMapViewStore((s) => s.selectedId);
  const focus = useMapViewStore((s) => s.locationFocused);
  const filters = useFiltersStore((s) => s.filters);
  const unit = useSettingsStore((s) => s.distanceUnit);
  const { data, isPending, isError, error, refetch } = useLocationList(view, filters);
  const selectedRef = useRef<HTMLButtonElement>(null);

  // A location selected on the map scrolls into view here.
  // A block body: an effect must return nothing or a cleanup, and scrollIntoView() returns a promise in current
  // Chromium, which React would later call as the cleanup (and crash the page).
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, data]);

  return (
    <SheetPanel placement="left-below-header" title="Locations in view" titleId="list-title" testId="location-list" closeLabel="Close list" onClose={onClose}>
      {isPending ? (
        <RowsSkeleton rows={4} height="h-10" />
      ) : isError ? (
        <LoadError what="the list" error={error} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <p className="mt-2 text-slate-600">No locations match here. Move the map or loosen the filters.</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">
            {data.total > data.items.length ? `Nearest ${data.items.length} of ${data.total.toLocaleString('en-US')}` : `${data.items.length} locations`}, nearest the map centre first
          </p>
          <ol className="mt-1 divide-y divide-slate-100">
            {data.items.map((item) => {
              const km = view ? haversineKm(view.center, [item.latitude, item.longitude]) : null;
              const selected = item.id === selectedId;
              return (
                <li key={item.id}>
                  <button
                    ref={selected ? selectedRef : undefined}
                    className={`w-full rounded px-2 py-1.5 text-left hover:bg-slate-50 focus:outline-2 focus:outline-emerald-600 ${selected ? 'bg-emerald-50' : ''}`}
                    aria-current={selected ? 'true' : undefined}
                    data-location-id={item.id}
                    // Zoom past MapLibre's clustering so the selected location is drawn on its own.
                    onClick={() => focus(item.id, [item.latitude, item.longitude], Math.max(view?.zoom ?? 0, SHOW_SINGLE_ZOOM))}
                  >
                    <span className="block font-medium text-slate-900">{item.name}</span>
                    <span className="block text-xs text-slate-600">
                      {km !== null ? <span data-testid="list-distance">{formatDistance(km, unit)}</span> : null}
                      {item.maxPowerKw ? ` · up to ${item.maxPowerKw} kW` : ''} · {STATUS_LABEL[item.status]}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </SheetPanel>
  );
}
