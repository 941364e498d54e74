import { useEffect, useId, useState } from 'react';
import type { LatLng } from '../../../../shared/geo/types';
import { useSearch } from '../../search/api/search';

/** A place field for the route's start or destination: type, pick a town or a charger from the suggestions. */
export function PlaceInput({ label, onPick }: { label: string; onPick: (p: LatLng, name: string) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const listId = useId();
  const { data, isFetching } = useSearch(query);
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const options = query
    ? [
        ...(data?.places ?? []).map((p) => ({ key: `p-${p.name}-${p.latitude}`, label: p.name, detail: [p.region, p.country].filter(Boolean).join(', '), at: [p.latitude, p.longitude] as LatLng })),
        ...(data?.locations ?? []).slice(0, 3).map((l) => ({ key: `l-${l.id}`, label: l.name, detail: l.town ?? '', at: [l.latitude, l.longitude] as LatLng })),
      ]
    : [];
  return (
    <div className="relative">
      <input
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
        placeholder={label}
        aria-label={label}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {options.length > 0 ? (
        <ul id={listId} role="listbox" className="absolute z-30 mt-1 max-h-56 w-full overflow-y-auto rounded border border-slate-200 bg-white shadow-lg">
          {options.map((o) => (
            <li key={o.key} role="option" aria-selected={false}>
              <button
                className="w-full px-2 py-1 text-left text-sm hover:bg-emerald-50 focus:bg-emerald-50"
                onClick={() => {
                  onPick(o.at, o.label);
                  setText(o.label);
                  setQuery('');
                }}
              >
                {o.label} <span className="text-xs text-slate-500">{o.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : isFetching && query ? (
        <p className="text-xs text-slate-500">Searching…</p>
      ) : null}
    </div>
  );
}
