import { useEffect, useLayoutEffect, useRef } from 'react';
import { AttributionControl, GeoJSONSource, Map as MlMap, NavigationControl, prewarm, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { offlineBasemapStyle } from './basemap-style';
import { CHARGER_SOURCES, POWER_RANK_EXPRESSION, chargerLayers, selectedFilter } from './charger-layers';
import { ROUTE_CHARGER_SOURCE, ROUTE_LINE_SOURCE, ROUTE_WAYPOINT_SOURCE, routeChargerData, routeLayers, routeLineData, routeWaypointData, type RouteOverlay } from './route-layers';

// MapLibre's worker must be given explicitly under Vite (see ENVIRONMENT.md).
setWorkerUrl(workerUrl);
// The map's worker (fetched and evaluated in its own thread) starts while the app renders, not once the map is
// created: on a slow machine it was ready ~0.5 s after the first view's data, and every tile waited for it.
prewarm();

export interface MapViewChange {
  bounds: { south: number; west: number; north: number; east: number };
  zoom: number;
  center: [number, number];
}

export interface ChargingMapProps {
  initialCenter: [number, number];
  initialZoom: number;
  /** Locations (points, clustered by MapLibre) or server clusters, as GeoJSON. */
  data: FeatureCollection | null;
  /** true when `data` holds points that MapLibre should cluster; false for server clusters. */
  clientClustering: boolean;
  selectedId: number | null;
  /** Data sources on screen, for the attribution control. */
  attributions: string[];
  onViewChange: (v: MapViewChange) => void;
  /** The map started moving (a drag, a zoom, an animation): a view reported a moment ago is already being left. */
  onMoveStart?: () => void;
  onSelect: (id: number) => void;
  /** Camera target set from outside (search, list); tagged so map → state → map cannot loop. */
  flyTo?: { center: [number, number]; zoom?: number; key: number; bounds?: { south: number; west: number; north: number; east: number } } | null;
  /** Shapes drawn under the chargers (the reachable-range ring): polygons filled, lines stroked. */
  overlay?: FeatureCollection | null;
  /** A planned route: line, draggable waypoints, corridor chargers (unclustered). */
  route?: RouteOverlay | null;
  /** While planning: a click on empty map (a waypoint here). */
  onMapClick?: (p: [number, number]) => void;
  onWaypointMove?: (index: number, p: [number, number]) => void;
  onWaypointRemove?: (index: number) => void;
}

const OVERLAY_SOURCE = 'overlay';

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };

function chargerSource(clustered: boolean) {
  return {
    type: 'geojson' as const,
    data: emptyCollection,
    cluster: clustered,
    clusterMaxZoom: 14,
    clusterRadius: 50,
    // Clusters keep the highest power class of their points for their colour.
    clusterProperties: clustered ? { max_rank: ['max', POWER_RANK_EXPRESSION] } : undefined,
  };
}

async function resolveStyle(): Promise<StyleSpecification | string> {
  const configured = import.meta.env.VITE_BASEMAP_STYLE_URL as string | undefined;
  const offline = offlineBasemapStyle(window.location.origin);
  if (!configured) return offline;
  try {
    // Only use the online style when it can be loaded; otherwise fall back to the offline basemap.
    const res = await fetch(configured);
    if (!res.ok) return offline;
    return (await res.json()) as StyleSpecification;
  } catch {
    return offline;
  }
}

/**
 * The one component that owns the MapLibre map: data in as props, camera and clicks out as callbacks.
 * It exposes `data-map-idle` on its container so tests can wait for the map to finish drawing.
 */
