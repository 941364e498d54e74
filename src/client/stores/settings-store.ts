import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { DistanceUnit } from '../lib/units';

interface SettingsState {
  distanceUnit: DistanceUnit;
  distanceUnitChosen: (unit: DistanceUnit) => void;
}

/** User settings, persisted in localStorage; independent of language. */
export const useSettingsStore = create<SettingsState>()(
  persist((set) => ({ distanceUnit: 'km', distanceUnitChosen: (distanceUnit) => set({ distanceUnit }) }), { name: 'evmap-settings' }),
);
