import { create } from 'zustand';
import type { BBox } from '../../shared/geo/types';

export interface MapView {
  bounds: BBox;
  zoom: number;
  center: [number, number];
}

interface MapViewState {
  /** The view the map last settled on (debounced by the map component). */
  view: MapView | null;
  selectedId: number | null;
  viewSettled: (view: MapView) => void;
  locationSelected: (id: number | null) => void;
}

/** Client state of the map: where it looks and what is selected. Server data stays in react-query. */
export const useMapViewStore = create<MapViewState>((set) => ({
  view: null,
  selectedId: null,
  viewSettled: (view) => set({ view }),
  locationSelected: (selectedId) => set({ selectedId }),
}));
