import { useEffect, useRef, useState } from 'react';
import { bboxOf } from '../../../../shared/geo/bbox';
import { simplifyLine } from '../../../../shared/geo/simplify-line';
import { SheetPanel } from '../../../components/sheet-panel';
import { LoadError } from '../../../components/query-states';
import { formatDistance } from '../../../lib/units';
import { useMapViewStore } from '../../../stores/map-view-store';
import { useRouteStore } from '../../../stores/route-store';
import { useSettingsStore } from '../../../stores/settings-store';
import { useUiStore } from '../../../stores/ui-store';
import { useVehicleStore } from '../../../stores/vehicle-store';
import { money } from '../../tariffs/estimate';
import { download, planToGpx, routeFromText } from '../route-files';
import type { useRoutePlan } from '../use-route-plan';
import { PlaceInput } from './place-input';
import { PlanSummary } from './plan-summary';
import { StripView } from './strip-view';

const input = 'rounded border border-slate-300 bg-white px-1 py-0.5';

/** Plan a trip: the route, the chargers along it, and where to stop with my vehicle. */
export function RoutePanel({ onClose, routePlan }: { onClose: () => void; routePlan: ReturnType<typeof useRoutePlan> }) {
  const { waypoints, importedLine, settings, waypointAdded, waypointRemoved, routeCleared, lineImported, settingsChanged } = useRouteStore();
  const vehicle = useVehicleStore((s) => s.vehicle);
  const showAll = useUiStore((s) => s.tripShowsAllChargers);
  const carSoc = useVehicleStore((s) => (s.socReportedAt ? s.soc : null));
  const unit = useSettingsStore((s) => s.distanceUnit);
  const boundsFocused = useMapViewStore((s) => s.boundsFocused);
  const { route, corridor, rows, plan, line } = routePlan;
  const [pasted, setPasted] = useState('');
  // A route set from search, an import or a shared link is brought into view once its line arrives; waypoints
  // clicked or dragged on the map leave the camera alone.
  const pendingFit = useRef(true);
  const lineKey = route.data ? `${route.data.source}:${route.data.distanceKm}:${route.data.line.length}` : null;
  useEffect(() => {
    if (!pendingFit.current || !route.data || route.data.line.length < 2) return;
    pendingFit.current = false;
    boundsFocused(bboxOf(route.data.line));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the line itself changes
  }, [lineKey]);
  const [importError, setImportError] = useState<string | null>(null);

  const takeLine = (text: string) => {
    try {
      const l = routeFromText(text);
      pendingFit.current = true;
      lineImported(simplifyLine(l, 0.02, 2000));
      setImportError(null);
      setPasted('');
    } catch (err) {
      setImportError((err as Error).message);
    }
  };
  const name = waypoints.length >= 2 ? `Route of ${route.data ? formatDistance(route.data.distanceKm, unit) : ''}` : 'Route';
  const stopsForExport = plan?.ok
    ? plan.stops.map((s, i) => {
        const row = rows.find((r) => r.id === s.charger.id);
        return { name: `Stop ${i + 1}: ${s.charger.name}`, latitude: row?.latitude ?? 0, longitude: row?.longitude ?? 0, description: `Arrive ${s.arrivalSoc} %, leave ${s.departureSoc} %, ${s.chargeMinutes} min at ${s.charger.powerKw} kW` };
      })
    : [];

  return (
    <SheetPanel placement="left-below-header" title="Plan a trip" titleId="route-title" testId="route-panel" closeLabel="Close trip planner" onClose={onClose}>
      <p className="mt-1 text-xs text-slate-600">Click the map to add waypoints; drag one to move it; click it to remove it. Or search:</p>
      <div className="mt-1 space-y-1">
        <PlaceInput
          label="From"
          onPick={(p) => {
            pendingFit.current = true;
            if (waypoints.length > 0 && !importedLine) waypointRemoved(0);
            waypointAdded(p, 0);
          }}
        />
        <PlaceInput
          label="To"
          onPick={(p) => {
            pendingFit.current = true;
            if (waypoints.length >= 2 && !importedLine) waypointRemoved(waypoints.length - 1);
            waypointAdded(p);
          }}
        />
      </div>
      {waypoints.length > 0 || importedLine ? (
        <div className="mt-2 flex items-center justify-between text-sm" data-testid="route-summary">
          <span>
            {importedLine ? 'Imported route' : `${waypoints.length} waypoint${waypoints.length === 1 ? '' : 's'}`}
            {route.data ? ` · ${formatDistance(route.data.distanceKm, unit)}` : ''}
            {route.data?.durationMin ? ` · ${Math.round(route.data.durationMin)} min driving` : ''}
          </span>
          <button className="text-xs underline" onClick={routeCleared}>
            Clear route
          </button>
        </div>
      ) : null}
      {route.data?.notice ? (
        <p role="status" className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="route-notice">
          {route.data.notice}
        </p>
      ) : null}
      {route.isError ? <p role="alert" className="mt-1 text-xs text-red-800">Could not get the route: {route.error.message}</p> : null}

      <details className="mt-2 text-xs">
        <summary className="cursor-pointer">Paste a polyline or import GPX / GeoJSON</summary>
        <textarea className="mt-1 w-full rounded border border-slate-300 p-1 font-mono" rows={2} aria-label="Encoded polyline, GPX or GeoJSON" value={pasted} onChange={(e) => setPasted(e.target.value)} />
        <div className="flex items-center gap-2">
          <button className={input} disabled={!pasted.trim()} onClick={() => takeLine(pasted)}>
            Use this route
          </button>
          <label className="cursor-pointer underline">
            Import file…
            <input type="file" accept=".gpx,.geojson,.json,application/gpx+xml,application/geo+json" className="sr-only" aria-label="Import GPX or GeoJSON file" onChange={(e) => void e.target.files?.[0]?.text().then(takeLine)} />
          </label>
        </div>
        {importError ? <p role="alert" className="text-red-800">{importError}</p> : null}
      </details>

      <div className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 border-t border-slate-200 pt-2 text-xs">
        <label className="col-span-2">
          Chargers within {settings.corridorKm} km of the route
          <input type="range" min={1} max={50} value={settings.corridorKm} onChange={(e) => settingsChanged({ corridorKm: Number(e.target.value) })} className="w-full accent-emerald-700" aria-label="Corridor width in km" />
        </label>
        <label className="col-span-2 flex items-center gap-1">
          <input type="checkbox" checked={showAll} onChange={(e) => useUiStore.getState().tripShowsAllChargersToggled(e.target.checked)} />
          Also show every other charger on the map
        </label>
        <label>
          Start charge %
          <input type="number" min={1} max={100} className={`${input} ml-1 w-14`} value={settings.startSoc} onChange={(e) => settingsChanged({ startSoc: Number(e.target.value) })} aria-label="Start state of charge" />
          {carSoc !== null && carSoc !== settings.startSoc ? (
            <button type="button" className="ml-1 text-emerald-800 underline" onClick={() => settingsChanged({ startSoc: Math.max(1, carSoc) })} data-testid="use-car-soc">
              use my car’s {carSoc} %
            </button>
          ) : null}
        </label>
        <label>
          Arrive with at least %
          <input type="number" min={0} max={90} className={`${input} ml-1 w-14`} value={settings.minArrivalSoc} onChange={(e) => settingsChanged({ minArrivalSoc: Number(e.target.value) })} aria-label="Minimum arrival state of charge" />
        </label>
        <label>
          Charge to %
          <input type="number" min={10} max={100} className={`${input} ml-1 w-14`} value={settings.targetSoc} onChange={(e) => settingsChanged({ targetSoc: Number(e.target.value) })} aria-label="Charge target" />
        </label>
        <label>
          Plan for
          <select className={`${input} ml-1`} value={settings.strategy} onChange={(e) => settingsChanged({ strategy: e.target.value as typeof settings.strategy })} aria-label="Strategy">
            <option value="fewest">fewest stops</option>
            <option value="fastest">fastest</option>
            <option value="cheapest">cheapest</option>
          </select>
        </label>
      </div>

      {!vehicle ? (
        <p className="mt-2 text-sm">
          <button className="underline" onClick={() => useUiStore.getState().toolPanelToggled('vehicle', true)}>
            Choose your vehicle
          </button>{' '}
          to plan charging stops.
        </p>
      ) : null}
      {corridor.isError ? (
        <LoadError what="chargers along the route" error={corridor.error} onRetry={() => void corridor.refetch()} />
      ) : null}
      {line && corridor.isFetching ? (
        <div className="mt-2 h-1 overflow-hidden rounded bg-slate-100" role="progressbar" aria-label="Loading chargers along the route">
          <div className="h-1 w-1/3 animate-pulse bg-emerald-600" />
        </div>
      ) : null}
      {plan && vehicle ? <PlanSummary plan={plan} vehicleName={vehicle.name} unit={unit} /> : null}
      {line ? <StripView rows={rows} total={corridor.data?.total ?? rows.length} plan={plan} loading={corridor.isPending} unit={unit} /> : null}

      {line ? (
        <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-200 pt-2 text-xs">
          <button className={input} onClick={() => void navigator.clipboard?.writeText(window.location.href)} data-testid="share-route">
            Copy link to this plan
          </button>
          <button className={input} onClick={() => download('route.gpx', 'application/gpx+xml', planToGpx(line, stopsForExport, name))}>
            Export GPX
          </button>
          <button
            className={input}
            onClick={() =>
              download('route-plan.json', 'application/json', JSON.stringify({ route: { distanceKm: route.data?.distanceKm, source: route.data?.source, line }, settings, vehicle: vehicle && { name: vehicle.name, variant: vehicle.variantName }, plan }, null, 2))
            }
          >
            Export JSON
          </button>
          {plan?.ok ? (
            <span className="self-center text-slate-600">
              {Object.entries(plan.costByCurrency)
                .map(([c, v]) => money(v, c))
                .join(' + ') || 'no known prices'}
            </span>
          ) : null}
        </div>
      ) : null}
    </SheetPanel>
  );
}
