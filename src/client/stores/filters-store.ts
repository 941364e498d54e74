import { create } from 'zustand';

export interface Filters {
  /** OCM connection type ids; empty means any. */
  connectionTypeIds: number[];
  minPowerKw: number | null;
  maxPowerKw: number | null;
  includeOperatorIds: number[];
  excludeOperatorIds: number[];
  usageTypeIds: number[];
  operationalOnly: boolean;
  cost: 'any' | 'free' | 'paid';
  openDataOnly: boolean;
  /** Minimum check-in score (0–10); null means any, including unscored locations. */
  minScore: number | null;
  /** Open EV Data port families of my vehicle: only connectors it can use (empty = any). */
  vehiclePorts: string[];
  /** Only locations a live feed reports a free charger at now (PlugShare availability=1). */
  availableNow: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  connectionTypeIds: [],
  minPowerKw: null,
  maxPowerKw: null,
  includeOperatorIds: [],
  excludeOperatorIds: [],
  usageTypeIds: [],
  operationalOnly: true,
  cost: 'any',
  openDataOnly: false,
  minScore: null,
  vehiclePorts: [],
  availableNow: false,
};

interface FiltersState {
  filters: Filters;
  filtersChanged: (patch: Partial<Filters>) => void;
  filtersReset: () => void;
  filtersLoaded: (filters: Filters) => void;
}

/** The map's filters (client state); reflected in the URL by the app. */
export const useFiltersStore = create<FiltersState>((set) => ({
  filters: DEFAULT_FILTERS,
  filtersChanged: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  filtersReset: () => set({ filters: DEFAULT_FILTERS }),
  filtersLoaded: (filters) => set({ filters }),
}));
