import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AuthResponse } from '../../shared/api/account';

export interface Session {
  token: string;
  refreshToken: string;
  /** Access token expiry, ms since the epoch. */
  expiresAt: number;
  user: AuthResponse['user'];
}

interface SessionState {
  session: Session | null;
  signedIn: (auth: AuthResponse) => void;
  signedOut: () => void;
}

export const sessionFrom = (auth: AuthResponse): Session => ({ token: auth.token, refreshToken: auth.refreshToken, expiresAt: auth.expires.u * 1000, user: auth.user });

/** The signed-in session (tokens and user), persisted so a reload keeps the driver signed in. */
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      session: null,
      signedIn: (auth) => set({ session: sessionFrom(auth) }),
      signedOut: () => set({ session: null }),
    }),
    { name: 'evmap-session' },
  ),
);
