import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { FAULT_REPORT_COMMENT_TYPE, GENERAL_COMMENT_TYPE, PhotoCaption, ReviewSubmission } from '../../../shared/api/checkins';
import { paramErrors, queryBool } from '../../../shared/api/query-params';
import type { AppDeps } from '../../app-deps';
import { requireUser, type AppEnv } from '../../auth/caller';
import type { CheckinRow } from '../../repositories/checkin-repository';
import { plugsharePhoto, plugshareReview } from '../checkin-serializers';
import { badRequest, failure } from '../http-errors';
import { requestInput } from '../request-input';
import { baseUrlOf } from './locations.routes';

/** PlugShare rating → the OCM check-in status it stands for when the client names none. */
const STATUS_FOR_RATING = { 1: 10, 0: null, [-1]: 200 } as const;

const idParam = (c: Context, name = 'id') => {
  const v = c.req.param(name) ?? '';
  return /^\d{1,12}$/.test(v) ? Number(v) : null;
};

/** Files of a multipart body under `field` (one or many). */
async function files(input: Record<string, unknown>, field: string): Promise<Buffer[]> {
  const v = input[field];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out: Buffer[] = [];
  for (const f of list) if (f instanceof File) out.push(Buffer.from(await f.arrayBuffer()));
  return out;
}

/** PlugShare-shaped reviews (check-ins) and photos of a location. */
export function reviewRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>({ strict: false });
  const limit = bodyLimit({
    // a few photos plus the form fields
    maxSize: deps.env.PHOTO_MAX_BYTES * 4 + 64 * 1024,
    onError: (c) => c.json({ status: 413, error: 'Payload Too Large', message: `The request body is larger than allowed (photos up to ${Math.round(deps.env.PHOTO_MAX_BYTES / 1048576)} MB each, at most 4)` }, 413),
  });
  /** Signed-in user, location id and body of an upload route, or the error response. */
  const upload = async (c: Context<AppEnv>) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const id = idParam(c);
    if (id === null) return badRequest(c, [{ parameter: 'id', message: 'expected a location id' }]);
    const input = await requestInput(c);
    if (input === null) return badRequest(c, [{ parameter: 'body', message: 'expected a JSON object or form fields' }]);
    return { userId, id, input };
  };
  const reviewsOf = (c: Context, locationId: number, problemsOnly: boolean) => {
    const refs = deps.references.all();
    const baseUrl = baseUrlOf(c, deps.env.PUBLIC_BASE_URL);
    const photos = deps.checkins.photosForLocations([locationId]).get(locationId) ?? [];
    return (deps.checkins.forLocations([locationId], { problemsOnly }).get(locationId) ?? []).map((row) => plugshareReview(row, refs, photos, baseUrl));
  };

  r.get('/locations/:id/reviews', (c) => {
    const id = idParam(c);
    if (id === null) return badRequest(c, [{ parameter: 'id', message: 'expected a location id' }]);
    const problems = queryBool.optional().safeParse(c.req.query('problems_only'));
    if (!problems.success) return badRequest(c, [{ parameter: 'problems_only', message: 'expected true or false' }]);
    if (!deps.checkins.locationExists(id)) return c.json({ status: 404, error: 'Not Found', message: `No location ${id}` }, 404);
    return c.json(reviewsOf(c, id, problems.data ?? false));
  });

  r.post('/locations/:id/reviews', limit, async (c) => {
    const req = await upload(c);
    if (req instanceof Response) return req;
    const { userId, id, input } = req;
    const parsed = ReviewSubmission.safeParse(input);
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const b = parsed.data;
    const photos = [...(await files(input, 'photo')), ...(await files(input, 'photos'))].map((bytes) => ({ bytes, field: 'photo' }));
    if (photos.length > 4) return badRequest(c, [{ parameter: 'photo', message: 'at most 4 photos per check-in' }]);
    const user = deps.accounts.userById(userId);
    const outcome = await deps.checkinService.submit(
      {
        locationId: id,
        userId,
        userName: user?.display_name ?? null,
        commentTypeId: b.comment_type_id ?? (b.rating === -1 ? FAULT_REPORT_COMMENT_TYPE : GENERAL_COMMENT_TYPE),
        checkinStatusTypeId: b.checkin_status_type_id ?? STATUS_FOR_RATING[b.rating],
        rating: null,
        reviewRating: b.rating,
        comment: b.comment ?? null,
        relatedUrl: null,
        kwReached: b.kilowatts ?? null,
        vehicle: b.vehicle ?? null,
        finishedAt: b.finished ?? null,
      },
      photos,
    );
    if (!outcome.ok) return failure(c, outcome);
    const row = deps.checkins.byId(outcome.id) as CheckinRow;
    const stored = deps.checkins.photosForLocations([id]).get(id) ?? [];
    const review = plugshareReview(row, deps.references.all(), stored, baseUrlOf(c, deps.env.PUBLIC_BASE_URL));
    return c.json({ ...review, location_score: deps.checkins.stats(id)?.score ?? null }, 201);
  });

  r.delete('/reviews/:id', (c) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const id = idParam(c);
    if (id === null) return badRequest(c, [{ parameter: 'id', message: 'expected a review id' }]);
    return deps.checkins.remove(id, userId) ? c.body(null, 204) : c.json({ status: 404, error: 'Not Found', message: `You have no check-in ${id}` }, 404);
  });

  r.post('/locations/:id/photos', limit, async (c) => {
    const req = await upload(c);
    if (req instanceof Response) return req;
    const { userId, id, input } = req;
    const caption = PhotoCaption.safeParse(input);
    if (!caption.success) return badRequest(c, paramErrors(caption.error));
    const [bytes, ...more] = await files(input, 'photo');
    if (!bytes || more.length > 0) return badRequest(c, [{ parameter: 'photo', message: 'send exactly one file in the photo field' }]);
    const outcome = await deps.checkinService.addPhoto(id, userId, bytes, caption.data.caption ?? null);
    if (!outcome.ok) return failure(c, outcome);
    const row = deps.checkins.photosForLocations([id]).get(id)?.find((p) => p.id === outcome.id);
    return c.json(row ? plugsharePhoto(row, baseUrlOf(c, deps.env.PUBLIC_BASE_URL)) : { id: outcome.id }, 201);
  });

  const servePhoto = (variant: 'original' | 'thumbnail') => (c: Context) => {
    const id = idParam(c);
    const photo = id === null ? undefined : deps.checkins.photoBytes(id);
    if (!photo) return c.json({ status: 404, error: 'Not Found', message: 'No such photo' }, 404);
    const bytes = variant === 'original' ? photo.original : photo.thumbnail;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': variant === 'original' ? photo.mime : photo.thumbnailMime,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  };
  r.get('/photos/:id', servePhoto('original'));
  r.get('/photos/:id/thumbnail', servePhoto('thumbnail'));
  return r;
}
