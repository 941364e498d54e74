import { useNearbyPois } from '../api/get-nearby-pois';

const TIMES_SQUARE = { latitude: 40.758, longitude: -73.9855 };

/** Nearest chargers to a fixed point, read from the OCM-compatible API: a first real view of the data. */
export function NearbyList() {
  const { data, isPending, isError, error, refetch } = useNearbyPois({ ...TIMES_SQUARE, maxresults: 20 });
  if (isPending) return <p aria-busy="true" className="text-slate-500">Loading chargers…</p>;
  if (isError)
    return (
      <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
        Could not load chargers: {error.message}{' '}
        <button className="underline" onClick={() => void refetch()}>
          Retry
        </button>
      </div>
    );
  return (
    <section aria-labelledby="nearby-heading">
      <h2 id="nearby-heading" className="mb-2 text-lg font-semibold">
        Nearest chargers to Times Square <span className="text-sm font-normal text-slate-500">({data.total} in the database)</span>
      </h2>
      <ol className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="nearby-list">
        {data.pois.map((p) => (
          <li key={p.ID} className="p-3" data-poi-id={p.ID}>
            <div className="font-medium">{p.AddressInfo.Title}</div>
            <div className="text-sm text-slate-600">
              {[p.AddressInfo.Town, p.AddressInfo.StateOrProvince].filter(Boolean).join(', ')} · {p.AddressInfo.Distance?.toFixed(2)} km
              {p.OperatorInfo ? ` · ${p.OperatorInfo.Title}` : ''}
            </div>
            <ul className="mt-1 flex flex-wrap gap-1 text-xs">
              {p.Connections.map((c, i) => (
                <li key={i} className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">
                  {c.ConnectionType?.Title ?? 'Unknown'}
                  {c.PowerKW ? ` · ${c.PowerKW} kW` : ''}
                  {c.Quantity ? ` ×${c.Quantity}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
