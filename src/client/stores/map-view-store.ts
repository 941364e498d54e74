import { create } from 'zustand';
import type { BBox } from '../../shared/geo/types';

export interface MapView {
  bounds: BBox;
  zoom: number;
  center: [number, number];
}

/** Stands in for the view before the map has reported one (queries using it are disabled). */
export const NO_VIEW: MapView = { bounds: { south: 0, west: 0, north: 0, east: 0 }, zoom: 0, center: [0, 0] };

interface MapViewState {
  /** The view the map last settled on (debounced by the map component). */
  view: MapView | null;
  selectedId: number | null;
  /** A camera target set from outside the map (list, search); `key` makes repeated targets distinct. */
  focus: { center: [number, number]; zoom?: number; key: number; bounds?: BBox } | null;
  /** The driver's position when they shared it (geolocation), for distances and bearings. */
  userPosition: [number, number] | null;
  userLocated: (position: [number, number]) => void;
  viewSettled: (view: MapView) => void;
  locationSelected: (id: number | null) => void;
  /** Selects a location and moves the map to it (from the list or search). */
  locationFocused: (id: number, center: [number, number], zoom?: number) => void;
  placeFocused: (center: [number, number], zoom: number) => void;
  /** Fits the map to a box (a planned route). */
  boundsFocused: (bounds: BBox) => void;
}

/** Client state of the map: where it looks and what is selected. Server data stays in react-query. */
export const useMapViewStore = create<MapViewState>((set) => ({
  view: null,
  selectedId: null,
  focus: null,
  userPosition: null,
  userLocated: (userPosition) => set((s) => ({ userPosition, focus: { center: userPosition, zoom: 14, key: (s.focus?.key ?? 0) + 1 } })),
  viewSettled: (view) => set({ view }),
  locationSelected: (selectedId) => set({ selectedId }),
  locationFocused: (selectedId, center, zoom) => set((s) => ({ selectedId, focus: { center, zoom, key: (s.focus?.key ?? 0) + 1 } })),
  placeFocused: (center, zoom) => set((s) => ({ focus: { center, zoom, key: (s.focus?.key ?? 0) + 1 } })),
  boundsFocused: (bounds) => set((s) => ({ focus: { center: [(bounds.south + bounds.north) / 2, (bounds.west + bounds.east) / 2], bounds, key: (s.focus?.key ?? 0) + 1 } })),
}));