export function ChargingMap(props: ChargingMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const latest = useRef(props);
  // Event handlers registered once read the newest callbacks through this ref.
  useEffect(() => {
    latest.current = props;
  });
  const clusteredRef = useRef<boolean | null>(null);
  /** Set once our source and layers exist (after 'style.load'); basemap sources may still be loading. */
  const layersReady = useRef(false);
  /** The route line and waypoints the map has, to send only what changed. */
  const drawnRoute = useRef<{ line?: RouteOverlay['line']; waypoints?: RouteOverlay['waypoints'] }>({});
  const attribution = useRef<AttributionControl | null>(null);

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | null = null;
    void resolveStyle().then((style) => {
      if (cancelled || !container.current) return;
      map = new MlMap({
        container: container.current,
        style,
        center: [props.initialCenter[1], props.initialCenter[0]],
        zoom: props.initialZoom,
        attributionControl: false,
        dragRotate: false,
        fadeDuration: 0,
      });
      mapRef.current = map;
      map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      // Compact (an (i) button) on phone-sized screens, where the full credits would cover the map.
      attribution.current = new AttributionControl({ compact: window.innerWidth < 640, customAttribution: latest.current.attributions });
      map.addControl(attribution.current, 'bottom-right');
      map.touchZoomRotate.disableRotation();
      const el = container.current;
      const report = () => {
        const b = map!.getBounds();
        const c = map!.getCenter();
        latest.current.onViewChange({ bounds: { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() }, zoom: map!.getZoom(), center: [c.lat, c.lng] });
      };
      // 'style.load' (not 'load'): the chargers can draw before every basemap source has finished loading.
      map.once('style.load', () => {
        map!.addSource(OVERLAY_SOURCE, { type: 'geojson', data: latest.current.overlay ?? emptyCollection });
        map!.addLayer({ id: 'overlay-fill', type: 'fill', source: OVERLAY_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#059669', 'fill-opacity': 0.08 } });
        map!.addLayer({ id: 'overlay-line', type: 'line', source: OVERLAY_SOURCE, paint: { 'line-color': '#047857', 'line-width': 2, 'line-dasharray': [2, 1] } });
        map!.addSource(ROUTE_LINE_SOURCE, { type: 'geojson', data: routeLineData(latest.current.route ?? null) });
        map!.addSource(ROUTE_WAYPOINT_SOURCE, { type: 'geojson', data: routeWaypointData(latest.current.route ?? null) });
        map!.addSource(ROUTE_CHARGER_SOURCE, { type: 'geojson', data: routeChargerData(latest.current.route ?? null) });
        drawnRoute.current = { line: latest.current.route?.line, waypoints: latest.current.route?.waypoints };
        for (const l of routeLayers()) map!.addLayer(l);
        ensureSource(map!, latest.current.clientClustering, clusteredRef);
        layersReady.current = true;
        setChargers(map!, latest.current.data ?? emptyCollection);
        map!.setFilter('charger-selected', selectedFilter(latest.current.selectedId));
        report();
      });
      map.on('moveend', report);
      // The camera is known before the style has loaded: ask for the data now, in parallel with the basemap.
      report();
      map.on('movestart', () => {
        el.setAttribute('data-map-idle', 'false');
        latest.current.onMoveStart?.();
      });
      map.on('idle', () => el.setAttribute('data-map-idle', 'true'));
      const onClick = (e: { features?: MapGeoJSONFeature[]; lngLat: { lng: number; lat: number } }) => {
        const f = e.features?.[0];
        if (!f) return;
        const count = Number(f.properties?.point_count ?? 1);
        if (count > 1) {
          map!.easeTo({ center: e.lngLat, zoom: Math.min(map!.getZoom() + 2, 18) });
          return;
        }
        const id = Number(f.properties?.id);
        if (Number.isFinite(id)) latest.current.onSelect(id);
      };
      map.on('click', 'charger-clusters', onClick);
      map.on('click', 'charger-points', onClick);
      map.on('click', 'route-chargers', onClick);
      wireRouteEditing(map, el, latest);
      for (const layer of ['charger-clusters', 'charger-points']) {
        map.on('mouseenter', layer, () => (map!.getCanvas().style.cursor = 'pointer'));
        map.on('mouseleave', layer, () => (map!.getCanvas().style.cursor = ''));
      }
      el.setAttribute('data-map-ready', 'true');
      // Lets end-to-end tests query rendered features and project coordinates, as DEVELOPERS.md suggests.
      (window as unknown as { __chargingMap?: MlMap }).__chargingMap = map;
    });
    return () => {
      cancelled = true;
      layersReady.current = false;
      map?.remove();
      mapRef.current = null;
    };
    // The map is created once; later prop changes go through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A layout effect: the data goes to the map's worker in the same task as React's commit, not after the next paint
  // (which, under software rendering, can be a 100–300 ms frame away).
  // New chargers arriving while the map moves wait for it to stop: replacing the source re-cuts every tile, and
  // those tiles arriving during a pan are what makes a frame stutter.
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || !layersReady.current) return;
    const apply = () => {
      ensureSource(map, props.clientClustering, clusteredRef);
      setChargers(map, props.data ?? emptyCollection);
    };
    if (!map.isMoving()) {
      apply();
      return;
    }
    map.once('moveend', apply);
    return () => {
      map.off('moveend', apply);
    };
  }, [props.data, props.clientClustering]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && layersReady.current) (map.getSource(OVERLAY_SOURCE) as GeoJSONSource | undefined)?.setData(props.overlay ?? emptyCollection);
  }, [props.overlay]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !layersReady.current) return;
    const route = props.route ?? null;
    // Only what changed is sent: a 1,000 km line re-sent with every selection would be cut into tiles again.
    if (route?.line !== drawnRoute.current.line) {
      (map.getSource(ROUTE_LINE_SOURCE) as GeoJSONSource | undefined)?.setData(routeLineData(route));
      drawnRoute.current.line = route?.line;
    }
    if (route?.waypoints !== drawnRoute.current.waypoints) {
      (map.getSource(ROUTE_WAYPOINT_SOURCE) as GeoJSONSource | undefined)?.setData(routeWaypointData(route));
      drawnRoute.current.waypoints = route?.waypoints;
    }
    // The corridor's chargers come with the plan: the panel paints first and the map follows a frame later. Under
    // software rendering a map frame takes 100–300 ms, and the plan should not wait behind it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => (map.getSource(ROUTE_CHARGER_SOURCE) as GeoJSONSource | undefined)?.setData(routeChargerData(route)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [props.route]);

  // The credits follow the data on screen; MapLibre's control takes them only at creation, so it is replaced.
  const attributionKey = props.attributions.join('|');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !attribution.current) return;
    map.removeControl(attribution.current);
    attribution.current = new AttributionControl({ compact: window.innerWidth < 640, customAttribution: latest.current.attributions });
    map.addControl(attribution.current, 'bottom-right');
  }, [attributionKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && layersReady.current) map.setFilter('charger-selected', selectedFilter(props.selectedId));
  }, [props.selectedId]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.flyTo) return;
    const b = props.flyTo.bounds;
    if (b) {
      const padding = { top: 160, bottom: 40, left: window.innerWidth >= 640 ? 360 : 40, right: 40 };
      // A route already in view at about the right scale (a shared link carries the sender's view) stays put:
      // moving the camera would redraw the whole map for nothing.
      const camera = map.cameraForBounds([[b.west, b.south], [b.east, b.north]], { padding });
      const canvas = map.getCanvas();
      // A fitted route touches the padding's edges: a few pixels of slack (rounded URLs, another window size).
      const slack = 12;
      const inside = [map.project([b.west, b.south]), map.project([b.east, b.north])].every(
        (p) => p.x >= padding.left - slack && p.x <= canvas.clientWidth - padding.right + slack && p.y >= padding.top - slack && p.y <= canvas.clientHeight - padding.bottom + slack,
      );
      if (!(inside && camera?.zoom !== undefined && map.getZoom() >= camera.zoom - 1)) map.fitBounds([[b.west, b.south], [b.east, b.north]], { padding, duration: 0 });
    } else map.easeTo({ center: [props.flyTo.center[1], props.flyTo.center[0]], zoom: props.flyTo.zoom ?? map.getZoom() });
  }, [props.flyTo]);

  // maplibre-gl's CSS makes its container position: relative, so the full-screen placement lives on a wrapper.
  return (
    <div className="absolute inset-0">
      <div ref={container} className="h-full w-full" data-testid="charging-map" data-map-idle="false" role="region" aria-label="Map of charging locations" />
    </div>
  );
}

