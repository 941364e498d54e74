import { Hono } from 'hono';
import { z } from 'zod';
import { intList, lowerCaseQuery, paramErrors } from '../../../shared/api/query-params';
import type { AppDeps } from '../../app-deps';
import { referenceIdsUsedIn } from '../../repositories/reference-repository';
import { badRequest } from '../http-errors';

export const ReferenceDataQuerySchema = z.object({ countryid: intList.optional().describe('Only operators, connection types and data providers in use in these countries') });

export function ocmReferenceDataRoutes(deps: AppDeps) {
  const app = new Hono({ strict: false });
  app.get('/referencedata', (c) => {
    const parsed = ReferenceDataQuerySchema.safeParse(lowerCaseQuery(c.req.queries() as Record<string, string[]>));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const r = deps.references.all();
    const list = <T>(m: Map<number, T>, keep?: Set<number>) => [...m.entries()].filter(([id]) => !keep || keep.has(id)).map(([, v]) => v);
    const countryIds = parsed.data.countryid;
    const used = countryIds?.length ? referenceIdsUsedIn(deps.db, countryIds) : undefined;
    return c.json({
      ChargerTypes: list(r.levels),
      ConnectionTypes: list(r.connectionTypes, used?.connectionTypes),
      CurrentTypes: list(r.currentTypes),
      Countries: countryIds?.length ? list(r.countries, new Set(countryIds)) : list(r.countries),
      DataProviders: list(r.dataProviders, used?.dataProviders),
      Operators: list(r.operators, used?.operators),
      StatusTypes: list(r.statusTypes),
      SubmissionStatusTypes: list(r.submissionStatusTypes),
      UsageTypes: list(r.usageTypes),
      UserCommentTypes: list(r.commentTypes),
      CheckinStatusTypes: list(r.checkinStatusTypes),
    });
  });
  return app;
}
