import { useState } from 'react';
import { useVehicleStore } from '../../../stores/vehicle-store';
import { ago } from '../../availability/live-text';
import { useLinkedCarLog } from '../api/telematics';

const VEHICLE_ID = /^vhcl[0-9A-HJKMNP-TV-Z]{26}$/i;

/** Link my car's telematics (an ev.energy vehicle id) so its reported state of charge replaces the slider. */
export function TelematicsLink() {
  const { telematics, socReportedAt, telematicsLinked, telematicsUnlinked } = useVehicleStore();
  const query = useLinkedCarLog();
  const [vehicleId, setVehicleId] = useState('');
  const [token, setToken] = useState('');
  const [open, setOpen] = useState(false);

  if (telematics) {
    return (
      <div className="mt-2 rounded border border-emerald-200 bg-white p-2 text-xs" data-testid="telematics">
        <div className="flex items-center justify-between gap-2">
          <span>
            Linked to <code>{telematics.vehicleId.slice(0, 10)}…</code>
          </span>
          <button className="underline" onClick={telematicsUnlinked}>
            Unlink
          </button>
        </div>
        {query.isPending ? (
          <p className="text-slate-500">Reading the car’s state of charge…</p>
        ) : query.isError ? (
          <p role="alert" className="text-red-800">
            Could not read the car: {query.error.message}.{' '}
            <button className="underline" onClick={() => void query.refetch()}>
              Retry
            </button>
          </p>
        ) : socReportedAt ? (
          <p data-testid="telematics-soc">State of charge from the car, {ago(socReportedAt)}.</p>
        ) : (
          <p className="text-slate-500">The car has not reported a state of charge yet.</p>
        )}
      </div>
    );
  }
  if (!open) {
    return (
      <button className="mt-2 text-xs text-emerald-800 underline" onClick={() => setOpen(true)}>
        Link my car’s telematics for a live state of charge
      </button>
    );
  }
  const valid = VEHICLE_ID.test(vehicleId.trim());
  return (
    <form
      className="mt-2 space-y-1 rounded border border-emerald-200 bg-white p-2 text-xs"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) telematicsLinked({ vehicleId: vehicleId.trim(), token: token.trim() || null });
      }}
    >
      <label className="block">
        Vehicle id (ev.energy, vhcl…)
        <input className="mt-0.5 w-full rounded border border-slate-300 px-1 py-0.5 font-mono" value={vehicleId} onChange={(e) => setVehicleId(e.target.value)} aria-invalid={vehicleId !== '' && !valid} placeholder="vhcl01HRFF3SEVSCRAV9B3CHVDFN0H" />
      </label>
      <label className="block">
        Token or API key (empty: use my signed-in account)
        <input className="mt-0.5 w-full rounded border border-slate-300 px-1 py-0.5" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </label>
      {vehicleId !== '' && !valid ? <p className="text-red-800">A vehicle id is “vhcl” and 26 letters and digits.</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={!valid} className="rounded bg-emerald-700 px-2 py-1 text-white disabled:opacity-50">
          Link
        </button>
        <button type="button" className="underline" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
