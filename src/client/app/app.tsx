import { NearbyList } from '../features/nearby/components/nearby-list';
import { Attribution } from './attribution';

export function App() {
  return (
    <main className="mx-auto max-w-3xl p-4">
      <header className="mb-4">
        <h1 className="text-2xl font-bold text-emerald-800">EV charging map</h1>
        <p className="text-sm text-slate-600">
          Open data, open API: <a className="underline" href="/v3/poi?maxresults=10">/v3/poi</a> (Open Charge Map v3-compatible),{' '}
          <a className="underline" href="/v3/referencedata">/v3/referencedata</a>.
        </p>
      </header>
      <NearbyList />
      <Attribution />
    </main>
  );
}
