import { useState } from 'react';
import type { Review } from '../../../../shared/api/checkins';
import { useSessionStore } from '../../../stores/session-store';
import { useDeleteCheckin } from '../api/checkins';
import { PhotoThumb } from './photo-thumb';

const MARK = { 1: { sign: '✓', label: 'Success', style: 'bg-emerald-100 text-emerald-800' }, 0: { sign: '•', label: 'Comment', style: 'bg-slate-100 text-slate-700' }, [-1]: { sign: '✕', label: 'Problem', style: 'bg-red-100 text-red-800' } } as const;

/** A location's check-ins, newest first, with a problems-only switch. Comments are rendered as text, never as HTML. */
export function CheckinList({ locationId, reviews }: { locationId: number; reviews: Array<Review & { pending?: boolean }> }) {
  const [problemsOnly, setProblemsOnly] = useState(false);
  const me = useSessionStore((s) => s.session?.user.id ?? null);
  const remove = useDeleteCheckin(locationId);
  const shown = problemsOnly ? reviews.filter((r) => r.rating === -1) : reviews;

  return (
    <section className="mt-4" aria-labelledby="checkins-title">
      <div className="flex items-center justify-between">
        <h3 id="checkins-title" className="text-sm font-semibold text-slate-800">
          Check-ins ({reviews.length})
        </h3>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} data-testid="problems-only" />
          Problems only
        </label>
      </div>
      {remove.isError ? <p role="alert" className="text-xs text-red-700">Could not delete: {remove.error.message}</p> : null}
      {shown.length === 0 ? <p className="mt-1 text-xs text-slate-500">{problemsOnly ? 'No problems reported.' : 'No check-ins yet. Be the first.'}</p> : null}
      <ol className="mt-1 space-y-2" data-testid="checkins">
        {shown.map((r) => {
          const m = MARK[r.rating];
          return (
            <li key={r.id} className={`rounded border border-slate-200 p-2 text-sm ${r.pending ? 'opacity-70' : ''}`} data-testid="checkin">
              <div className="flex flex-wrap items-center gap-1">
                <span className={`rounded px-1.5 text-xs font-medium ${m.style}`} aria-label={m.label}>
                  {m.sign}
                </span>
                <span className="font-medium">{r.checkin_status ?? r.comment_type ?? m.label}</span>
                {r.pending ? <span className="text-xs text-slate-500">saving…</span> : null}
              </div>
              <div className="text-xs text-slate-500">
                {r.created_at.slice(0, 10)}
                {r.user ? ` · ${r.user.display_name}` : ''}
                {r.kilowatts !== null ? ` · ${r.kilowatts} kW` : ''}
                {r.vehicle_name ? ` · ${r.vehicle_name}` : ''}
                {r.comment_type_id === 1000 ? ' · fault report' : ''}
              </div>
              {r.comment ? <p className="mt-1 whitespace-pre-wrap break-words" data-testid="checkin-comment-text">{r.comment}</p> : null}
              {r.photos.length ? (
                <div className="mt-1 flex flex-wrap gap-1">
                  {r.photos.map((p) => (
                    <PhotoThumb key={p.id} photo={p} alt="Check-in photo" />
                  ))}
                </div>
              ) : null}
              {me !== null && r.user?.id === me && !r.pending ? (
                <button className="mt-1 text-xs text-red-700 underline" onClick={() => remove.mutate(r.id)}>
                  Delete
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
