import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { VehicleSpec } from '../../shared/vehicles/vehicle-spec';
import type { PortFamily } from '../../shared/vehicles/ports';

/** The driver's vehicle, as chosen in the vehicle panel: enough to plan with even when signed out later. */
export interface MyVehicle {
  vehicleId: string;
  variantUuid: string;
  name: string;
  variantName: string;
  spec: VehicleSpec;
  ports: PortFamily[];
}

/** A session to price in comparisons: charge from → to percent, sessions a month sharing a subscription. */
export interface SessionPlan {
  fromPercent: number;
  toPercent: number;
  sessionsPerMonth: number;
}

/** A link to my car's telematics: its ev.energy vehicle id, and a token when not the signed-in session's. */
export interface TelematicsLink {
  vehicleId: string;
  token: string | null;
}

interface VehicleState {
  vehicle: MyVehicle | null;
  /** State of charge now, percent. */
  soc: number;
  /** Battery kept in reserve when drawing the range ring, percent. */
  reservePercent: number;
  showRangeRing: boolean;
  session: SessionPlan;
  telematics: TelematicsLink | null;
  /** When the state of charge last came from the telematics (ISO), or null when set by hand. */
  socReportedAt: string | null;
  vehicleChosen: (v: MyVehicle) => void;
  vehicleCleared: () => void;
  socChanged: (soc: number) => void;
  reserveChanged: (p: number) => void;
  rangeRingToggled: (on: boolean) => void;
  sessionChanged: (patch: Partial<SessionPlan>) => void;
  telematicsLinked: (link: TelematicsLink) => void;
  telematicsUnlinked: () => void;
  socReported: (soc: number, sampledAt: string) => void;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

export const useVehicleStore = create<VehicleState>()(
  persist(
    (set) => ({
      vehicle: null,
      soc: 80,
      reservePercent: 10,
      showRangeRing: false,
      session: { fromPercent: 10, toPercent: 80, sessionsPerMonth: 8 },
      vehicleChosen: (vehicle) => set({ vehicle }),
      vehicleCleared: () => set({ vehicle: null, showRangeRing: false }),
      socChanged: (soc) => set({ soc: clamp(soc, 0, 100), socReportedAt: null }),
      telematics: null,
      socReportedAt: null,
      telematicsLinked: (telematics) => set({ telematics }),
      telematicsUnlinked: () => set({ telematics: null, socReportedAt: null }),
      socReported: (soc, sampledAt) => set({ soc: clamp(soc, 0, 100), socReportedAt: sampledAt }),
      reserveChanged: (p) => set({ reservePercent: clamp(p, 0, 50) }),
      rangeRingToggled: (showRangeRing) => set({ showRangeRing }),
      sessionChanged: (patch) =>
        set((s) => {
          const next = { ...s.session, ...patch };
          const from = clamp(next.fromPercent, 0, 99);
          return { session: { fromPercent: from, toPercent: clamp(Math.max(next.toPercent, from + 1), 1, 100), sessionsPerMonth: clamp(next.sessionsPerMonth, 1, 100) } };
        }),
    }),
    { name: 'evmap-vehicle' },
  ),
);
