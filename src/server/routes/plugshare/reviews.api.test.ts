import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Review } from '../../../shared/api/checkins';
import { apiClient } from '../../test/api-client';
import { createSmallTestApp } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createSmallTestApp>>;
let api: ReturnType<typeof apiClient>;
let token: string;
let loc: number;
beforeAll(async () => {
  t = await createSmallTestApp({ CHECKINS_PER_LOCATION_PER_HOUR: '50', PHOTO_MAX_BYTES: '200000' });
  api = apiClient(t.request);
  token = (await api.signUp()).token;
  loc = t.locationIds[0];
});

/** A real JPEG carrying EXIF with a GPS position, as phones write them. */
const jpegWithGps = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Snap 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 42/1 51/1', GPSLongitudeRef: 'W', GPSLongitude: '74/1 0/1 21/1' } })
    .toBuffer();

const form = (fields: Record<string, string>, files: Array<{ field: string; bytes: Buffer; name: string; type: string }> = []) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return f;
};
const postForm = (url: string, body: FormData, auth = token) => t.request(url, { method: 'POST', body, headers: auth ? { Authorization: `Bearer ${auth}` } : {} });

describe('OCM check-in submission', () => {
  const valid = () => ({ ChargePointID: loc, CommentTypeID: 10, CheckinStatusTypeID: 10, UserName: 'A. Nickname', Comment: 'Free cake for EV owners!', Rating: 5, RelatedURL: 'http://example.org/cake' });

  it('accepts POST /v3/?action=comment_submission&format=json and POST /v3/comment, and lists it in includecomments', async () => {
    const a = await api.json('POST', '/v3/?action=comment_submission&format=json', valid(), token);
    expect(a.status).toBe(200);
    const body = (await a.json()) as { status: string; id: number; UserComment: Record<string, unknown> };
    expect(body.status).toBe('OK');
    expect(body.UserComment).toMatchObject({ ChargePointID: loc, CommentTypeID: 10, CheckinStatusTypeID: 10, UserName: 'A. Nickname', Rating: 5 });
    expect((await api.json('POST', '/v3/comment', { ...valid(), Comment: 'second' }, token)).status).toBe(200);

    const poi = (await (await t.request(`/v3/poi?chargepointid=${loc}&includecomments=true`)).json()) as Array<{ UserComments: Array<Record<string, unknown>> }>;
    const comments = poi[0].UserComments;
    expect(comments.map((c) => c.Comment)).toEqual(['second', 'Free cake for EV owners!']);
    expect(comments[1]).toMatchObject({ CommentType: { ID: 10, Title: 'General Comment' }, CheckinStatusType: { ID: 10, Title: 'Charged Successfully', IsPositive: true } });
    const camel = (await (await t.request(`/v3/poi?chargepointid=${loc}&includecomments=true&camelcase=true`)).json()) as Array<{ userComments: unknown[] }>;
    expect(camel[0].userComments.length).toBe(2);
  });

  it.each([
    [{ CommentTypeID: 10, CheckinStatusTypeID: 10 }, 'ChargePointID'],
    [{ ChargePointID: 1, CheckinStatusTypeID: 10 }, 'CommentTypeID'],
    [{ ChargePointID: 1, CommentTypeID: 10 }, 'CheckinStatusTypeID'],
    [{ ChargePointID: 'abc', CommentTypeID: 10, CheckinStatusTypeID: 10 }, 'ChargePointID'],
    [{ ChargePointID: 1, CommentTypeID: 10, CheckinStatusTypeID: 10, Rating: 9 }, 'Rating'],
    [{ ChargePointID: 1, CommentTypeID: 10, CheckinStatusTypeID: 10, RelatedURL: 'javascript:alert(1)' }, 'RelatedURL'],
  ])('refuses %j naming %s', async (body, parameter) => {
    const res = await api.json('POST', '/v3/comment', body, token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors.map((e) => e.parameter)).toContain(parameter);
  });

  it('validates against reference data and the location', async () => {
    const unknownType = await api.json('POST', '/v3/comment', { ...valid(), CommentTypeID: 77 }, token);
    expect(unknownType.status).toBe(400);
    expect(await unknownType.text()).toMatch(/CommentTypeID/);
    expect((await api.json('POST', '/v3/comment', { ...valid(), CheckinStatusTypeID: 999 }, token)).status).toBe(400);
    expect((await api.json('POST', '/v3/comment', { ...valid(), ChargePointID: 99 }, token)).status).toBe(404);
    expect((await api.json('POST', '/v3/?action=poi_submission', valid(), token)).status).toBe(400);
  });

  it('requires a signed-in user or API key', async () => {
    expect((await api.json('POST', '/v3/comment', valid())).status).toBe(401);
  });
});

