import { useEffect, useId, useState } from 'react';
import { useMapViewStore } from '../../../stores/map-view-store';
import { useSearch, type SearchResult } from '../api/search';

type Option =
  | { type: 'place'; key: string; label: string; detail: string; center: [number, number]; zoom: number }
  | { type: 'location'; key: string; label: string; detail: string; center: [number, number]; id: number };

function options(r: SearchResult | undefined): Option[] {
  if (!r) return [];
  return [
    ...r.places.map((p, i): Option => ({
      type: 'place',
      key: `p${i}`,
      label: p.name,
      detail: [p.region, p.country, p.locations ? `${p.locations} chargers` : null].filter(Boolean).join(' · '),
      center: [p.latitude, p.longitude],
      zoom: p.kind === 'town' ? 13 : 11,
    })),
    ...r.locations.map((l): Option => ({ type: 'location', key: `l${l.id}`, label: l.name, detail: l.town ?? `#${l.id}`, center: [l.latitude, l.longitude], id: l.id })),
  ];
}

/** Go to a place or a location: an ARIA combobox with arrow keys, Enter and Escape. */
export function SearchBox() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const placeFocused = useMapViewStore((s) => s.placeFocused);
  const locationFocused = useMapViewStore((s) => s.locationFocused);
  const { data, isFetching } = useSearch(query);
  const opts = query ? options(data) : [];

  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);

  const choose = (o: Option) => {
    if (o.type === 'place') placeFocused(o.center, o.zoom);
    else locationFocused(o.id, o.center, 16);
    setOpen(false);
    setText(o.label);
  };

  return (
    <div className="relative mt-1">
      <input
        className="w-64 max-w-full rounded border border-slate-300 px-2 py-1 text-sm"
        type="search"
        placeholder="Search a place or charger"
        role="combobox"
        aria-label="Search a place or charger"
        aria-expanded={open && opts.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && opts[active] ? `${listId}-${opts[active].key}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, opts.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && opts[active]) choose(opts[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
        data-testid="search-input"
      />
      {open && query ? (
        <ul id={listId} role="listbox" className="absolute z-30 mt-1 max-h-80 w-80 max-w-[90vw] overflow-y-auto rounded border border-slate-200 bg-white text-sm shadow-lg">
          {opts.length === 0 ? (
            <li className="px-2 py-1.5 text-slate-500">{isFetching ? 'Searching…' : 'Nothing found'}</li>
          ) : (
            opts.map((o, i) => (
              <li
                key={o.key}
                id={`${listId}-${o.key}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-2 py-1.5 ${i === active ? 'bg-emerald-50' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
              >
                <span className="mr-1 text-xs text-slate-500">{o.type === 'place' ? 'Place' : 'Charger'}</span>
                <span className="font-medium">{o.label}</span>
                <span className="block text-xs text-slate-500">{o.detail}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
