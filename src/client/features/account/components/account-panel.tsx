import { useState, type FormEvent } from 'react';
import { SheetPanel } from '../../../components/sheet-panel';
import { useSessionStore } from '../../../stores/session-store';
import { useUiStore } from '../../../stores/ui-store';
import { useApiKeys, useCreateApiKey, useRequestCount, useRevokeApiKey, useSignOut } from '../api/account';

/** The signed-in driver's account: this month's API requests by day, API keys, sign out. */
export function AccountPanel() {
  const session = useSessionStore((s) => s.session);
  const close = () => useUiStore.getState().accountToggled(false);
  const signOut = useSignOut();
  const counts = useRequestCount(session !== null);
  const keys = useApiKeys(session !== null);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [label, setLabel] = useState('');
  if (!session) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (label.trim()) create.mutate(label.trim(), { onSuccess: () => setLabel('') });
  };
  const c = counts.data;
  const used = c && c.limit ? Math.min(100, (100 * c.total) / c.limit) : 0;

  return (
    <SheetPanel placement="left" title="Your account" titleId="account-title" testId="account-panel" closeLabel="Close account" onClose={close}>
      <p className="text-slate-700">
        {session.user.name} · {session.user.email} · <span className="capitalize">{session.user.access}</span> access
      </p>
      <button className="mt-2 rounded border border-slate-300 px-3 py-1 hover:bg-slate-50" onClick={() => signOut.mutate(undefined, { onSuccess: close })} data-testid="sign-out">
        Sign out
      </button>

      <section className="mt-4" aria-labelledby="requests-title">
        <h3 id="requests-title" className="font-semibold">
          API requests this month
        </h3>
        {counts.isPending ? <div aria-busy="true" className="mt-1 h-4 animate-pulse rounded bg-slate-100" /> : null}
        {counts.isError ? <p role="alert" className="text-red-700">Could not load request counts: {counts.error.message}</p> : null}
        {c ? (
          <>
            <p className="mt-1" data-testid="request-total">
              {c.total} {c.limit ? `of ${c.limit}` : ''} requests in {c.month}
            </p>
            {c.limit ? (
              <div className="mt-1 h-2 rounded bg-slate-100" role="progressbar" aria-valuenow={c.total} aria-valuemin={0} aria-valuemax={c.limit} aria-label="Monthly requests used">
                <div className={`h-2 rounded ${used > 90 ? 'bg-red-600' : 'bg-emerald-600'}`} style={{ width: `${used}%` }} />
              </div>
            ) : null}
            {c.days.length ? (
              <table className="mt-2 w-full text-xs">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="font-normal">Day</th>
                    <th className="text-right font-normal">Requests</th>
                  </tr>
                </thead>
                <tbody>
                  {c.days.map((d) => (
                    <tr key={d.date}>
                      <td>{d.date}</td>
                      <td className="text-right">{d.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-xs text-slate-500">No requests with your token or keys yet this month.</p>
            )}
          </>
        ) : null}
      </section>

      <section className="mt-4" aria-labelledby="keys-title">
        <h3 id="keys-title" className="font-semibold">
          API keys
        </h3>
        <p className="text-xs text-slate-600">
          Programs send a key as <code>?key=…</code> or an <code>X-API-Key</code> header, as with Open Charge Map.
        </p>
        <form className="mt-2 flex gap-2" onSubmit={submit}>
          <label className="sr-only" htmlFor="key-label">
            Key label
          </label>
          <input id="key-label" className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1" placeholder="Label, e.g. home dashboard" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
          <button className="rounded bg-emerald-700 px-3 py-1 text-white hover:bg-emerald-800 disabled:opacity-60" disabled={create.isPending || !label.trim()}>
            Create
          </button>
        </form>
        {create.data ? (
          <div role="status" className="mt-2 rounded bg-emerald-50 p-2 text-xs">
            New key (shown once — copy it now): <code className="break-all font-mono" data-testid="new-api-key">{create.data.key}</code>{' '}
            <button className="underline" onClick={() => void navigator.clipboard?.writeText(create.data.key)}>
              Copy
            </button>
          </div>
        ) : null}
        {create.isError || revoke.isError ? <p role="alert" className="mt-1 text-red-700">{(create.error ?? revoke.error)?.message}</p> : null}
        {keys.isPending ? <div aria-busy="true" className="mt-2 h-8 animate-pulse rounded bg-slate-100" /> : null}
        <ul className="mt-2 space-y-1">
          {keys.data?.map((k) => (
            <li key={k.id} className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1">
              <span>
                {k.label} <code className="text-xs text-slate-500">{k.prefix}…</code>
                <span className="block text-xs text-slate-500">{k.last_used_at ? `last used ${k.last_used_at.slice(0, 10)}` : 'never used'}</span>
              </span>
              <button className="text-xs text-red-700 underline" onClick={() => revoke.mutate(k.id)} aria-label={`Revoke key ${k.label}`}>
                Revoke
              </button>
            </li>
          ))}
          {keys.data?.length === 0 ? <li className="text-xs text-slate-500">No keys yet.</li> : null}
        </ul>
      </section>
    </SheetPanel>
  );
}
