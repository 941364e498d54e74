import { PORT_LABELS } from '../../../../shared/vehicles/ports';
import { estimatedRangeKm, remainingRangeKm } from '../../../../shared/vehicles/vehicle-spec';
import { formatDistance } from '../../../lib/units';
import { useFiltersStore } from '../../../stores/filters-store';
import { useSettingsStore } from '../../../stores/settings-store';
import { useVehicleStore } from '../../../stores/vehicle-store';
import { TelematicsLink } from './telematics-link';

/** My vehicle now: state of charge, reserve, what is left of the range, and what the map does with it. */
export function MyVehicleCard() {
  const { vehicle, soc, reservePercent, showRangeRing, socChanged, reserveChanged, rangeRingToggled, vehicleCleared } = useVehicleStore();
  const unit = useSettingsStore((s) => s.distanceUnit);
  const ports = useFiltersStore((s) => s.filters.vehiclePorts);
  const filtersChanged = useFiltersStore((s) => s.filtersChanged);
  if (!vehicle) return <p className="mt-2 text-slate-700">Choose your vehicle below to see only chargers it can use, how far it can go and what a charge costs.</p>;
  const full = estimatedRangeKm(vehicle.spec);
  const left = remainingRangeKm(vehicle.spec, soc, reservePercent);
  const compatibleOnly = ports.length > 0;
  return (
    <section className="mt-2 rounded-lg bg-emerald-50 p-3" aria-label="My vehicle" data-testid="my-vehicle">
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="font-semibold">{vehicle.name}</p>
          <p className="text-xs text-slate-700">
            {vehicle.variantName} · {vehicle.spec.batteryKwh} kWh · {vehicle.ports.map((p) => PORT_LABELS[p]).join(', ')}
            {full !== null ? ` · ${formatDistance(full, unit)} full` : ''}
          </p>
        </div>
        <button
          className="text-xs text-slate-600 underline"
          onClick={() => {
            vehicleCleared();
            filtersChanged({ vehiclePorts: [] });
          }}
        >
          Clear
        </button>
      </div>
      <label className="mt-2 block text-xs">
        State of charge: <strong>{soc} %</strong>
        <input type="range" min={0} max={100} value={soc} onChange={(e) => socChanged(Number(e.target.value))} className="w-full accent-emerald-700" aria-label="State of charge" />
      </label>
      <TelematicsLink />
      <label className="mt-2 block text-xs">
        Reserve kept: {reservePercent} %
        <input type="range" min={0} max={50} value={reservePercent} onChange={(e) => reserveChanged(Number(e.target.value))} className="w-full accent-emerald-700" aria-label="Reserve" />
      </label>
      <p className="text-sm" data-testid="range-left">
        Range left: <strong>{left === null ? 'unknown (no consumption figure)' : formatDistance(left, unit)}</strong>
      </p>
      <label className="mt-1 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={compatibleOnly} onChange={(e) => filtersChanged({ vehiclePorts: e.target.checked ? vehicle.ports : [] })} />
        Only chargers my vehicle can use
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={showRangeRing} disabled={left === null} onChange={(e) => rangeRingToggled(e.target.checked)} />
        Show reachable range on the map
      </label>
    </section>
  );
}
