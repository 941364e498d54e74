import { useMemo, useState } from 'react';
import { SheetPanel } from '../../../components/sheet-panel';
import { LoadError, RowsSkeleton } from '../../../components/query-states';
import { useSessionStore } from '../../../stores/session-store';
import { useUiStore } from '../../../stores/ui-store';
import { useVehicleStore } from '../../../stores/vehicle-store';
import { useNetworks } from '../api/networks';
import { currencies, rateRows } from '../rate-rows';
import { SessionCostView } from '../../tariffs/session-cost-view';

const PAGE = 50;
const input = 'rounded border border-slate-300 bg-white px-1 py-0.5';

/** Networks' rates side by side, cheapest first for a session of my vehicle. */
export function NetworksPanel({ onClose }: { onClose: () => void }) {
  const { data, isPending, isError, error, refetch } = useNetworks();
  const vehicle = useVehicleStore((s) => s.vehicle);
  const plan = useVehicleStore((s) => s.session);
  const sessionChanged = useVehicleStore((s) => s.sessionChanged);
  const signedIn = useSessionStore((s) => s.session !== null);
  const [kind, setKind] = useState<'all' | 'ac' | 'dc'>('all');
  const [text, setText] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const allCurrencies = useMemo(() => currencies(data ?? []), [data]);
  const chosenCurrency = currency ?? allCurrencies[0] ?? null;
  const rows = useMemo(() => rateRows(data ?? [], vehicle, plan, { kind, text, currency: chosenCurrency }), [data, vehicle, plan, kind, text, chosenCurrency]);

  return (
    <SheetPanel placement="left-below-header" title="Compare networks" titleId="networks-title" testId="networks-panel" closeLabel="Close networks" onClose={onClose}>
      {vehicle ? (
        <div className="mt-1 flex flex-wrap items-center gap-1 text-xs" aria-label="Session to compare">
          <span>{vehicle.name}:</span>
          <label>
            from <input type="number" className={`${input} w-14`} min={0} max={99} value={plan.fromPercent} onChange={(e) => sessionChanged({ fromPercent: Number(e.target.value) })} aria-label="Charge from percent" /> %
          </label>
          <label>
            to <input type="number" className={`${input} w-14`} min={1} max={100} value={plan.toPercent} onChange={(e) => sessionChanged({ toPercent: Number(e.target.value) })} aria-label="Charge to percent" /> %
          </label>
          <label>
            · <input type="number" className={`${input} w-14`} min={1} max={100} value={plan.sessionsPerMonth} onChange={(e) => sessionChanged({ sessionsPerMonth: Number(e.target.value) })} aria-label="Sessions a month" /> sessions a month
          </label>
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-700">
          <button className="underline" onClick={() => useUiStore.getState().toolPanelToggled('vehicle', true)}>
            Choose your vehicle
          </button>{' '}
          to sort rates by what a charge would cost you.
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-1 text-xs">
        <input className={`${input} min-w-0 flex-1`} placeholder="Network name" aria-label="Network name" value={text} onChange={(e) => setText(e.target.value)} />
        <select className={input} aria-label="Charging kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="all">AC and DC</option>
          <option value="dc">DC only</option>
          <option value="ac">AC only</option>
        </select>
        {allCurrencies.length > 1 ? (
          <select className={input} aria-label="Currency" value={chosenCurrency ?? ''} onChange={(e) => setCurrency(e.target.value)}>
            {allCurrencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        ) : null}
      </div>
      {!signedIn ? <p className="mt-1 text-xs text-slate-500">Subscription fees and included energy are for signed-in users (Leccy's access rules).</p> : null}
      {isPending ? (
        <RowsSkeleton rows={4} height="h-10" />
      ) : isError ? (
        <LoadError what="networks" error={error} onRetry={() => void refetch()} />
      ) : rows.length === 0 ? (
        <p className="mt-2 text-slate-600">No rates match.</p>
      ) : (
        <ol className="mt-2 space-y-1" aria-label="Rates, cheapest first" data-testid="rate-list">
          {rows.slice(0, shown).map((r) => (
            <li key={`${r.service.id}/${r.rate.id}`} className="rounded border border-slate-200 p-2" data-testid="rate-row">
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium">{r.network.name}</span>
                {r.rate.isExample ? <span className="rounded bg-amber-100 px-1 text-xs text-amber-900">Example data</span> : null}
              </div>
              <div className="text-xs text-slate-600">
                {r.service.name} · {r.rate.name}
                {r.rate.sourceText ? <> · <q>{r.rate.sourceText}</q></> : null}
              </div>
              {r.cost ? <SessionCostView cost={r.cost} label={`${plan.fromPercent} → ${plan.toPercent} %`} /> : null}
            </li>
          ))}
        </ol>
      )}
      {rows.length > shown ? (
        <button className="mt-2 text-sm underline" onClick={() => setShown(shown + PAGE)}>
          Show more ({rows.length - shown} left)
        </button>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">Rates come from the price texts in the open data (AFDC, UK NCR, OCM), each with its text and date, or from imported Leccy tariffs.</p>
    </SheetPanel>
  );
}
