import { useEffect, useMemo, useRef, useState } from 'react';
import type { Chart } from 'chart.js';
import { DAYS, localWeekHour } from '../../../../shared/telemetry/occupancy';
import type { Occupancy } from '../../../../shared/api/occupancy';
import { LoadError, RowsSkeleton } from '../../../components/query-states';
import { useOccupancy } from '../api/get-occupancy';
import { SimulatedTag } from './live-status';

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

/** The bars of one local weekday: % of samples in use, or check-ins per hour where no feed reports. */
function dayValues(o: Occupancy, day: number) {
  const unit = o.samples > 0 ? ('percent' as const) : ('checkins' as const);
  const values = o.buckets.slice(day * 24, day * 24 + 24).map((b) => (unit === 'percent' ? (b.occupancy === null ? null : b.occupancy * 100) : b.checkins));
  return { unit, values };
}

/** "Usually busy …" and hour-by-hour bars per weekday, in the location's local time ("popular times"). */
export function OccupancyChart({ locationId }: { locationId: number }) {
  const { data, isPending, isError, error, refetch } = useOccupancy(locationId);
  return (
    <section className="mt-4" aria-labelledby="occupancy-title" data-testid="occupancy">
      <h3 id="occupancy-title" className="text-sm font-semibold text-slate-800">
        Usually busy
      </h3>
      {isPending ? <RowsSkeleton rows={1} height="h-28" /> : isError ? <LoadError what="the usual busy times" error={error} onRetry={() => void refetch()} /> : <OccupancyView o={data} />}
    </section>
  );
}

function OccupancyView({ o }: { o: Occupancy }) {
  const [now] = useState(() => localWeekHour(Date.now(), o.time_zone));
  const [day, setDay] = useState(now.day);
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const empty = o.samples === 0 && o.checkins === 0;
  const { unit, values } = useMemo(() => dayValues(o, day), [o, day]);
  const highlight = day === now.day ? now.hour : -1;

  useEffect(() => {
    if (empty || !canvas.current) return;
    let cancelled = false;
    const el = canvas.current;
    void import('./occupancy-canvas').then(({ drawBars }) => {
      if (cancelled) return;
      chart.current?.destroy();
      chart.current = drawBars(el, { labels: HOURS, values, highlight, unit });
      el.dataset.drawn = String(values.filter((v) => v !== null).length);
    });
    return () => {
      cancelled = true;
    };
  }, [empty, values, highlight, unit]);
  useEffect(() => () => chart.current?.destroy(), []);

  if (empty) {
    return <p className="mt-1 text-sm text-slate-500">No history yet: busy times appear once a live feed or check-ins report this location.</p>;
  }
  const busiest = values.reduce<number>((best, v, h) => (v !== null && (best < 0 || v > (values[best] ?? -1)) ? h : best), -1);
  const described =
    busiest < 0 ? `${DAYS[day]}: no data` : unit === 'percent' ? `${DAYS[day]}: busiest at ${HOURS[busiest]} (${Math.round(values[busiest] ?? 0)} % in use)` : `${DAYS[day]}: most check-ins at ${HOURS[busiest]}`;
  return (
    <div>
      <p className="mt-1 text-sm text-slate-700" data-testid="busy-summary">
        {o.summary ?? (unit === 'percent' ? 'Rarely busy' : `From ${o.checkins} check-ins (no live feed here)`)}
        {o.simulated ? (
          <>
            {' '}
            <SimulatedTag />
          </>
        ) : null}
      </p>
      <div className="mt-2 flex gap-1" role="group" aria-label="Day of the week">
        {DAYS.map((d, i) => (
          <button key={d} type="button" aria-pressed={i === day} onClick={() => setDay(i)} className={`rounded px-1.5 py-0.5 text-xs ${i === day ? 'bg-pink-700 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200'}`}>
            {d}
          </button>
        ))}
      </div>
      <div className="relative mt-2 h-32">
        <canvas ref={canvas} role="img" aria-label={described} data-testid="occupancy-canvas" />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Last {o.days} days, local time ({o.time_zone}); {unit === 'percent' ? `${o.samples.toLocaleString()} status samples` : 'check-ins per hour'}
        {o.checkins && unit === 'percent' ? ` and ${o.checkins} check-ins` : ''}.
      </p>
      <table className="sr-only">
        <caption>{described}</caption>
        <tbody>
          {values.map((v, h) => (
            <tr key={h}>
              <th scope="row">{HOURS[h]}</th>
              <td>{v === null ? 'no data' : unit === 'percent' ? `${Math.round(v)} % in use` : `${v} check-ins`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
