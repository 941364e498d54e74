import { useMemo, useState } from 'react';
import type { Vehicle } from '../../../../shared/api/leccy-vehicles';
import { PORT_LABELS, type PortFamily } from '../../../../shared/vehicles/ports';
import { kmToMiles, milesToKm } from '../../../../shared/geo/distance';
import { SheetPanel } from '../../../components/sheet-panel';
import { LoadError, RowsSkeleton } from '../../../components/query-states';
import { formatDistance } from '../../../lib/units';
import { useSessionStore } from '../../../stores/session-store';
import { useSettingsStore } from '../../../stores/settings-store';
import { useUiStore } from '../../../stores/ui-store';
import { useVehicleStore } from '../../../stores/vehicle-store';
import { useVehicles, type VehicleFilters } from '../api/vehicles';
import { myVehicleFrom } from '../my-vehicle';
import { MyVehicleCard } from './my-vehicle-card';

const DEFAULTS: VehicleFilters = { manufacturer: 'all', type: 'all', status: 'all', sort: 'name', order: 'asc' };
const select = 'rounded border border-slate-300 bg-white px-1 py-0.5';

/** Pick my vehicle: search and filter Open EV Data's vehicles, then choose the exact variant. */
export function VehiclePanel({ onClose }: { onClose: () => void }) {
  const [f, setF] = useState<VehicleFilters>(DEFAULTS);
  const [text, setText] = useState('');
  const [minRangeKm, setMinRangeKm] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const unit = useSettingsStore((s) => s.distanceUnit);
  const { data, isPending, isError, error, refetch, isFetching } = useVehicles(f);
  const { data: everything } = useVehicles(DEFAULTS);
  const manufacturers = useMemo(() => [...new Set((everything ?? []).map((v) => v.manufacturer))].sort(), [everything]);
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const list = (data ?? []).filter(
    (v) => words.every((w) => `${v.name} ${v.variants.map((x) => x.name).join(' ')}`.toLowerCase().includes(w)) && (minRangeKm === 0 || (v.range?.max ?? 0) >= minRangeKm),
  );
  const maxSlider = unit === 'km' ? 600 : 375;
  const sliderValue = unit === 'km' ? minRangeKm : Math.round(kmToMiles(minRangeKm));

  return (
    <SheetPanel placement="left-below-header" title="My vehicle" titleId="vehicle-title" testId="vehicle-panel" closeLabel="Close vehicle panel" onClose={onClose}>
      <MyVehicleCard />
      <div className="mt-3 space-y-2 border-t border-slate-200 pt-3" role="search">
        <input
          className="w-full rounded border border-slate-300 px-2 py-1"
          placeholder="Search vehicles, e.g. Leaf e+"
          aria-label="Search vehicles"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="flex flex-wrap gap-1 text-xs">
          <select aria-label="Manufacturer" className={select} value={f.manufacturer} onChange={(e) => setF({ ...f, manufacturer: e.target.value })}>
            <option value="all">All makes</option>
            {manufacturers.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <select aria-label="Vehicle type" className={select} value={f.type} onChange={(e) => setF({ ...f, type: e.target.value })}>
            {['all', 'car', 'van', 'truck', 'motorbike'].map((t) => (
              <option key={t} value={t}>
                {t === 'all' ? 'All types' : t}
              </option>
            ))}
          </select>
          <select aria-label="Status" className={select} value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}>
            {['all', 'current', 'discontinued', 'future'].map((t) => (
              <option key={t} value={t}>
                {t === 'all' ? 'Any status' : t}
              </option>
            ))}
          </select>
          <select aria-label="Sort by" className={select} value={f.sort} onChange={(e) => setF({ ...f, sort: e.target.value as VehicleFilters['sort'] })}>
            <option value="name">Sort: name</option>
            <option value="range">Sort: range</option>
          </select>
          <button className={select} onClick={() => setF({ ...f, order: f.order === 'asc' ? 'desc' : 'asc' })} aria-label={`Order: ${f.order === 'asc' ? 'ascending' : 'descending'}`}>
            {f.order === 'asc' ? '↑' : '↓'}
          </button>
        </div>
        <label className="block text-xs text-slate-700">
          Minimum range: {sliderValue === 0 ? 'any' : `${sliderValue} ${unit}`}
          <input
            type="range"
            className="w-full accent-emerald-700"
            min={0}
            max={maxSlider}
            step={unit === 'km' ? 25 : 15}
            value={sliderValue}
            onChange={(e) => setMinRangeKm(unit === 'km' ? Number(e.target.value) : milesToKm(Number(e.target.value)))}
          />
        </label>
      </div>
      {isPending ? (
        <RowsSkeleton />
      ) : isError ? (
        <LoadError what="vehicles" error={error} onRetry={() => void refetch()} />
      ) : list.length === 0 ? (
        <p className="mt-2 text-slate-600">No vehicle matches. Clear the search or the filters.</p>
      ) : (
        <ul className={`mt-2 divide-y divide-slate-100 ${isFetching ? 'opacity-60' : ''}`} aria-label="Vehicles" data-testid="vehicle-list">
          {list.map((v) => (
            <VehicleRow key={v.id} v={v} open={open === v.id} onToggle={() => setOpen(open === v.id ? null : v.id)} unit={unit} />
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-slate-500">Vehicle data: Open EV Data by Chargeprice (MIT), 2021. Ranges are estimates: usable battery ÷ average consumption.</p>
    </SheetPanel>
  );
}

function VehicleRow({ v, open, onToggle, unit }: { v: Vehicle; open: boolean; onToggle: () => void; unit: 'km' | 'mi' }) {
  const signedIn = useSessionStore((s) => s.session !== null);
  const chosen = useVehicleStore((s) => s.vehicle);
  const choose = useVehicleStore((s) => s.vehicleChosen);
  return (
    <li className="py-1">
      <button className="flex w-full items-baseline justify-between gap-2 rounded px-1 py-1 text-left hover:bg-slate-50" aria-expanded={open} onClick={onToggle}>
        <span className="font-medium">{v.name}</span>
        <span className="shrink-0 text-xs text-slate-600">
          {v.range ? `${formatDistance(v.range.min, unit).replace(/ (km|mi)$/, '')}–${formatDistance(v.range.max, unit)}` : 'range unknown'}
          {v.status !== 'current' ? ` · ${v.status}` : ''}
        </span>
      </button>
      {open ? (
        v.variants.length > 0 ? (
          <ul className="ml-2 mt-1 space-y-1" aria-label={`${v.name} variants`}>
            {v.variants.map((x) => {
              const mine = myVehicleFrom(v, x);
              const isChosen = chosen?.variantUuid === x.uuid;
              return (
                <li key={x.uuid} className="flex items-center justify-between gap-2 text-xs">
                  <span>
                    {x.name} {x.year ? `(${x.year})` : ''} · {x.batteryKwh ?? '?'} kWh · {[...new Set([...(x.ac?.ports ?? []), ...(x.dc?.ports ?? [])])].map((p) => PORT_LABELS[p as PortFamily] ?? p).join(', ')}
                    {x.range.est ? ` · ${formatDistance(x.range.est, unit)}` : ''}
                  </span>
                  <button
                    className={`shrink-0 rounded px-2 py-0.5 ${isChosen ? 'bg-emerald-700 text-white' : 'border border-emerald-700 text-emerald-800 hover:bg-emerald-50'} disabled:opacity-40`}
                    disabled={mine === null}
                    aria-pressed={isChosen}
                    onClick={() => mine && choose(mine)}
                  >
                    {isChosen ? 'Chosen' : 'Choose'}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="ml-2 mt-1 text-xs text-slate-600">
            {signedIn ? 'No variants in the data.' : 'Variants (battery, charging curve) are for signed-in users, as in the Leccy API. '}
            {!signedIn ? (
              <button className="underline" onClick={() => useUiStore.getState().authDialogOpened('sign-in')}>
                Sign in to choose one
              </button>
            ) : null}
          </p>
        )
      ) : null}
    </li>
  );
}
