import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ChargingMap, type MapViewChange } from '../map/charging-map';
import { POINTS_MIN_ZOOM, useMapData } from '../features/map-view/api/get-map-data';
import { ViewCounter } from '../features/map-view/components/view-counter';
import { MapLegend } from '../features/map-view/components/map-legend';
import { LocationPanel } from '../features/location-panel/components/location-panel';
import { useMapViewStore } from '../stores/map-view-store';
import { decodeUrlState, encodeUrlState } from '../lib/url-state';
import { DATA_ATTRIBUTION, SIMULATED_CREDIT, attributionFor } from './attribution';
import { useFiltersStore } from '../stores/filters-store';
import { activeFilterCount, encodeFilters } from '../features/filters/filters-codec';
import { FilterPanel } from '../features/filters/components/filter-panel';
import { LocationList } from '../features/location-list/components/location-list';
import { SearchBox } from '../features/search/components/search-box';
import { useOnline } from '../lib/use-online';
import { useSettingsStore } from '../stores/settings-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { AuthDialog } from '../features/account/components/auth-dialog';
import { AccountPanel } from '../features/account/components/account-panel';
import type { FeatureCollection } from 'geojson';
import { VehiclePanel } from '../features/vehicles/components/vehicle-panel';
import { NetworksPanel } from '../features/networks/components/networks-panel';
import { useVehicleStore } from '../stores/vehicle-store';
import { remainingRangeKm } from '../../shared/vehicles/vehicle-spec';
import { circleRing } from '../../shared/geo/circle';
import { RoutePanel } from '../features/route/components/route-panel';
import { useRoutePlan } from '../features/route/use-route-plan';
import { decodeRoute, encodeRoute } from '../features/route/route-url';
import { useRouteStore } from '../stores/route-store';
import { insertionIndex } from '../../shared/geo/route-measure';
import { useTelematicsSoc } from '../features/vehicles/api/telematics';

const DEBOUNCE_MS = 300;
const HEADER_BUTTON = 'mr-1 mt-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50';

type ToolPanel = NonNullable<ReturnType<typeof useUiStore.getState>['toolPanel']>;

/** A header button that opens one of the tool panels (one at a time) and says whether it is open. */
function PanelButton({ panel, testId, children }: { panel: ToolPanel; testId: string; children: ReactNode }) {
  const open = useUiStore((s) => s.toolPanel === panel);
  return (
    <button className={HEADER_BUTTON} onClick={() => useUiStore.getState().toolPanelToggled(panel)} aria-expanded={open} data-testid={testId}>
      {children}
    </button>
  );
}

