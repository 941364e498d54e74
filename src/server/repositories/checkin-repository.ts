import type { Db } from '../db/open-db';
import { locationScore, ratingFromPositive } from '../../shared/score';
import type { ImportedCommunity } from '../importers/types';

export interface CheckinInput {
  locationId: number;
  userId: number | null;
  source?: 'local' | 'ocm';
  sourceId?: string | null;
  userName: string | null;
  commentTypeId: number;
  checkinStatusTypeId: number | null;
  rating: number | null;
  reviewRating: -1 | 0 | 1;
  comment: string | null;
  relatedUrl: string | null;
  kwReached: number | null;
  vehicle: string | null;
  finishedAt: string | null;
  createdAt?: string;
}

export interface PhotoInput {
  mime: string;
  width: number;
  height: number;
  original: Buffer;
  thumbnail: Buffer;
  thumbnailMime: string;
  comment: string | null;
}

export interface CheckinRow {
  id: number;
  location_id: number;
  user_id: number | null;
  source: string;
  user_name: string | null;
  comment_type_id: number;
  checkin_status_type_id: number | null;
  rating: number | null;
  review_rating: -1 | 0 | 1;
  comment: string | null;
  related_url: string | null;
  kw_reached: number | null;
  vehicle: string | null;
  finished_at: string | null;
  created_at: string;
}

export interface PhotoRow {
  id: number;
  location_id: number;
  checkin_id: number | null;
  user_id: number | null;
  user_name: string | null;
  source: string;
  external_url: string | null;
  external_thumbnail_url: string | null;
  mime: string | null;
  width: number | null;
  height: number | null;
  comment: string | null;
  created_at: string;
}

export interface LocationStats {
  score: number | null;
  checkin_count: number;
  last_checkin_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
}

const CHECKIN_COLUMNS = `c.id, c.location_id, c.user_id, c.source, COALESCE(c.user_name, u.display_name) AS user_name, c.comment_type_id,
  c.checkin_status_type_id, c.rating, c.review_rating, c.comment, c.related_url, c.kw_reached, c.vehicle, c.finished_at, c.created_at`;
const PHOTO_COLUMNS = `p.id, p.location_id, p.checkin_id, p.user_id, COALESCE(c.user_name, u.display_name) AS user_name, p.source, p.external_url,
  p.external_thumbnail_url, p.mime, p.width, p.height, p.comment, p.created_at`;

const nowIso = () => new Date().toISOString();

