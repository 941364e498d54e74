import { create } from 'zustand';

export type AuthMode = 'sign-in' | 'sign-up';

interface UiState {
  /** The sign-in / sign-up dialog, opened from the header or from a check-in form. */
  authDialog: AuthMode | null;
  accountOpen: boolean;
  /** Which of the left-hand tool panels is open (one at a time). */
  toolPanel: 'filters' | 'list' | 'vehicle' | 'networks' | 'route' | null;
  authDialogOpened: (mode: AuthMode) => void;
  authDialogClosed: () => void;
  accountToggled: (open?: boolean) => void;
  toolPanelToggled: (panel: NonNullable<UiState['toolPanel']>, open?: boolean) => void;
  /** While a trip is shown, the map draws only the chargers along it unless the driver asks for all of them. */
  tripShowsAllChargers: boolean;
  tripShowsAllChargersToggled: (on: boolean) => void;
}

export const useUiStore = create<UiState>((set) => ({
  authDialog: null,
  accountOpen: false,
  authDialogOpened: (mode) => set({ authDialog: mode }),
  authDialogClosed: () => set({ authDialog: null }),
  accountToggled: (open) => set((s) => ({ accountOpen: open ?? !s.accountOpen })),
  toolPanel: null,
  tripShowsAllChargers: false,
  tripShowsAllChargersToggled: (tripShowsAllChargers) => set({ tripShowsAllChargers }),
  toolPanelToggled: (panel, open) => set((s) => ({ toolPanel: (open ?? s.toolPanel !== panel) ? panel : s.toolPanel === panel ? null : s.toolPanel })),
}));