export function App() {
  const initial = useMemo(() => decodeUrlState(window.location.search), []);
  // A shared trip plan: its route, settings and vehicle are loaded once, and the planner opens.
  useEffect(() => {
    const shared = decodeRoute(new URLSearchParams(window.location.search));
    if (!shared) return;
    useRouteStore.getState().routeLoaded(shared);
    if (shared.car) useVehicleStore.getState().vehicleChosen(shared.car);
    useUiStore.getState().toolPanelToggled('route', true);
  }, []);
  const routeState = useRouteStore();
  const view = useMapViewStore((s) => s.view);
  const selectedId = useMapViewStore((s) => s.selectedId);
  const viewSettled = useMapViewStore((s) => s.viewSettled);
  const locationSelected = useMapViewStore((s) => s.locationSelected);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const filters = useFiltersStore((s) => s.filters);
  const toolPanel = useUiStore((s) => s.toolPanel);
  const togglePanel = useUiStore((s) => s.toolPanelToggled);
  const filtersOpen = toolPanel === 'filters';
  const listOpen = toolPanel === 'list';
  // A linked car reports its state of charge app-wide: the range ring and the planner read it from the store.
  useTelematicsSoc();
  const myVehicle = useVehicleStore((s) => s.vehicle);
  const soc = useVehicleStore((s) => s.soc);
  const reserve = useVehicleStore((s) => s.reservePercent);
  const showRing = useVehicleStore((s) => s.showRangeRing);
  const focus = useMapViewStore((s) => s.focus);
  const userPosition = useMapViewStore((s) => s.userPosition);
  const userLocated = useMapViewStore((s) => s.userLocated);
  const [locateError, setLocateError] = useState<string | null>(null);
  const unit = useSettingsStore((s) => s.distanceUnit);
  const chooseUnit = useSettingsStore((s) => s.distanceUnitChosen);
  const session = useSessionStore((s) => s.session);
  const accountOpen = useUiStore((s) => s.accountOpen);

  // Map moves are debounced; superseded requests are aborted by react-query through the signal.
  const onViewChange = useCallback(
    (v: MapViewChange) => {
      if (timer.current) clearTimeout(timer.current);
      // The first view loads at once; later moves wait until the map has been still for a moment.
      if (useMapViewStore.getState().view === null) viewSettled(v);
      else timer.current = setTimeout(() => viewSettled(v), DEBOUNCE_MS);
    },
    [viewSettled],
  );
  // Moving again before the pause is over: that view is not loaded (its request would only compete with the next).
  const onMoveStart = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => {
    if (!view) return;
    const params = new URLSearchParams(encodeUrlState({ center: view.center, zoom: view.zoom, selected: selectedId }, window.location.search));
    encodeFilters(filters, params);
    encodeRoute({ waypoints: routeState.waypoints, importedLine: routeState.importedLine, settings: routeState.settings, car: myVehicle }, params);
    window.history.replaceState(null, '', `?${params}`);
  }, [view, selectedId, filters, routeState.waypoints, routeState.importedLine, routeState.settings, myVehicle]);
  const planning = toolPanel === 'route';
  const routePlan = useRoutePlan(planning);

  // With a trip on screen the map shows the chargers along it (the strip), not every charger in view, unless asked:
  // less clutter, and no map-wide requests competing with the corridor's.
  const showAll = useUiStore((s) => s.tripShowsAllChargers);
  const tripOnly = planning && routePlan.line !== null && !showAll;
  const { data: viewData, isFetching, isError, error, refetch } = useMapData(tripOnly ? null : view, filters);
  const data = tripOnly ? undefined : viewData;
  const active = activeFilterCount(filters);
  const online = useOnline();
  // Credit the sources of the locations on screen; with server clusters that is not known, so all are credited.
  const attributions = useMemo(
    () =>
      data?.clientClustering
        ? [
            ...attributionFor(data.data.features.map((f) => (f.properties?.provider as number | null | undefined) ?? null)),
            // Live badges from the feed simulator are demo data and say so.
            ...(data.data.features.some((f) => f.properties?.simulated === true) ? [SIMULATED_CREDIT] : []),
          ]
        : DATA_ATTRIBUTION,
    [data],
  );

  // The reachable range from my position (or the map centre): a ring of the range left above the reserve.
  const ringCenter = userPosition ?? view?.center ?? null;
  const rangeRing = useMemo<FeatureCollection | null>(() => {
    const km = showRing && myVehicle ? remainingRangeKm(myVehicle.spec, soc, reserve) : null;
    if (km === null || km <= 0 || !ringCenter) return null;
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { km }, geometry: { type: 'Polygon', coordinates: [circleRing(ringCenter, km)] } }] };
  }, [showRing, myVehicle, soc, reserve, ringCenter]);

  return (
    <main className="relative h-dvh w-full overflow-hidden bg-slate-200">
      <ChargingMap
        initialCenter={initial.center}
        initialZoom={initial.zoom}
        data={data?.data ?? null}
        // Before the first answer, the mode the view's zoom will have: the chargers' source is made once, the right kind.
        clientClustering={data?.clientClustering ?? Math.floor(view?.zoom ?? initial.zoom) >= POINTS_MIN_ZOOM}
        selectedId={selectedId}
        attributions={attributions}
        onViewChange={onViewChange}
        onMoveStart={onMoveStart}
        onSelect={locationSelected}
        flyTo={focus}
        overlay={rangeRing}
        route={routePlan.overlay}
        onMapClick={planning ? (p) => routeState.waypointAdded(p, insertionIndex(routeState.waypoints, p)) : undefined}
        onWaypointMove={planning ? routeState.waypointMoved : undefined}
        onWaypointRemove={planning ? routeState.waypointRemoved : undefined}
      />
      <header className="absolute left-3 top-3 z-10 max-w-[calc(100%-5rem)] rounded-lg bg-white/95 px-3 py-2 shadow">
        <h1 className="text-base font-bold text-emerald-800">EV charging map</h1>
        {tripOnly ? (
          <p className="text-sm text-slate-700" data-testid="view-counter">
            Chargers along the trip only ·{' '}
            <button className="underline" onClick={() => useUiStore.getState().tripShowsAllChargersToggled(true)}>
              show all
            </button>
          </p>
        ) : (
          <ViewCounter data={data} loading={isFetching} />
        )}
        <MapLegend />
        <SearchBox />
        <PanelButton panel="filters" testId="filters-button">
          Filters{active > 0 ? ` (${active})` : ''}
        </PanelButton>
        <PanelButton panel="list" testId="list-button">
          List
        </PanelButton>
        <PanelButton panel="vehicle" testId="vehicle-button">
          {myVehicle ? `${myVehicle.name} · ${soc} %` : 'Vehicle'}
        </PanelButton>
        <PanelButton panel="route" testId="route-button">
          Trip
        </PanelButton>
        <PanelButton panel="networks" testId="networks-button">
          Networks
        </PanelButton>
        <button
          className={HEADER_BUTTON}
          onClick={() =>
            navigator.geolocation
              ? navigator.geolocation.getCurrentPosition(
                  (p) => userLocated([p.coords.latitude, p.coords.longitude]),
                  (e) => setLocateError(`Could not get your position: ${e.message || 'permission denied'}`),
                  { enableHighAccuracy: false, timeout: 10_000 },
                )
              : setLocateError('This browser cannot share its position.')
          }
        >
          Near me
        </button>
        <span className="mr-1 inline-flex overflow-hidden rounded border border-slate-300 text-sm" role="group" aria-label="Distance unit">
          {(['km', 'mi'] as const).map((u) => (
            <button key={u} className={`px-2 py-0.5 ${unit === u ? 'bg-emerald-700 text-white' : 'bg-white hover:bg-slate-50'}`} aria-pressed={unit === u} onClick={() => chooseUnit(u)}>
              {u}
            </button>
          ))}
        </span>
        {session ? (
          <button
            className={HEADER_BUTTON}
            onClick={() => useUiStore.getState().accountToggled()}
            aria-expanded={accountOpen}
            data-testid="account-button"
          >
            {session.user.name}
          </button>
        ) : (
          <button className="mt-1 rounded bg-emerald-700 px-2 py-0.5 text-sm text-white hover:bg-emerald-800" onClick={() => useUiStore.getState().authDialogOpened('sign-in')} data-testid="sign-in-button">
            Sign in
          </button>
        )}
      </header>
      {accountOpen && session ? <AccountPanel /> : null}
      <AuthDialog />
      {listOpen ? <LocationList onClose={() => togglePanel('list', false)} /> : null}
      {filtersOpen ? <FilterPanel onClose={() => togglePanel('filters', false)} /> : null}
      {toolPanel === 'vehicle' ? <VehiclePanel onClose={() => togglePanel('vehicle', false)} /> : null}
      {toolPanel === 'networks' ? <NetworksPanel onClose={() => togglePanel('networks', false)} /> : null}
      {planning ? <RoutePanel onClose={() => togglePanel('route', false)} routePlan={routePlan} /> : null}
      {!online ? (
        <div role="status" className="absolute left-1/2 top-3 z-30 -translate-x-1/2 rounded bg-amber-100 px-4 py-2 text-sm text-amber-900 shadow">
          You are offline: the map shows what was already loaded.
        </div>
      ) : null}
      {isError ? (
        <div role="alert" className="absolute bottom-10 left-1/2 z-20 -translate-x-1/2 rounded bg-red-700 px-4 py-2 text-sm text-white shadow-lg">
          Could not load chargers: {error.message}{' '}
          <button className="ml-2 underline" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      ) : null}
      {locateError ? (
        <div role="alert" className="absolute bottom-10 left-1/2 z-20 -translate-x-1/2 rounded bg-slate-800 px-4 py-2 text-sm text-white shadow-lg">
          {locateError}{' '}
          <button className="ml-2 underline" onClick={() => setLocateError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {selectedId !== null ? (
        <LocationPanel id={selectedId} from={userPosition ?? view?.center ?? initial.center} fromUser={userPosition !== null} onClose={() => locationSelected(null)} />
      ) : null}
    </main>
  );
}