describe('PlugShare reviews', () => {
  it('posts a review with kW reached, vehicle and finished time; lists newest first with a problems-only filter', async () => {
    const ok = await api.json('POST', `/api/locations/${loc}/reviews`, { rating: 1, comment: 'Fast today', kilowatts: 48.5, vehicle: 'Kia EV6', finished: '2026-11-20T18:00:00Z' }, token);
    expect(ok.status).toBe(201);
    const review = Review.parse(await ok.json());
    expect(review).toMatchObject({ rating: 1, kilowatts: 48.5, vehicle_name: 'Kia EV6', finished: '2026-11-20T18:00:00.000Z', checkin_status_type_id: 10, problem: false });
    const bad = await api.json('POST', `/api/locations/${loc}/reviews`, { rating: -1, comment: 'Screen dead', checkin_status_type_id: 25 }, token);
    expect(Review.parse(await bad.json())).toMatchObject({ problem: true, comment_type_id: 1000, checkin_status: 'Failed to Charge (Equipment Problem)' });

    const all = (await (await t.request(`/api/locations/${loc}/reviews`)).json()) as Review[];
    expect(all[0].comment).toBe('Screen dead');
    const problems = (await (await t.request(`/api/locations/${loc}/reviews?problems_only=true`)).json()) as Review[];
    expect(problems.every((r) => r.rating === -1)).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
    expect((await t.request(`/api/locations/${loc}/reviews?problems_only=maybe`)).status).toBe(400);
    expect((await t.request('/api/locations/99/reviews')).status).toBe(404);
  });

  it.each([
    [{ rating: 2 }, 'rating'],
    [{}, 'rating'],
    [{ rating: 1, kilowatts: -5 }, 'kilowatts'],
    [{ rating: 1, kilowatts: 'lots' }, 'kilowatts'],
    [{ rating: 1, finished: 'yesterday' }, 'finished'],
    [{ rating: 1, vehicle: 'x'.repeat(101) }, 'vehicle'],
  ])('refuses %j naming %s', async (body, parameter) => {
    const res = await api.json('POST', `/api/locations/${loc}/reviews`, body, token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors.map((e) => e.parameter)).toContain(parameter);
  });

  it('stores comments as plain text: markup and scripts come back literally, control characters are dropped, length is limited', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"';
    const res = await api.json('POST', `/api/locations/${loc}/reviews`, { rating: 0, comment: `${payload}\u0000\u0007` }, token);
    expect(Review.parse(await res.json()).comment).toBe(payload);
    const tooLong = await api.json('POST', `/api/locations/${loc}/reviews`, { rating: 0, comment: 'x'.repeat(2001) }, token);
    expect(tooLong.status).toBe(400);
  });

  it('changes the location score and lets only the author delete a check-in', async () => {
    const other = t.locationIds[1];
    const before = (await (await t.request(`/api/locations/${other}`)).json()) as { score: number | null };
    expect(before.score).toBeNull();
    // Served (and so cached as JSON text) before the check-in: the cache must not keep the score out afterwards.
    const poiOf = async () => ((await (await t.request(`/v3/poi?chargepointid=${other}`)).json()) as Array<{ Score?: number }>)[0];
    expect((await poiOf()).Score).toBeUndefined();
    const posted = Review.parse(await (await api.json('POST', `/api/locations/${other}/reviews`, { rating: -1, comment: 'Broken' }, token)).json());
    const after = (await (await t.request(`/api/locations/${other}`)).json()) as { score: number; reviews: Review[]; checkins: { last_failure_at: string } };
    expect(after.score).toBe(3.3);
    expect(after.reviews.map((r) => r.id)).toContain(posted.id);
    expect(after.checkins.last_failure_at).toBe(posted.created_at);
    expect((await poiOf()).Score).toBe(3.3);
    // the score filter
    const scored = (await (await t.request('/v3/poi?maxresults=100&minscore=3')).json()) as Array<{ ID: number; Score?: number }>;
    expect(scored.map((p) => p.ID)).toContain(other);
    // The score is also an extension field of the OCM POI (for the trip planner), absent on unscored locations.
    expect(scored.find((p) => p.ID === other)?.Score).toBe(3.3);
    const all = (await (await t.request('/v3/poi?maxresults=1000')).json()) as Array<{ ID: number; Score?: number }>;
    const scores = t.deps.checkins.scores();
    expect(all.map((p) => p.Score)).toEqual(all.map((p) => scores.get(p.ID)));
    expect(all.filter((p) => p.Score === undefined).length).toBeGreaterThan(0);
    expect(((await (await t.request('/v3/poi?maxresults=100&minscore=5')).json()) as Array<{ ID: number }>).map((p) => p.ID)).not.toContain(other);
    expect((await t.request('/v3/poi?minscore=11')).status).toBe(400);

    const stranger = (await api.signUp()).token;
    expect((await api.json('DELETE', `/api/reviews/${posted.id}`, undefined, stranger)).status).toBe(404);
    expect((await api.json('DELETE', `/api/reviews/${posted.id}`)).status).toBe(401);
    expect((await api.json('DELETE', `/api/reviews/${posted.id}`, undefined, token)).status).toBe(204);
    expect(((await (await t.request(`/api/locations/${other}`)).json()) as { score: number | null }).score).toBeNull();
  });

  it('limits check-ins per user per location per hour', async () => {
    const small = await createSmallTestApp({ CHECKINS_PER_LOCATION_PER_HOUR: '2' });
    const a = apiClient(small.request);
    const me = (await a.signUp()).token;
    const id = small.locationIds[0];
    for (let i = 0; i < 2; i++) expect((await a.json('POST', `/api/locations/${id}/reviews`, { rating: 1 }, me)).status).toBe(201);
    const third = await a.json('POST', `/api/locations/${id}/reviews`, { rating: 1 }, me);
    expect(third.status).toBe(429);
    expect(third.headers.get('Retry-After')).toBeTruthy();
    // another location is fine
    expect((await a.json('POST', `/api/locations/${small.locationIds[1]}/reviews`, { rating: 1 }, me)).status).toBe(201);
  });
});

