import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ChargingMap, type MapViewChange } from '../map/charging-map';
import { useMapData } from '../features/map-view/api/get-map-data';
import { ViewCounter } from '../features/map-view/components/view-counter';
import { LocationPanel } from '../features/location-panel/components/location-panel';
import { useMapViewStore } from '../stores/map-view-store';
import { decodeUrlState, encodeUrlState } from '../lib/url-state';
import { DATA_ATTRIBUTION } from './attribution';

const DEBOUNCE_MS = 300;

export function App() {
  const initial = useMemo(() => decodeUrlState(window.location.search), []);
  const view = useMapViewStore((s) => s.view);
  const selectedId = useMapViewStore((s) => s.selectedId);
  const viewSettled = useMapViewStore((s) => s.viewSettled);
  const locationSelected = useMapViewStore((s) => s.locationSelected);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => locationSelected(initial.selected), [initial.selected, locationSelected]);

  // Map moves are debounced; superseded requests are aborted by react-query through the signal.
  const onViewChange = useCallback(
    (v: MapViewChange) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => viewSettled(v), DEBOUNCE_MS);
    },
    [viewSettled],
  );

  useEffect(() => {
    if (!view) return;
    const qs = encodeUrlState({ center: view.center, zoom: view.zoom, selected: selectedId }, window.location.search);
    window.history.replaceState(null, '', `?${qs}`);
  }, [view, selectedId]);

  const { data, isFetching, isError, error, refetch } = useMapData(view);

  return (
    <main className="relative h-dvh w-full overflow-hidden bg-slate-200">
      <ChargingMap
        initialCenter={initial.center}
        initialZoom={initial.zoom}
        data={data?.data ?? null}
        clientClustering={data?.clientClustering ?? false}
        selectedId={selectedId}
        attributions={DATA_ATTRIBUTION}
        onViewChange={onViewChange}
        onSelect={locationSelected}
      />
      <header className="absolute left-3 top-3 z-10 max-w-[calc(100%-5rem)] rounded-lg bg-white/95 px-3 py-2 shadow">
        <h1 className="text-base font-bold text-emerald-800">EV charging map</h1>
        <ViewCounter data={data} loading={isFetching} />
      </header>
      {isError ? (
        <div role="alert" className="absolute bottom-10 left-1/2 z-20 -translate-x-1/2 rounded bg-red-700 px-4 py-2 text-sm text-white shadow-lg">
          Could not load chargers: {error.message}{' '}
          <button className="ml-2 underline" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      ) : null}
      {selectedId !== null ? <LocationPanel id={selectedId} from={view?.center ?? initial.center} onClose={() => locationSelected(null)} /> : null}
    </main>
  );
}