/** The charger source is re-created when switching between server clusters and client-clustered points. */
/** The chargers to both of their sources (circles, and counts). */
function setChargers(map: MlMap, data: FeatureCollection) {
  for (const id of CHARGER_SOURCES) (map.getSource(id) as GeoJSONSource).setData(data);
}

function ensureSource(map: MlMap, clustered: boolean, current: { current: boolean | null }) {
  if (current.current === clustered && CHARGER_SOURCES.every((id) => map.getSource(id))) return;
  const layers = chargerLayers();
  for (const l of layers) if (map.getLayer(l.id)) map.removeLayer(l.id);
  for (const id of CHARGER_SOURCES) {
    if (map.getSource(id)) map.removeSource(id);
    map.addSource(id, chargerSource(clustered));
  }
  // Below the route's layers, which draw on top while planning.
  for (const l of layers) map.addLayer(l, map.getLayer('route-line-casing') ? 'route-line-casing' : undefined);
  current.current = clustered;
}

/**
 * Route editing while planning: a click on empty map adds a waypoint, a waypoint can be dragged (mouse or touch)
 * and a click on one removes it. Callbacks are read through `latest`, so the handlers are registered once.
 */
function wireRouteEditing(map: MlMap, el: HTMLElement, latest: { current: ChargingMapProps }) {
  let drag: { index: number; x: number; y: number; moved: boolean } | null = null;
  // The click that ends a drag (or a removal) must not also add a waypoint; the next press clears the flag.
  let suppressNextClick = false;
  map.on('mousedown', () => (suppressNextClick = false));
  map.on('touchstart', () => (suppressNextClick = false));
  const CHARGER_LAYERS = ['charger-clusters', 'charger-points', 'route-chargers', 'route-waypoints'];
  map.on('click', (e) => {
    if (suppressNextClick) {
      suppressNextClick = false;
      return;
    }
    const onMapClick = latest.current.onMapClick;
    if (!onMapClick) return;
    if (map.queryRenderedFeatures(e.point, { layers: CHARGER_LAYERS.filter((l) => map.getLayer(l)) }).length > 0) return;
    onMapClick([e.lngLat.lat, e.lngLat.lng]);
  });
  const start = (e: { preventDefault(): void; point: { x: number; y: number }; features?: MapGeoJSONFeature[] }) => {
    const f = e.features?.[0];
    if (!f || !latest.current.onWaypointMove) return;
    e.preventDefault();
    drag = { index: Number(f.properties?.index), x: e.point.x, y: e.point.y, moved: false };
    el.setAttribute('data-dragging', 'true');
  };
  map.on('mousedown', 'route-waypoints', start);
  map.on('touchstart', 'route-waypoints', start);
  const move = (e: { point: { x: number; y: number }; lngLat: { lat: number; lng: number } }) => {
    if (!drag) return;
    if (Math.hypot(e.point.x - drag.x, e.point.y - drag.y) > 3) drag.moved = true;
    if (!drag.moved) return;
    const route = latest.current.route;
    if (!route) return;
    const waypoints = route.waypoints.map((w, i) => (i === drag!.index ? ([e.lngLat.lat, e.lngLat.lng] as const) : w));
    (map.getSource(ROUTE_WAYPOINT_SOURCE) as GeoJSONSource).setData(routeWaypointData({ ...route, waypoints }));
  };
  map.on('mousemove', move);
  map.on('touchmove', move);
  const end = (e: { lngLat: { lat: number; lng: number } }) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    el.removeAttribute('data-dragging');
    suppressNextClick = true;
    if (d.moved) latest.current.onWaypointMove?.(d.index, [e.lngLat.lat, e.lngLat.lng]);
    else latest.current.onWaypointRemove?.(d.index);
  };
  map.on('mouseup', end);
  map.on('touchend', end);
  map.on('mouseenter', 'route-waypoints', () => (map.getCanvas().style.cursor = 'grab'));
  map.on('mouseleave', 'route-waypoints', () => (map.getCanvas().style.cursor = ''));
}
