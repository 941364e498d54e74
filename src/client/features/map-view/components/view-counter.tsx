import type { MapData } from '../api/get-map-data';

/** "N locations in view", or "N match, showing M — zoom in" when the view holds more than is drawn. */
export function viewCounterText(d: Pick<MapData, 'total' | 'shown'>): string {
  if (d.total === 0) return 'No chargers match here — zoom out or loosen the filters';
  const n = d.total.toLocaleString('en-US');
  if (d.shown < d.total) return `${n} match, showing ${d.shown.toLocaleString('en-US')} — zoom in`;
  return `${n} location${d.total === 1 ? '' : 's'} in view`;
}

export function ViewCounter({ data, loading }: { data: MapData | undefined; loading: boolean }) {
  return (
    <p className="text-sm text-slate-700" aria-live="polite" data-testid="view-counter">
      {data ? viewCounterText(data) : 'Loading chargers…'}
      {loading && data ? <span className="ml-2 inline-block h-2 w-2 animate-pulse rounded-full bg-emerald-600" aria-label="updating" /> : null}
    </p>
  );
}
