import { useEffect, useRef, useState } from 'react';

const PAGE = 100;
import type { Plan } from '../../../../shared/planner/plan-route';
import { formatDistance, type DistanceUnit } from '../../../lib/units';
import { useMapViewStore } from '../../../stores/map-view-store';
import { money } from '../../tariffs/estimate';
import type { StripRow } from '../corridor';

/** Chargers along the route in driving order: where, how far off, how fast, whose, and what my car would pay. */
export function StripView({ rows, total, plan, loading, unit }: { rows: StripRow[]; total: number; plan: Plan | null; loading: boolean; unit: DistanceUnit }) {
  const selectedId = useMapViewStore((s) => s.selectedId);
  const locationSelected = useMapViewStore((s) => s.locationSelected);
  const stops = new Set(plan?.ok ? plan.stops.map((s) => s.charger.id) : []);
  const list = useRef<HTMLOListElement>(null);
  // Thousands of rows would make the panel slow: a page at a time, the plan's stops always listed.
  const [shown, setShown] = useState(PAGE);
  const visible = rows.filter((r, i) => i < shown || stops.has(r.id) || r.id === selectedId);
  // Selecting on the map scrolls the strip to the row.
  useEffect(() => {
    list.current?.querySelector(`[data-charger-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (loading) return <p className="mt-2 animate-pulse text-sm text-slate-500">Finding chargers along the route…</p>;
  if (rows.length === 0) return <p className="mt-2 text-sm text-slate-600">No chargers along this route with the current filters. Widen the corridor or relax the filters.</p>;
  return (
    <section className="mt-2" aria-label="Chargers along the route">
      <h3 className="text-sm font-semibold text-slate-800">
        {total > rows.length ? `About ${total.toLocaleString()} chargers along the route; the ${rows.length.toLocaleString()} most powerful along its length are shown and planned with` : `${rows.length} chargers along the route`}
      </h3>
      <ol ref={list} className="mt-1 max-h-72 divide-y divide-slate-100 overflow-y-auto text-xs" data-testid="strip">
        {visible.map((r) => (
          <li key={r.id} data-charger-id={r.id}>
            <button
              className={`w-full px-1 py-1 text-left hover:bg-slate-50 ${selectedId === r.id ? 'bg-emerald-50' : ''}`}
              aria-current={selectedId === r.id ? 'true' : undefined}
              onClick={() => locationSelected(r.id)}
              data-testid="strip-row"
              data-along={r.alongKm.toFixed(2)}
            >
              <span className="flex justify-between gap-2">
                <span className="font-medium">
                  {stops.has(r.id) ? '⚡ ' : ''}
                  {r.name}
                </span>
                <span className="shrink-0">{formatDistance(r.alongKm, unit)}</span>
              </span>
              <span className="text-slate-600">
                {formatDistance(r.offKm, unit)} off route · {r.maxPowerKw !== null ? `${r.maxPowerKw} kW` : '? kW'}
                {r.network ? ` · ${r.network}` : ''}
                {r.usable === null ? ' · not for my car' : ''}
                {r.cost?.ok ? ` · ${money(r.cost.total, r.cost.currency)}` : r.priceText ? ' · see price text' : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {visible.length < rows.length ? (
        <button className="mt-1 text-xs underline" onClick={() => setShown(shown + PAGE)}>
          Show more ({rows.length - visible.length} more along the route)
        </button>
      ) : null}
    </section>
  );
}
