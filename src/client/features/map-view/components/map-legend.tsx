import { AVAILABILITY_COLOURS, POWER_COLOURS, STATUS_RING_COLOURS } from '../../../map/charger-colours';
import { POWER_CLASS_MIN_KW } from '../../../../shared/power-class';

const kw = POWER_CLASS_MIN_KW;
const POWER = [
  ['slow', `Slow (< ${kw.fast} kW)`],
  ['fast', `Fast (${kw.fast}–${kw.rapid} kW)`],
  ['rapid', `Rapid (${kw.rapid}–${kw.ultra} kW)`],
  ['ultra', `Ultra (${kw.ultra} kW +)`],
] as const;
const LIVE = [
  [1, 'Free now'],
  [2, 'In use'],
  [3, 'Offline'],
] as const;

/** What the map's colours mean: power class dots, status rings, live availability badges. */
export function MapLegend() {
  return (
    <details className="mt-1 text-xs text-slate-700" data-testid="map-legend">
      <summary className="cursor-pointer select-none text-slate-600">Legend</summary>
      <ul className="mt-1 grid grid-cols-2 gap-x-3 gap-y-0.5">
        {POWER.map(([k, label]) => (
          <li key={k} className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-full border-2 border-white" style={{ background: POWER_COLOURS[k] }} aria-hidden />
            {label}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-full border-2 bg-slate-300" style={{ borderColor: STATUS_RING_COLOURS.not_operational }} aria-hidden />
          Not operational
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-full border-2 bg-slate-300" style={{ borderColor: STATUS_RING_COLOURS.planned }} aria-hidden />
          Planned
        </li>
        {LIVE.map(([k, label]) => (
          <li key={k} className="flex items-center gap-1">
            <span className="inline-block h-2 w-2 rounded-full ring-1 ring-white" style={{ background: AVAILABILITY_COLOURS[k] }} aria-hidden />
            Live: {label}
          </li>
        ))}
      </ul>
    </details>
  );
}
