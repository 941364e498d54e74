import { useId, useMemo, useState } from 'react';
import { useFiltersStore, type Filters } from '../../../stores/filters-store';
import { useReferenceData, type RefItem } from '../api/get-reference-data';
import { CONNECTOR_GROUPS } from '../filters-codec';
import { SheetPanel } from '../../../components/sheet-panel';

const POWER_STEPS = [3, 7, 11, 22, 50, 100, 150, 250, 350];

const toggle = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** The map's filters. Every condition must hold (AND); connector type and power apply to one and the same connector. */
export function FilterPanel({ onClose }: { onClose: () => void }) {
  const filters = useFiltersStore((s) => s.filters);
  const changed = useFiltersStore((s) => s.filtersChanged);
  const reset = useFiltersStore((s) => s.filtersReset);
  const { data: refs, isPending, isError } = useReferenceData();

  return (
    <SheetPanel
      placement="left"
      title="Filters"
      titleId="filters-title"
      testId="filter-panel"
      closeLabel="Close filters"
      onClose={onClose}
      actions={
        <button className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" onClick={reset}>
          Reset
        </button>
      }
    >
      <p className="mt-1 text-xs text-slate-600">A location is shown only when it matches every filter (AND). Connector type and power must be on the same connector.</p>
      {isPending ? <p aria-busy="true" className="mt-3 text-slate-500">Loading connector types and networks…</p> : null}
      {isError ? <p role="alert" className="mt-3 text-red-700">Could not load reference data.</p> : null}
      {refs ? (
        <>
          <fieldset className="mt-3">
            <legend className="font-semibold">Connectors</legend>
            {CONNECTOR_GROUPS.map((g) => (
              <div key={g.label} className="mt-1">
                <div className="text-xs uppercase tracking-wide text-slate-500">{g.label}</div>
                <div className="flex flex-wrap gap-x-3">
                  {g.ids.map((id) => {
                    const ct = refs.ConnectionTypes.find((c) => c.ID === id);
                    if (!ct) return null;
                    return (
                      <label key={id} className="flex items-center gap-1">
                        <input type="checkbox" checked={filters.connectionTypeIds.includes(id)} onChange={() => changed({ connectionTypeIds: toggle(filters.connectionTypeIds, id) })} />
                        {ct.Title}
                      </label>
                    );
                  })}
                </div>
              </div>
            ))}
          </fieldset>
          <fieldset className="mt-3 flex gap-3">
            <legend className="font-semibold">Power on that connector</legend>
            <PowerSelect label="Minimum" value={filters.minPowerKw} onChange={(v) => changed({ minPowerKw: v })} />
            <PowerSelect label="Maximum" value={filters.maxPowerKw} onChange={(v) => changed({ maxPowerKw: v })} />
          </fieldset>
          <NetworkPicker title="Only these networks" operators={refs.Operators} selected={filters.includeOperatorIds} onChange={(ids) => changed({ includeOperatorIds: ids })} />
          <NetworkPicker title="Leave out these networks" operators={refs.Operators} selected={filters.excludeOperatorIds} onChange={(ids) => changed({ excludeOperatorIds: ids })} />
          <fieldset className="mt-3">
            <legend className="font-semibold">Access</legend>
            <div className="flex flex-wrap gap-x-3">
              {refs.UsageTypes.filter((u) => u.ID !== 0).map((u) => (
                <label key={u.ID} className="flex items-center gap-1">
                  <input type="checkbox" checked={filters.usageTypeIds.includes(u.ID)} onChange={() => changed({ usageTypeIds: toggle(filters.usageTypeIds, u.ID) })} />
                  {u.Title}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="mt-3 space-y-1">
            <legend className="font-semibold">Status, cost and data</legend>
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={filters.availableNow} onChange={(e) => changed({ availableNow: e.target.checked })} data-testid="available-now" />
              Available now (a live feed reports a free charger)
            </label>
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={filters.operationalOnly} onChange={(e) => changed({ operationalOnly: e.target.checked })} />
              Operational only (also shows unknown status)
            </label>
            <div className="flex gap-3" role="radiogroup" aria-label="Cost">
              {(['any', 'free', 'paid'] as Filters['cost'][]).map((c) => (
                <label key={c} className="flex items-center gap-1">
                  <input type="radio" name="cost" checked={filters.cost === c} onChange={() => changed({ cost: c })} />
                  {c === 'any' ? 'Any cost' : c === 'free' ? 'Free' : 'Paid'}
                </label>
              ))}
            </div>
            <label className="flex items-center gap-1">
              <input type="checkbox" checked={filters.openDataOnly} onChange={(e) => changed({ openDataOnly: e.target.checked })} />
              Open-data-licensed records only
            </label>
            <label className="flex items-center gap-2">
              Check-in score
              <select
                className="rounded border border-slate-300 px-1 py-0.5"
                value={filters.minScore ?? ''}
                onChange={(e) => changed({ minScore: e.target.value === '' ? null : Number(e.target.value) })}
                data-testid="score-filter"
              >
                <option value="">Any (incl. unrated)</option>
                {[5, 7, 9].map((s) => (
                  <option key={s} value={s}>
                    {s} or better
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        </>
      ) : null}
    </SheetPanel>
  );
}

function PowerSelect({ label, value, onChange }: { label: string; value: number | null; onChange: (v: number | null) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-xs text-slate-600">
        {label}
      </label>
      <select id={id} className="rounded border border-slate-300 px-2 py-1" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">Any</option>
        {POWER_STEPS.map((kw) => (
          <option key={kw} value={kw}>
            {kw} kW
          </option>
        ))}
      </select>
    </div>
  );
}

function NetworkPicker({ title, operators, selected, onChange }: { title: string; operators: RefItem[]; selected: number[]; onChange: (ids: number[]) => void }) {
  const [text, setText] = useState('');
  const id = useId();
  const byTitle = useMemo(() => new Map(operators.map((o) => [o.Title.toLowerCase(), o.ID])), [operators]);
  const names = useMemo(() => new Map(operators.map((o) => [o.ID, o.Title])), [operators]);
  const add = () => {
    const opId = byTitle.get(text.trim().toLowerCase());
    if (opId !== undefined && !selected.includes(opId)) onChange([...selected, opId]);
    setText('');
  };
  return (
    <fieldset className="mt-3">
      <legend className="font-semibold">{title}</legend>
      <div className="flex gap-2">
        <input
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1"
          list={`${id}-list`}
          value={text}
          placeholder="Type a network name"
          aria-label={title}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" onClick={add}>
          Add
        </button>
        <datalist id={`${id}-list`}>
          {operators.map((o) => (
            <option key={o.ID} value={o.Title} />
          ))}
        </datalist>
      </div>
      <ul className="mt-1 flex flex-wrap gap-1">
        {selected.map((opId) => (
          <li key={opId} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5">
            {names.get(opId) ?? `#${opId}`}
            <button aria-label={`Remove ${names.get(opId) ?? opId}`} onClick={() => onChange(selected.filter((x) => x !== opId))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
