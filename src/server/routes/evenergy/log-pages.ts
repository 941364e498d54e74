import type { Context } from 'hono';
import type { ParamError } from '../../../shared/api/query-params';
import type { Page, PageRequest } from '../../repositories/telemetry-repository';
import { isoInstant, PAGE_SIZE_DEFAULT } from '../../../shared/api/evenergy-logs';
import { badRequest } from '../http-errors';

/**
 * Opaque page cursors: which list they belong to and the time of the boundary log. A cursor from another list or
 * a string that is not a cursor is a 400 naming the parameter, never an empty page.
 */
export type CursorKind = 'evse_status' | 'evse_command' | 'vehicle_status';
const KIND_CODE: Record<CursorKind, string> = { evse_status: 's', evse_command: 'c', vehicle_status: 'v' };

export function encodeCursor(kind: CursorKind, ms: number): string {
  return `pg${Buffer.from(`${KIND_CODE[kind]}:${ms}`).toString('base64url')}`;
}

export function decodeCursor(kind: CursorKind, cursor: string): number | null {
  if (!cursor.startsWith('pg')) return null;
  const text = Buffer.from(cursor.slice(2), 'base64url').toString('utf8');
  const m = /^([scv]):(-?\d{1,16})$/.exec(text);
  if (!m || m[1] !== KIND_CODE[kind]) return null;
  const ms = Number(m[2]);
  return Number.isSafeInteger(ms) ? ms : null;
}

/** ISO 8601 with milliseconds, as the logs' times are kept. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** A log's time field: the list filters on `{field}__gte` / `__lte`, rows keep it as `{field}_ms`. */
export type TimeField = 'sampled_at' | 'logged_at';

interface PageQuery {
  page_before?: string;
  page_after?: string;
  page_size?: number;
}

/** The page a query asks for, or the errors that name its bad parameters. */
export function pageRequest(kind: CursorKind, q: PageQuery, range: { gte?: number; lte?: number; gteName: string; lteName: string }): PageRequest | ParamError[] {
  const errors: ParamError[] = [];
  if (q.page_before !== undefined && q.page_after !== undefined) errors.push({ parameter: 'page_before', message: 'use page_before or page_after, not both' });
  const before = q.page_before !== undefined ? decodeCursor(kind, q.page_before) : undefined;
  const after = q.page_after !== undefined ? decodeCursor(kind, q.page_after) : undefined;
  if (before === null) errors.push({ parameter: 'page_before', message: 'not a page ID from this list' });
  if (after === null) errors.push({ parameter: 'page_after', message: 'not a page ID from this list' });
  if (range.gte !== undefined && range.lte !== undefined && range.gte > range.lte) errors.push({ parameter: range.gteName, message: `is after ${range.lteName}` });
  if (errors.length) return errors;
  return { gte: range.gte, lte: range.lte, before: before ?? undefined, after: after ?? undefined, size: q.page_size ?? PAGE_SIZE_DEFAULT };
}

/**
 * Sets the `Link` header (rel="next" for older logs, rel="prev previous" for newer ones) on a page of logs. Links keep
 * every other query parameter of the request.
 */
export function setPageLinks<T>(c: Context, kind: CursorKind, page: Page<T>, req: PageRequest, timeOf: (item: T) => number) {
  const url = new URL(c.req.url);
  const link = (param: 'page_before' | 'page_after', ms: number) => {
    const u = new URL(url);
    u.searchParams.delete('page_before');
    u.searchParams.delete('page_after');
    u.searchParams.set(param, encodeCursor(kind, ms));
    return u.toString();
  };
  const links: string[] = [];
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  // An empty page still links back to where the walk came from.
  const newerFrom = first !== undefined ? timeOf(first) : req.after !== undefined ? req.after - 1 : undefined;
  const olderFrom = last !== undefined ? timeOf(last) : req.before !== undefined ? req.before + 1 : undefined;
  if (page.hasNewer && newerFrom !== undefined) links.push(`<${link('page_before', newerFrom)}>; rel="prev previous"`);
  if (page.hasOlder && olderFrom !== undefined) links.push(`<${link('page_after', olderFrom)}>; rel="next"`);
  if (links.length) c.header('Link', links.join(', '));
}

/**
 * Answers a list route: the page the query asks for, newest first, with its Link header, each log serialised; or the
 * 400 that names the bad parameters.
 */
export function answerPage<T>(
  c: Context,
  kind: CursorKind,
  field: TimeField,
  q: PageQuery & Partial<Record<`${TimeField}__gte` | `${TimeField}__lte`, number>>,
  load: (req: PageRequest) => Page<T>,
  serialize: (row: T) => unknown,
): Response {
  const req = pageRequest(kind, q, { gte: q[`${field}__gte`], lte: q[`${field}__lte`], gteName: `${field}__gte`, lteName: `${field}__lte` });
  if (Array.isArray(req)) return badRequest(c, req);
  const page = load(req);
  setPageLinks(c, kind, page, req, (row) => (row as Record<string, number>)[`${field}_ms`]);
  return c.json(page.items.map(serialize));
}

/** The time a single-log path names (`{sampled_at}`, `{logged_at}`), or the 400 that names it. */
export function logTime(c: Context, field: TimeField): number | Response {
  const at = isoInstant.safeParse(decodeURIComponent(c.req.param(field) ?? ''));
  return at.success ? at.data : badRequest(c, [{ parameter: field, message: at.error.issues[0].message }]);
}
