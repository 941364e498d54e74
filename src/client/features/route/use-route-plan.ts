import { useMemo } from 'react';
import { lineLengthKm } from '../../../shared/geo/polyline';
import { planRoute, type Plan } from '../../../shared/planner/plan-route';
import type { RouteOverlay } from '../../map/route-layers';
import { useFiltersStore } from '../../stores/filters-store';
import { useMapViewStore } from '../../stores/map-view-store';
import { useRouteStore } from '../../stores/route-store';
import { useVehicleStore } from '../../stores/vehicle-store';
import { useQuery } from '@tanstack/react-query';
import { referenceDataQuery } from '../filters/api/get-reference-data';
import { useCorridor, useRouteLine } from './api/route';
import { planChargers, stripRows, type StripRow } from './corridor';

/** Everything the planner shows: the route line, the corridor's chargers along it, the plan, and the map overlay. */
export function useRoutePlan(planning: boolean) {
  const { waypoints, importedLine, settings } = useRouteStore();
  const vehicle = useVehicleStore((s) => s.vehicle);
  const filters = useFiltersStore((s) => s.filters);
  const selectedId = useMapViewStore((s) => s.selectedId);
  // Reference data (country and network names) is only needed once a trip is being planned.
  const { data: refs } = useQuery({ ...referenceDataQuery, enabled: planning });
  const route = useRouteLine(waypoints, importedLine);
  const line = route.data?.line ?? null;
  // The corridor follows the map's filters and, with a vehicle chosen, only connectors it can use.
  const corridorFilters = useMemo(() => (vehicle ? { ...filters, vehiclePorts: vehicle.ports } : filters), [filters, vehicle]);
  const corridor = useCorridor(planning ? line : null, settings.corridorKm, corridorFilters);

  const rows: StripRow[] = useMemo(() => {
    if (!line || !corridor.data) return [];
    const pois = corridor.data.pois;
    const countries = new Map((refs?.Countries ?? []).map((c) => [c.ID, c.ISOCode]));
    const operators = new Map((refs?.Operators ?? []).map((o) => [o.ID, o.Title]));
    return stripRows(pois, line, {
      countryIso: (id) => (id === undefined ? null : (countries.get(id) ?? null)),
      operatorName: (id) => (id === undefined ? null : (operators.get(id) ?? null)),
      vehicle,
      fromSoc: settings.minArrivalSoc,
      toSoc: settings.targetSoc,
    });
  }, [line, corridor.data, refs, vehicle, settings.minArrivalSoc, settings.targetSoc]);

  const plan: Plan | null = useMemo(() => {
    if (!vehicle || !line || !corridor.data || !route.data) return null;
    return planRoute({
      // Measured on the same line the chargers' distances along it were measured on.
      routeKm: lineLengthKm(line),
      chargers: planChargers(rows),
      vehicle: vehicle.spec,
      startSoc: settings.startSoc,
      minArrivalSoc: settings.minArrivalSoc,
      targetSoc: settings.targetSoc,
      strategy: settings.strategy,
    });
  }, [vehicle, line, corridor.data, route.data, rows, settings]);

  const overlay: RouteOverlay | null = useMemo(() => {
    if (!planning && waypoints.length === 0 && !importedLine) return null;
    const stopNo = new Map(plan?.ok ? plan.stops.map((s, i) => [s.charger.id, i + 1]) : []);
    return {
      line,
      waypoints: importedLine ? [] : waypoints,
      chargers: rows.map((r) => ({ id: r.id, latitude: r.latitude, longitude: r.longitude, stop: stopNo.get(r.id) ?? null, usable: r.usable !== null || !vehicle, powerKw: r.usable?.powerKw ?? r.maxPowerKw })),
      selectedId,
    };
  }, [planning, waypoints, importedLine, line, rows, plan, selectedId, vehicle]);

  return { route, corridor, rows, plan, overlay, line };
}
