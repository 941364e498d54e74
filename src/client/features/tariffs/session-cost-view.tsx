import type { SessionCost } from '../../../shared/tariffs/session-cost';
import { money } from './estimate';

/** A session's total with its explainable breakdown (folded). */
export function SessionCostView({ cost, label }: { cost: SessionCost; label: string }) {
  if (!cost.ok) return <p className="text-xs text-slate-600">{cost.reason}</p>;
  return (
    <details className="text-sm" data-testid="session-cost">
      <summary className="cursor-pointer">
        {label}: <strong>{money(cost.total, cost.currency)}</strong>
        <span className="text-xs text-slate-600">
          {' '}
          · {Math.round(cost.minutes)} min · {cost.billedKwh} kWh
        </span>
      </summary>
      <ul className="ml-4 mt-1 list-disc text-xs text-slate-700">
        {cost.lines.length === 0 ? <li>Nothing to pay under this rate.</li> : null}
        {cost.lines.map((l) => (
          <li key={l.label}>
            {l.label}: {money(l.amount, cost.currency)} <span className="text-slate-500">({l.detail})</span>
          </li>
        ))}
        <li>
          Charging at about {cost.averageKw} kW on average, limited by the {cost.limitedBy}.
        </li>
      </ul>
    </details>
  );
}