describe('photos', () => {
  it('accepts a JPEG with a check-in, strips its metadata, makes a thumbnail, and serves both', async () => {
    const jpeg = await jpegWithGps();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await postForm(`/api/locations/${loc}/reviews`, form({ rating: '-1', comment: 'Cable cut', checkin_status_type_id: '25' }, [{ field: 'photo', bytes: jpeg, name: 'IMG_0001.JPG', type: 'image/jpeg' }]));
    expect(res.status).toBe(201);
    const review = Review.parse(await res.json());
    expect(review.photos).toHaveLength(1);
    const full = await t.request(new URL(review.photos[0].url).pathname);
    expect(full.headers.get('Content-Type')).toBe('image/jpeg');
    const fullMeta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
    expect(fullMeta.exif).toBeUndefined();
    expect(fullMeta.width).toBe(1200);
    const thumb = await t.request(new URL(review.photos[0].thumbnail as string).pathname);
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(thumbMeta.format).toBe('webp');
    expect(thumbMeta.width).toBe(320);

    const poi = (await (await t.request(`/v3/poi?chargepointid=${loc}&includecomments=true`)).json()) as Array<{ MediaItems: Array<Record<string, unknown>> }>;
    expect(poi[0].MediaItems[0]).toMatchObject({ ChargePointID: loc, IsExternalResource: false, ItemURL: review.photos[0].url });
  });

  it('sniffs the type from the content, not the name: a PNG called .jpg is a PNG, text called .jpg and a GIF are refused', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#00ff0080' } }).png().toBuffer();
    const asJpg = await postForm(`/api/locations/${loc}/photos`, form({ caption: 'bay 3' }, [{ field: 'photo', bytes: png, name: 'photo.jpg', type: 'image/jpeg' }]));
    expect(asJpg.status).toBe(201);
    const photo = (await asJpg.json()) as { url: string; caption: string };
    expect(photo.caption).toBe('bay 3');
    expect((await t.request(new URL(photo.url).pathname)).headers.get('Content-Type')).toBe('image/png');

    const text = await postForm(`/api/locations/${loc}/photos`, form({}, [{ field: 'photo', bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'photo.jpg', type: 'image/jpeg' }]));
    expect(text.status).toBe(415);
    expect(((await text.json()) as { errors: Array<{ parameter: string }> }).errors[0].parameter).toBe('photo');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'blue' } }).gif().toBuffer();
    expect((await postForm(`/api/locations/${loc}/photos`, form({}, [{ field: 'photo', bytes: gif, name: 'a.gif', type: 'image/gif' }]))).status).toBe(415);
  });

  it('refuses photos over the size limit, without a file, and from anonymous callers; a refused photo stores no check-in', async () => {
    const big = await sharp({ create: { width: 1500, height: 1500, channels: 3, background: 'black', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    expect(big.length).toBeGreaterThan(200_000);
    const before = (await (await t.request(`/api/locations/${loc}/reviews`)).json()) as Review[];
    const res = await postForm(`/api/locations/${loc}/reviews`, form({ rating: '1' }, [{ field: 'photo', bytes: big, name: 'big.png', type: 'image/png' }]));
    expect(res.status).toBe(413);
    expect(((await (await t.request(`/api/locations/${loc}/reviews`)).json()) as Review[]).length).toBe(before.length);
    expect((await postForm(`/api/locations/${loc}/photos`, form({ caption: 'nothing' }))).status).toBe(400);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } }).png().toBuffer();
    expect((await postForm(`/api/locations/${loc}/photos`, form({}, [{ field: 'photo', bytes: png, name: 'a.png', type: 'image/png' }]), '')).status).toBe(401);
    expect((await t.request('/api/photos/999999')).status).toBe(404);
  });
});