/** Check-ins (OCM comments and PlugShare reviews), their photos and the per-location score they produce. */
export class CheckinRepository {
  private readonly s;
  private scoreCache: Map<number, number> | null = null;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO checkins (location_id, user_id, source, source_id, user_name, comment_type_id, checkin_status_type_id, rating,
        review_rating, comment, related_url, kw_reached, vehicle, finished_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (source, source_id) DO NOTHING`),
      insertPhoto: db.prepare(`INSERT INTO photos (location_id, checkin_id, user_id, source, source_id, external_url, external_thumbnail_url, mime, width,
        height, bytes, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_id) DO NOTHING`),
      insertBlob: db.prepare('INSERT INTO photo_blobs (photo_id, original, thumbnail, thumbnail_mime) VALUES (?, ?, ?, ?)'),
      byId: db.prepare(`SELECT ${CHECKIN_COLUMNS} FROM checkins c LEFT JOIN users u ON u.id = c.user_id WHERE c.id = ?`),
      remove: db.prepare('DELETE FROM checkins WHERE id = ? AND user_id = ?'),
      recent: db.prepare('SELECT COUNT(*) AS n FROM checkins WHERE user_id = ? AND location_id = ? AND created_at >= ?'),
      forScore: db.prepare('SELECT review_rating AS rating, created_at AS createdAt FROM checkins WHERE location_id = ?'),
      upsertStats: db.prepare(`INSERT INTO location_stats (location_id, score, checkin_count, last_checkin_at, last_success_at, last_failure_at)
        SELECT ?, ?, COUNT(*), MAX(created_at), MAX(CASE WHEN review_rating = 1 THEN created_at END), MAX(CASE WHEN review_rating = -1 THEN created_at END)
        FROM checkins WHERE location_id = ?
        ON CONFLICT (location_id) DO UPDATE SET score = excluded.score, checkin_count = excluded.checkin_count, last_checkin_at = excluded.last_checkin_at,
          last_success_at = excluded.last_success_at, last_failure_at = excluded.last_failure_at`),
      stats: db.prepare('SELECT score, checkin_count, last_checkin_at, last_success_at, last_failure_at FROM location_stats WHERE location_id = ?'),
      scored: db.prepare('SELECT location_id, score FROM location_stats WHERE score IS NOT NULL'),
      locationsWithCheckins: db.prepare('SELECT DISTINCT location_id FROM checkins'),
      photoBlob: db.prepare(`SELECT b.original, b.thumbnail, b.thumbnail_mime, p.mime FROM photo_blobs b JOIN photos p ON p.id = b.photo_id WHERE b.photo_id = ?`),
      locationExists: db.prepare('SELECT 1 FROM locations WHERE id = ?'),
      checkinsOf: db.prepare(`SELECT ${CHECKIN_COLUMNS} FROM checkins c LEFT JOIN users u ON u.id = c.user_id
        WHERE c.location_id IN (SELECT value FROM json_each(?)) ORDER BY c.created_at DESC, c.id DESC`),
      problemsOf: db.prepare(`SELECT ${CHECKIN_COLUMNS} FROM checkins c LEFT JOIN users u ON u.id = c.user_id
        WHERE c.location_id IN (SELECT value FROM json_each(?)) AND c.review_rating = -1 ORDER BY c.created_at DESC, c.id DESC`),
      photosOf: db.prepare(`SELECT ${PHOTO_COLUMNS} FROM photos p LEFT JOIN checkins c ON c.id = p.checkin_id LEFT JOIN users u ON u.id = p.user_id
        WHERE p.location_id IN (SELECT value FROM json_each(?)) ORDER BY p.created_at DESC, p.id DESC`),
    };
  }

  locationExists(id: number): boolean {
    return this.s.locationExists.get(id) !== undefined;
  }

  /**
   * Stores a check-in with its photos in one transaction and refreshes the location's score. The server's
   * connection runs with synchronous = FULL, so once this returns the check-in survives a crash or power loss.
   * Returns null when an imported check-in (source, source id) is already stored.
   */
  add(input: CheckinInput, photos: PhotoInput[] = []): number | null {
    return this.db.transaction(() => {
      const created = input.createdAt ?? nowIso();
      const res = this.s.insert.run(
        input.locationId, input.userId, input.source ?? 'local', input.sourceId ?? null, input.userName, input.commentTypeId, input.checkinStatusTypeId,
        input.rating, input.reviewRating, input.comment, input.relatedUrl, input.kwReached, input.vehicle, input.finishedAt, created,
      );
      if (res.changes === 0) return null;
      const id = Number(res.lastInsertRowid);
      for (const p of photos) this.addPhotoRow(input.locationId, id, input.userId, p, created);
      this.refreshStats(input.locationId);
      return id;
    })();
  }

  /**
   * Check-ins and photos published with an imported record (OCM UserComments / MediaItems), keyed by their source
   * ids so a re-import adds nothing twice. Scores are refreshed by the caller once per location (refreshStats).
   */
  addImported(locationId: number, community: ImportedCommunity, isPositive: (statusTypeId: number | null) => boolean | null | undefined): number {
    let added = 0;
    for (const c of community.comments) {
      added += this.s.insert.run(
        locationId, null, 'ocm', c.sourceId, c.userName, c.commentTypeId, c.checkinStatusTypeId, c.rating,
        ratingFromPositive(isPositive(c.checkinStatusTypeId)), c.comment, c.relatedUrl, null, null, null, c.createdAt,
      ).changes;
    }
    // Photos hosted by the source stay there: only their URLs are stored.
    for (const m of community.media) this.s.insertPhoto.run(locationId, null, null, 'ocm', m.sourceId, m.url, m.thumbnailUrl, null, null, null, null, m.comment, m.createdAt);
    return added;
  }

  /** A photo without a check-in. */
  addPhoto(locationId: number, userId: number, photo: PhotoInput): number {
    return this.db.transaction(() => {
      const id = this.addPhotoRow(locationId, null, userId, photo, nowIso());
      this.changed();
      return id;
    })();
  }

  private addPhotoRow(locationId: number, checkinId: number | null, userId: number | null, p: PhotoInput, created: string): number {
    const id = Number(
      this.s.insertPhoto.run(locationId, checkinId, userId, 'local', null, null, null, p.mime, p.width, p.height, p.original.length, p.comment, created).lastInsertRowid,
    );
    this.s.insertBlob.run(id, p.original, p.thumbnail, p.thumbnailMime);
    return id;
  }

  byId(id: number): CheckinRow | undefined {
    return this.s.byId.get(id) as CheckinRow | undefined;
  }

  /** Deletes a user's own check-in (and its photos); false when it is not theirs or does not exist. */
  remove(id: number, userId: number): boolean {
    return this.db.transaction(() => {
      const row = this.byId(id);
      if (!row || this.s.remove.run(id, userId).changes === 0) return false;
      this.refreshStats(row.location_id);
      return true;
    })();
  }

  recentCount(userId: number, locationId: number, sinceIso: string): number {
    return (this.s.recent.get(userId, locationId, sinceIso) as { n: number }).n;
  }

  /** Check-ins of locations, newest first. */
  forLocations(ids: readonly number[], options: { problemsOnly?: boolean } = {}): Map<number, CheckinRow[]> {
    const out = new Map<number, CheckinRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = (options.problemsOnly ? this.s.problemsOf : this.s.checkinsOf).all(JSON.stringify(ids)) as CheckinRow[];
    for (const r of rows) out.get(r.location_id)?.push(r);
    return out;
  }

  photosForLocations(ids: readonly number[]): Map<number, PhotoRow[]> {
    const out = new Map<number, PhotoRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = this.s.photosOf.all(JSON.stringify(ids)) as PhotoRow[];
    for (const r of rows) out.get(r.location_id)?.push(r);
    return out;
  }

  photoBytes(id: number): { original: Buffer; thumbnail: Buffer; thumbnailMime: string; mime: string } | undefined {
    const r = this.s.photoBlob.get(id) as { original: Buffer; thumbnail: Buffer; thumbnail_mime: string; mime: string } | undefined;
    return r && { original: r.original, thumbnail: r.thumbnail, thumbnailMime: r.thumbnail_mime, mime: r.mime };
  }

  stats(locationId: number): LocationStats | undefined {
    return this.s.stats.get(locationId) as LocationStats | undefined;
  }

  /** Recomputes one location's score and dates from its check-ins. */
  refreshStats(locationId: number) {
    const score = locationScore(this.s.forScore.all(locationId) as Array<{ rating: -1 | 0 | 1; createdAt: string }>);
    this.s.upsertStats.run(locationId, score, locationId);
    this.changed();
  }

  /** Recomputes every score (recency weights change with time; run at start). */
  refreshAllStats() {
    this.db.transaction(() => {
      for (const { location_id } of this.s.locationsWithCheckins.all() as Array<{ location_id: number }>) this.refreshStats(location_id);
    })();
  }

  /** Scores by location id, for the score filter. */
  scores(): Map<number, number> {
    if (!this.scoreCache) {
      this.scoreCache = new Map((this.s.scored.all() as Array<{ location_id: number; score: number }>).map((r) => [r.location_id, r.score]));
    }
    return this.scoreCache;
  }

  /**
   * When drivers charged here since a date (successful check-ins), in ms: evidence of use for occupancy by hour.
   * `finished_at` is when the session ended where the check-in says so, else the check-in's time.
   */
  checkinTimes(locationId: number, sinceIso: string): number[] {
    const rows = this.db
      .prepare('SELECT COALESCE(finished_at, created_at) AS at FROM checkins WHERE location_id = ? AND review_rating = 1 AND created_at >= ?')
      .all(locationId, sinceIso) as Array<{ at: string }>;
    return rows.map((r) => Date.parse(r.at)).filter((ms) => !Number.isNaN(ms));
  }

  private changed() {
    this.scoreCache = null;
  }
}
