import { Hono, type Context } from 'hono';
import { OcmCommentSubmission } from '../../../shared/api/checkins';
import { paramErrors } from '../../../shared/api/query-params';
import type { AppDeps } from '../../app-deps';
import { requireUser, type AppEnv } from '../../auth/caller';
import { ocmUserComment } from '../checkin-serializers';
import { badRequest, failure } from '../http-errors';
import { requestInput } from '../request-input';

/** OCM check-in submission: `POST /v3/?action=comment_submission&format=json` and `POST /v3/comment`. */
export function ocmCommentRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>({ strict: false });

  const submit = async (c: Context<AppEnv>) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const input = await requestInput(c);
    if (input === null) return badRequest(c, [{ parameter: 'body', message: 'expected a JSON object' }]);
    const parsed = OcmCommentSubmission.safeParse(input);
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const b = parsed.data;
    const user = deps.accounts.userById(userId);
    const outcome = await deps.checkinService.submit({
      locationId: b.ChargePointID,
      userId,
      userName: b.UserName ?? user?.display_name ?? null,
      commentTypeId: b.CommentTypeID,
      checkinStatusTypeId: b.CheckinStatusTypeID,
      rating: b.Rating ?? null,
      comment: b.Comment ?? null,
      relatedUrl: b.RelatedURL ?? null,
      kwReached: null,
      vehicle: null,
      finishedAt: null,
    });
    if (!outcome.ok) return failure(c, outcome);
    const row = deps.checkins.byId(outcome.id);
    return c.json({ status: 'OK', description: 'Comment submitted', id: outcome.id, UserComment: row ? ocmUserComment(row, deps.references.all(), false) : null });
  };

  r.post('/', (c) => {
    const action = c.req.query('action');
    if (action !== 'comment_submission') {
      return badRequest(c, [{ parameter: 'action', message: action ? `unsupported action '${action}' (supported: comment_submission)` : 'required: comment_submission' }]);
    }
    const format = c.req.query('format');
    if (format !== undefined && format.toLowerCase() !== 'json') return badRequest(c, [{ parameter: 'format', message: 'only json is supported' }]);
    return submit(c);
  });
  r.post('/comment', submit);
  return r;
}
