import { create } from 'zustand';

export type AuthMode = 'sign-in' | 'sign-up';

interface UiState {
  /** The sign-in / sign-up dialog, opened from the header or from a check-in form. */
  authDialog: AuthMode | null;
  accountOpen: boolean;
  authDialogOpened: (mode: AuthMode) => void;
  authDialogClosed: () => void;
  accountToggled: (open?: boolean) => void;
}

export const useUiStore = create<UiState>((set) => ({
  authDialog: null,
  accountOpen: false,
  authDialogOpened: (mode) => set({ authDialog: mode }),
  authDialogClosed: () => set({ authDialog: null }),
  accountToggled: (open) => set((s) => ({ accountOpen: open ?? !s.accountOpen })),
}));
