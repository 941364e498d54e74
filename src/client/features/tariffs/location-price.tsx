import type { PlugShareLocation } from '../../../shared/api/responses';
import { formatMoney } from '../../../shared/tariffs/currency';
import { describePrice } from '../../../shared/tariffs/parse-price-text';
import { parsedFromTariff } from '../../../shared/tariffs/price-components';
import { useUiStore } from '../../stores/ui-store';
import { useVehicleStore } from '../../stores/vehicle-store';
import { bestConnector, estimate, pricesFromRate, pricesFromTariff } from './estimate';
import { SessionCostView } from './session-cost-view';

/** What charging costs here: the source's price text, what we read from it, and the session cost for my vehicle. */
export function LocationPrice({ l }: { l: PlugShareLocation }) {
  const vehicle = useVehicleStore((s) => s.vehicle);
  const plan = useVehicleStore((s) => s.session);
  const t = l.tariff;
  const prices = pricesFromTariff(t);
  const connector = vehicle ? bestConnector(l, vehicle) : null;
  const read =
    t && (t.status === 'exact' || t.status === 'free')
      ? describePrice(parsedFromTariff(t), (a) => formatMoney(a, t.currency ?? 'USD'))
      : null;
  const sessionLabel = vehicle && connector ? `${plan.fromPercent} → ${plan.toPercent} % for ${vehicle.name} (${connector.name}, ${connector.powerKw} kW)` : '';
  return (
    <section className="mt-4" aria-label="Price" data-testid="location-price">
      <h3 className="text-sm font-semibold text-slate-800">Price</h3>
      {!t ? (
        <p className="text-sm text-slate-600">The source gives no price for this location.</p>
      ) : (
        <div className="text-sm">
          <p>
            <q className="text-slate-700">{t.text}</q>
            {t.text_date ? <span className="text-xs text-slate-500"> · as of {t.text_date.slice(0, 10)}</span> : null}
          </p>
          {read ? (
            <p className="text-xs text-emerald-800" data-testid="price-read">
              Read as: {read}
              {t.parking_fee_applies ? ' · parking fees apply' : ''}
            </p>
          ) : (
            <p className="text-xs text-amber-800" data-testid="price-unread">
              See the price text: it has conditions we do not price ({t.notes.join('; ') || 'not understood'}).
            </p>
          )}
        </div>
      )}
      {!vehicle ? (
        <button className="mt-1 text-xs underline" onClick={() => useUiStore.getState().toolPanelToggled('vehicle', true)}>
          Choose your vehicle to see what a charge costs here
        </button>
      ) : !connector ? (
        <p className="mt-1 text-xs text-slate-600">Your {vehicle.name} cannot use the connectors here.</p>
      ) : prices ? (
        <SessionCostView cost={estimate(vehicle, plan, connector, prices)} label={sessionLabel} />
      ) : null}
      {l.network_rates && l.network_rates.length > 0 ? (
        <ul className="mt-2 space-y-1" aria-label="Network rates">
          {l.network_rates.flatMap((n) =>
            n.services.flatMap((s) =>
              s.rates.map((r) => (
                <li key={r.id} className="rounded border border-slate-200 p-1.5 text-xs">
                  <span className="font-medium">
                    {n.name} · {s.name} · {r.name}
                  </span>
                  {r.isExample ? <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">Example data</span> : null}
                  {vehicle && connector ? <SessionCostView cost={estimate(vehicle, plan, connector, pricesFromRate(r))} label="This session" /> : null}
                </li>
              )),
            ),
          )}
        </ul>
      ) : null}
    </section>
  );
}
