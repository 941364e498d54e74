import { z } from 'zod';

/** Check-in submissions: OCM's comment_submission body and PlugShare-shaped reviews. Values may come from JSON or forms. */

// Forms send strings and empty fields; JSON sends numbers and nulls. Both are accepted; '' means "not given".
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const intField = z.union([z.number().int(), z.string().trim().regex(/^-?\d{1,9}$/, 'expected an integer').transform(Number)]);
const numField = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'expected a number').transform(Number)]);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blankToUndefined, t.optional());
const isoDate = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date')
  .transform((s) => new Date(s).toISOString());
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'expected an http(s) URL');

export const OcmCommentSubmission = z.object({
  ChargePointID: intField.pipe(z.number().int().positive()),
  CommentTypeID: intField.pipe(z.number().int().min(0)),
  CheckinStatusTypeID: intField.pipe(z.number().int().min(0)),
  UserName: optional(z.string().trim().max(100)),
  Comment: optional(z.string()),
  Rating: optional(intField.pipe(z.number().int().min(1).max(5))),
  RelatedURL: optional(httpUrl),
});
export type OcmCommentSubmission = z.infer<typeof OcmCommentSubmission>;

export const ReviewSubmission = z.object({
  rating: intField.pipe(z.union([z.literal(-1), z.literal(0), z.literal(1)], { error: 'expected -1 (problem), 0 (neutral) or 1 (success)' })),
  comment: optional(z.string()),
  kilowatts: optional(numField.pipe(z.number().min(0).max(1000))),
  vehicle: optional(z.string().trim().max(100)),
  finished: optional(isoDate),
  checkin_status_type_id: optional(intField.pipe(z.number().int().min(0))),
  comment_type_id: optional(intField.pipe(z.number().int().min(0))),
});
export type ReviewSubmission = z.infer<typeof ReviewSubmission>;

export const PhotoCaption = z.object({ caption: optional(z.string().trim().max(300)) });

/** Removes control characters (keeping line breaks and tabs) and surrounding space from user text. */
export const cleanText = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\r\n?/g, '\n')
    .trim();

/** OCM comment type for fault reports. */
export const FAULT_REPORT_COMMENT_TYPE = 1000;
export const GENERAL_COMMENT_TYPE = 10;

/** PlugShare review shape served by /api/locations/{id}/reviews and inside location details. */
export const Review = z.object({
  id: z.number().int(),
  rating: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  created_at: z.string(),
  finished: z.string().nullable(),
  comment: z.string().nullable(),
  user: z.object({ id: z.number().int().nullable(), display_name: z.string() }).nullable(),
  volts: z.number().nullable(),
  amps: z.number().nullable(),
  kilowatts: z.number().nullable(),
  vehicle_name: z.string().nullable(),
  checkin_status_type_id: z.number().int().nullable(),
  checkin_status: z.string().nullable(),
  comment_type_id: z.number().int(),
  comment_type: z.string().nullable(),
  problem: z.boolean(),
  source: z.string(),
  photos: z.array(z.object({ id: z.number().int(), created_at: z.string(), url: z.string(), thumbnail: z.string().nullable(), caption: z.string().nullable() })),
});
export type Review = z.infer<typeof Review>;
export type Photo = Review['photos'][number];
