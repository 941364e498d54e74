import type { ParamError } from '../../shared/api/query-params';
import { cleanText } from '../../shared/api/checkins';
import { ratingFromPositive } from '../../shared/score';
import type { Env } from '../env';
import { PhotoRejected, processPhoto } from '../media/photo-processing';
import type { CheckinInput, CheckinRepository, PhotoInput } from '../repositories/checkin-repository';
import type { ReferenceRepository } from '../repositories/reference-repository';

export interface NewCheckin {
  locationId: number;
  userId: number;
  userName: string | null;
  commentTypeId: number;
  checkinStatusTypeId: number | null;
  /** OCM 1–5 rating. */
  rating: number | null;
  /** PlugShare −1/0/1; derived from the status type when not given. */
  reviewRating?: -1 | 0 | 1;
  comment: string | null;
  relatedUrl: string | null;
  kwReached: number | null;
  vehicle: string | null;
  finishedAt: string | null;
}

export type CheckinOutcome =
  | { ok: true; id: number }
  | { ok: false; status: 400 | 404 | 413 | 415 | 429; errors: ParamError[]; retryAfter?: number };

/** Validates a check-in against reference data and the safety limits, processes its photos, and stores it. */
export class CheckinService {
  constructor(
    private readonly checkins: CheckinRepository,
    private readonly references: ReferenceRepository,
    private readonly env: Env,
  ) {}

  async submit(input: NewCheckin, photoFiles: Array<{ bytes: Buffer; field: string }> = []): Promise<CheckinOutcome> {
    const errors: ParamError[] = [];
    const refs = this.references.all();
    if (!this.checkins.locationExists(input.locationId)) return { ok: false, status: 404, errors: [{ parameter: 'ChargePointID', message: `no location ${input.locationId}` }] };
    if (!refs.commentTypes.has(input.commentTypeId)) errors.push({ parameter: 'CommentTypeID', message: `unknown comment type ${input.commentTypeId} (see /v3/referencedata UserCommentTypes)` });
    const status = input.checkinStatusTypeId === null ? undefined : refs.checkinStatusTypes.get(input.checkinStatusTypeId);
    if (input.checkinStatusTypeId !== null && !status) {
      errors.push({ parameter: 'CheckinStatusTypeID', message: `unknown check-in status type ${input.checkinStatusTypeId} (see /v3/referencedata CheckinStatusTypes)` });
    }
    const comment = input.comment === null ? null : cleanText(input.comment) || null;
    if (comment !== null && comment.length > this.env.COMMENT_MAX_LENGTH) errors.push({ parameter: 'Comment', message: `at most ${this.env.COMMENT_MAX_LENGTH} characters` });
    if (errors.length > 0) return { ok: false, status: 400, errors };

    const since = new Date(Date.now() - 3_600_000).toISOString();
    if (this.checkins.recentCount(input.userId, input.locationId, since) >= this.env.CHECKINS_PER_LOCATION_PER_HOUR) {
      return {
        ok: false,
        status: 429,
        retryAfter: 3600,
        errors: [{ parameter: 'ChargePointID', message: `at most ${this.env.CHECKINS_PER_LOCATION_PER_HOUR} check-ins per location per hour` }],
      };
    }

    const photos: PhotoInput[] = [];
    for (const f of photoFiles) {
      try {
        photos.push(await processPhoto(f.bytes, this.env.PHOTO_MAX_BYTES));
      } catch (err) {
        if (!(err instanceof PhotoRejected)) throw err;
        return { ok: false, status: err.status, errors: [{ parameter: f.field, message: err.message }] };
      }
    }

    const row: CheckinInput = {
      locationId: input.locationId,
      userId: input.userId,
      userName: input.userName === null ? null : cleanText(input.userName) || null,
      commentTypeId: input.commentTypeId,
      checkinStatusTypeId: input.checkinStatusTypeId,
      rating: input.rating,
      reviewRating: input.reviewRating ?? ratingFromPositive(status?.IsPositive as boolean | null | undefined),
      comment,
      relatedUrl: input.relatedUrl,
      kwReached: input.kwReached,
      vehicle: input.vehicle === null ? null : cleanText(input.vehicle) || null,
      finishedAt: input.finishedAt,
    };
    return { ok: true, id: this.checkins.add(row, photos) as number };
  }

  async addPhoto(locationId: number, userId: number, bytes: Buffer, caption: string | null): Promise<CheckinOutcome> {
    if (!this.checkins.locationExists(locationId)) return { ok: false, status: 404, errors: [{ parameter: 'id', message: `no location ${locationId}` }] };
    try {
      const photo = await processPhoto(bytes, this.env.PHOTO_MAX_BYTES, caption);
      return { ok: true, id: this.checkins.addPhoto(locationId, userId, photo) };
    } catch (err) {
      if (!(err instanceof PhotoRejected)) throw err;
      return { ok: false, status: err.status, errors: [{ parameter: 'photo', message: err.message }] };
    }
  }
}
