import type { MapData } from '../api/get-map-data';

/** "N locations in view", or "N match, showing M — zoom in" when the view holds more than is drawn. */
export function viewCounterText(d: Pick<MapData, 'total' | 'shown'>): string {
  if (d.total === 0) return 'No chargers match here — zoom out or loosen the filters';
  const n = d.total.toLocaleString('en-US');
  if (d.shown < d.total) return `${n} match, showing ${d.shown.toLocaleString('en-US')} — zoom in`;
  return `${n} location${d.total === 1 ? '' : 's'} in view`;
}

/** "· 12 free now" when a live feed reports on locations drawn in the view (points mode only). */
export function liveCounterText(d: MapData): string | null {
  if (!d.clientClustering) return null;
  let reported = 0;
  let free = 0;
  for (const f of d.data.features) {
    const a = Number(f.properties?.availability ?? 0);
    if (a > 0) reported++;
    if (a === 1) free++;
  }
  return reported > 0 ? `${free} of ${reported} reporting free now` : null;
}

export function ViewCounter({ data, loading }: { data: MapData | undefined; loading: boolean }) {
  const live = data ? liveCounterText(data) : null;
  return (
    <p className="text-sm text-slate-700" aria-live="polite" data-testid="view-counter">
      {data ? viewCounterText(data) : 'Loading chargers…'}
      {live ? (
        <span className="ml-1 text-emerald-800" data-testid="live-counter">
          · {live}
        </span>
      ) : null}
      {loading && data ? <span className="ml-2 inline-block h-2 w-2 animate-pulse rounded-full bg-emerald-600" aria-label="updating" /> : null}
    </p>
  );
}
