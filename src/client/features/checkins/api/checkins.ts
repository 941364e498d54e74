import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Review } from '../../../../shared/api/checkins';
import type { PlugShareLocation } from '../../../../shared/api/responses';
import { errorFrom } from '../../../lib/api-client';
import { authFetch, authJson } from '../../../lib/auth-fetch';
import { useSessionStore } from '../../../stores/session-store';
import { locationKeys } from '../../location-panel/api/get-location';

export interface CheckinDraft {
  rating: -1 | 0 | 1;
  checkinStatusTypeId: number | null;
  commentTypeId: number;
  comment: string;
  kilowatts: number | null;
  vehicle: string;
  photos: File[];
  /** Object URLs of the photos, shown in the optimistic entry. */
  previews: string[];
  statusTitle: string | null;
  commentTypeTitle: string | null;
}

const toForm = (d: CheckinDraft) => {
  const f = new FormData();
  f.set('rating', String(d.rating));
  if (d.checkinStatusTypeId !== null) f.set('checkin_status_type_id', String(d.checkinStatusTypeId));
  f.set('comment_type_id', String(d.commentTypeId));
  if (d.comment.trim()) f.set('comment', d.comment);
  if (d.kilowatts !== null) f.set('kilowatts', String(d.kilowatts));
  if (d.vehicle.trim()) f.set('vehicle', d.vehicle.trim());
  for (const p of d.photos) f.append('photo', p, p.name);
  return f;
};

/**
 * Posts a check-in. It appears in the panel at once (optimistic entry with a pending flag) and is rolled back
 * when the server refuses it; the location is then refetched for the new score and the stored photos.
 */
export function usePostCheckin(locationId: number) {
  const qc = useQueryClient();
  const key = locationKeys.detail(locationId);
  return useMutation({
    mutationFn: async (d: CheckinDraft) => {
      const res = await authFetch(`/api/locations/${locationId}/reviews`, { method: 'POST', body: toForm(d) });
      if (!res.ok) throw await errorFrom(res);
      return (await res.json()) as Review;
    },
    onMutate: async (d) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<PlugShareLocation>(key);
      const user = useSessionStore.getState().session?.user;
      const optimistic: Review & { pending: true } = {
        id: -Date.now(),
        rating: d.rating,
        created_at: new Date().toISOString(),
        finished: null,
        comment: d.comment.trim() || null,
        user: user ? { id: user.id, display_name: user.name } : null,
        volts: null,
        amps: null,
        kilowatts: d.kilowatts,
        vehicle_name: d.vehicle.trim() || null,
        checkin_status_type_id: d.checkinStatusTypeId,
        checkin_status: d.statusTitle,
        comment_type_id: d.commentTypeId,
        comment_type: d.commentTypeTitle,
        problem: d.rating === -1,
        source: 'local',
        photos: d.previews.map((url, i) => ({ id: -i - 1, created_at: '', url, thumbnail: url, caption: null })),
        pending: true,
      };
      if (previous) qc.setQueryData<PlugShareLocation>(key, { ...previous, reviews: [optimistic, ...previous.reviews] });
      return { previous };
    },
    onError: (_e, _d, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteCheckin(locationId: number) {
  const qc = useQueryClient();
  const key = locationKeys.detail(locationId);
  return useMutation({
    mutationFn: (id: number) => authJson<void>(`/api/reviews/${id}`, { method: 'DELETE' }),
    onMutate: async (id) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<PlugShareLocation>(key);
      if (previous) qc.setQueryData<PlugShareLocation>(key, { ...previous, reviews: previous.reviews.filter((r) => r.id !== id) });
      return { previous };
    },
    onError: (_e, _id, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}
