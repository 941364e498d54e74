import type { Plan } from '../../../../shared/planner/plan-route';
import { formatDistance, type DistanceUnit } from '../../../lib/units';
import { useMapViewStore } from '../../../stores/map-view-store';
import { money } from '../../tariffs/estimate';

/**
 * Element Timing (a standard web performance API): the browser records when the plan is first painted, so
 * measurements (bench:web, or real-user monitoring) see when it was on screen rather than when a poll noticed it.
 */
const PLAN_TIMING = { elementtiming: 'trip-plan' } as object;

const minutes = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} h ${Math.round(m % 60)} min` : `${Math.round(m)} min`);

/** The stops of a plan with arrival and departure state of charge, charge time and cost, and the trip's totals. */
export function PlanSummary({ plan, vehicleName, unit }: { plan: Plan; vehicleName: string; unit: DistanceUnit }) {
  const locationSelected = useMapViewStore((s) => s.locationSelected);
  if (!plan.ok) {
    return (
      <p role="status" className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900" data-testid="plan-none" {...PLAN_TIMING}>
        {plan.reason[0].toUpperCase() + plan.reason.slice(1)}. Widen the corridor, lower the minimum arrival charge or start fuller.
      </p>
    );
  }
  const cost = Object.entries(plan.costByCurrency).map(([c, v]) => money(v, c)).join(' + ');
  return (
    <section className="mt-2 rounded-lg bg-emerald-50 p-2 text-sm" aria-label="Charging plan" data-testid="plan">
      <p className="font-semibold" {...PLAN_TIMING}>
        {vehicleName}: {plan.stops.length === 0 ? 'no charging stop needed' : `${plan.stops.length} charging stop${plan.stops.length === 1 ? '' : 's'}`}
      </p>
      <p className="text-xs text-slate-700" data-testid="plan-totals">
        {formatDistance(plan.drivenKm, unit)} · driving {minutes(plan.driveMinutes)} · charging {minutes(plan.chargeMinutes)} · arrive with {plan.arrivalSoc} %
        {cost ? ` · ${cost}` : ''}
        {plan.unpricedStops ? ` (+ ${plan.unpricedStops} stop${plan.unpricedStops === 1 ? '' : 's'} without a known price)` : ''}
      </p>
      <ol className="mt-1 space-y-1">
        {plan.stops.map((s, i) => (
          <li key={s.charger.id} data-testid="plan-stop" data-arrival={s.arrivalSoc} data-departure={s.departureSoc}>
            <button className="w-full rounded bg-white px-2 py-1 text-left hover:bg-emerald-100" onClick={() => locationSelected(s.charger.id)}>
              <span className="font-medium">
                {i + 1}. {s.charger.name}
              </span>
              <span className="block text-xs text-slate-700">
                at {formatDistance(s.drivenKm, unit)} · arrive {Math.round(s.arrivalSoc)} % → leave {Math.round(s.departureSoc)} % · {minutes(s.chargeMinutes)} at {s.charger.powerKw} kW{' '}
                {s.charger.current.toUpperCase()} · {s.cost.ok ? money(s.cost.total, s.cost.currency) : 'price unknown'}
                {s.charger.network ? ` · ${s.charger.network}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
