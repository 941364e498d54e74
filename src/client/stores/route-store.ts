import { create } from 'zustand';
import type { LatLng } from '../../shared/geo/types';
import type { PlanStrategy } from '../../shared/planner/plan-route';

export interface PlanSettings {
  corridorKm: number;
  startSoc: number;
  minArrivalSoc: number;
  targetSoc: number;
  strategy: PlanStrategy;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { corridorKm: 5, startSoc: 90, minArrivalSoc: 15, targetSoc: 80, strategy: 'fewest' };

interface RouteState {
  waypoints: LatLng[];
  /** A route pasted (encoded polyline) or imported (GPX / GeoJSON) instead of waypoints. */
  importedLine: LatLng[] | null;
  settings: PlanSettings;
  waypointAdded: (p: LatLng, at?: number) => void;
  waypointMoved: (i: number, p: LatLng) => void;
  waypointRemoved: (i: number) => void;
  lineImported: (line: LatLng[]) => void;
  routeCleared: () => void;
  settingsChanged: (patch: Partial<PlanSettings>) => void;
  routeLoaded: (s: { waypoints: LatLng[]; importedLine: LatLng[] | null; settings: PlanSettings }) => void;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

export const useRouteStore = create<RouteState>((set) => ({
  waypoints: [],
  importedLine: null,
  settings: DEFAULT_PLAN_SETTINGS,
  waypointAdded: (p, at) =>
    set((s) => {
      const waypoints = [...s.waypoints];
      waypoints.splice(at ?? waypoints.length, 0, p);
      return { waypoints, importedLine: null };
    }),
  waypointMoved: (i, p) => set((s) => ({ waypoints: s.waypoints.map((w, k) => (k === i ? p : w)) })),
  waypointRemoved: (i) => set((s) => ({ waypoints: s.waypoints.filter((_, k) => k !== i) })),
  lineImported: (line) => set({ importedLine: line, waypoints: [line[0], line[line.length - 1]] }),
  routeCleared: () => set({ waypoints: [], importedLine: null }),
  settingsChanged: (patch) =>
    set((s) => {
      const n = { ...s.settings, ...patch };
      return {
        settings: {
          corridorKm: clamp(n.corridorKm, 1, 50),
          startSoc: clamp(n.startSoc, 1, 100),
          minArrivalSoc: clamp(n.minArrivalSoc, 0, 90),
          targetSoc: clamp(Math.max(n.targetSoc, n.minArrivalSoc + 5), 10, 100),
          strategy: n.strategy,
        },
      };
    }),
  routeLoaded: ({ waypoints, importedLine, settings }) => set({ waypoints, importedLine, settings }),
}));
