import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSessionStore } from '../../../stores/session-store';
import { useUiStore } from '../../../stores/ui-store';
import { useReferenceData } from '../../filters/api/get-reference-data';
import { usePostCheckin } from '../api/checkins';
import { groupStatusTypes, ratingOf } from '../checkin-groups';

const MAX_COMMENT = 2000;
const MAX_PHOTOS = 4;
const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Report what happened at this charger: outcome, comment type (incl. fault report), kW reached, vehicle, photos. */
export function CheckinForm({ locationId }: { locationId: number }) {
  const session = useSessionStore((s) => s.session);
  const openAuth = useUiStore((s) => s.authDialogOpened);
  const { data: refs } = useReferenceData();
  const post = usePostCheckin(locationId);
  const [statusId, setStatusId] = useState('10');
  const [commentType, setCommentType] = useState('10');
  const [comment, setComment] = useState('');
  const [kw, setKw] = useState('');
  const [vehicle, setVehicle] = useState('');
  const [photos, setPhotos] = useState<Array<{ file: File; url: string }>>([]);
  const id = useId();
  // Preview URLs are also shown by the optimistic check-in after the form is cleared, so they are all released
  // together when the panel closes rather than when a preview leaves the form.
  const created = useRef<string[]>([]);
  useEffect(() => () => created.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const preview = (file: File) => {
    const url = URL.createObjectURL(file);
    created.current.push(url);
    return url;
  };

  if (!session) {
    return (
      <div className="mt-3 rounded bg-slate-50 p-2 text-sm" data-testid="checkin-signin">
        <button className="text-emerald-800 underline" onClick={() => openAuth('sign-in')}>
          Sign in
        </button>{' '}
        or{' '}
        <button className="text-emerald-800 underline" onClick={() => openAuth('sign-up')}>
          create an account
        </button>{' '}
        to check in.
      </div>
    );
  }
  if (!refs) return <div aria-busy="true" className="mt-3 h-24 animate-pulse rounded bg-slate-100" />;

  const groups = groupStatusTypes(refs.CheckinStatusTypes);
  const status = refs.CheckinStatusTypes.find((t) => String(t.ID) === statusId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const kilowatts = kw.trim() === '' ? null : Number(kw);
    post.mutate(
      {
        rating: ratingOf(status),
        checkinStatusTypeId: status ? status.ID : null,
        commentTypeId: Number(commentType),
        comment,
        kilowatts: kilowatts !== null && Number.isFinite(kilowatts) ? kilowatts : null,
        vehicle,
        photos: photos.map((p) => p.file),
        previews: photos.map((p) => p.url),
        statusTitle: status?.Title ?? null,
        commentTypeTitle: refs.UserCommentTypes.find((t) => String(t.ID) === commentType)?.Title ?? null,
      },
      {
        onSuccess: () => {
          setComment('');
          setKw('');
          setPhotos([]);
        },
      },
    );
  };
  const field = 'mt-0.5 w-full rounded border border-slate-300 px-2 py-1';

  return (
    <form className="mt-3 space-y-2 rounded border border-slate-200 p-2 text-sm" onSubmit={submit} data-testid="checkin-form" aria-labelledby={`${id}-t`}>
      <h4 id={`${id}-t`} className="font-semibold">
        Check in
      </h4>
      <div>
        <label htmlFor={`${id}-status`}>What happened?</label>
        <select id={`${id}-status`} className={field} value={statusId} onChange={(e) => setStatusId(e.target.value)} data-testid="checkin-status">
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.types.map((t) => (
                <option key={t.ID} value={t.ID}>
                  {t.Title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-type`}>Kind of comment</label>
        <select id={`${id}-type`} className={field} value={commentType} onChange={(e) => setCommentType(e.target.value)} data-testid="checkin-comment-type">
          {refs.UserCommentTypes.map((t) => (
            <option key={t.ID} value={t.ID}>
              {t.Title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <div className="w-24">
          <label htmlFor={`${id}-kw`}>kW reached</label>
          <input id={`${id}-kw`} className={field} type="number" min={0} max={1000} step="0.1" inputMode="decimal" value={kw} onChange={(e) => setKw(e.target.value)} />
        </div>
        <div className="flex-1">
          <label htmlFor={`${id}-vehicle`}>Vehicle</label>
          <input id={`${id}-vehicle`} className={field} maxLength={100} placeholder="e.g. Kia EV6" value={vehicle} onChange={(e) => setVehicle(e.target.value)} />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-comment`}>Comment</label>
        <textarea id={`${id}-comment`} className={field} rows={3} maxLength={MAX_COMMENT} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="checkin-comment" />
        <div className="text-right text-xs text-slate-500">
          {comment.length}/{MAX_COMMENT}
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-photo`}>Photos (JPEG, PNG or WebP, up to {MAX_PHOTOS})</label>
        <input
          id={`${id}-photo`}
          className="mt-0.5 block w-full text-xs"
          type="file"
          accept={ACCEPT}
          multiple
          data-testid="checkin-photo"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
            setPhotos((p) => [...p, ...files.map((file) => ({ file, url: preview(file) }))]);
            e.target.value = '';
          }}
        />
        {photos.length ? (
          <ul className="mt-1 flex flex-wrap gap-1" aria-label="Selected photos">
            {photos.map((p, i) => (
              <li key={p.url} className="relative">
                <img src={p.url} alt={`Selected photo ${i + 1}`} className="h-14 w-14 rounded object-cover" data-testid="photo-preview" />
                <button type="button" className="absolute -right-1 -top-1 rounded-full bg-slate-800 px-1 text-xs text-white" aria-label={`Remove photo ${i + 1}`} onClick={() => setPhotos((list) => list.filter((x) => x !== p))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {post.isError ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-800">
          Check-in not saved: {post.error.message}
        </p>
      ) : null}
      <button type="submit" className="rounded bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800 disabled:opacity-60" disabled={post.isPending} data-testid="checkin-submit">
        {post.isPending ? 'Saving…' : 'Post check-in'}
      </button>
    </form>
  );
}
