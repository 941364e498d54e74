import { AVAILABILITY_LABELS, type Availability } from '../../../shared/telemetry/availability';

/** "just now", "4 min ago", "3 h ago", "2 days ago". */
export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86_400);
  return `${d} day${d === 1 ? '' : 's'} ago`;
}

export const AVAILABILITY_STYLE: Record<Availability, string> = {
  0: 'bg-slate-100 text-slate-700',
  1: 'bg-emerald-100 text-emerald-800',
  2: 'bg-pink-100 text-pink-800',
  3: 'bg-slate-800 text-white',
};

export interface LiveSummary {
  status: number;
  available: number;
  in_use: number;
  offline: number;
  unknown: number;
  updated_at: string;
  simulated: boolean;
}

/** "2 of 4 free now" / "All 3 in use" / "No recent report" for a location's live availability. */
export function liveHeadline(a: LiveSummary): string {
  const total = a.available + a.in_use + a.offline + a.unknown;
  if (a.status === 0) return 'No recent report';
  if (a.status === 1) return `${a.available} of ${total} free now`;
  if (a.status === 2) return a.in_use === total ? `All ${total} in use` : `${a.in_use} of ${total} in use, none reported free`;
  return `${a.offline} of ${total} offline`;
}

export const availabilityLabel = (code: number) => AVAILABILITY_LABELS[(code >= 0 && code <= 3 ? code : 0) as Availability];
