import { z } from 'zod';

/** Building blocks for query-string schemas: every value arrives as a string and is validated strictly. */

export const intList = z
  .string()
  .trim()
  .regex(/^-?\d{1,10}(\s*,\s*-?\d{1,10})*,?$/, 'expected a comma-separated list of integers')
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean).map(Number));

/** A comma-separated list of integers drawn from a fixed set. */
export const listOf = (allowed: readonly number[], what: string) =>
  intList.refine((l) => l.every((v) => allowed.includes(v)), `${what} must be among ${allowed.join(', ')}`);

/** PlugShare availability codes: live status when an EVSE reported recently, else from the OCM status. */
export const availabilityList = listOf([0, 1, 2, 3], 'availability');

/** Open EV Data port families ("type2,ccs"): the vehicle-compatibility filter. */
export const portList = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(type1|type2|ccs|chademo|tesla_suc|tesla_ccs)(\s*,\s*(type1|type2|ccs|chademo|tesla_suc|tesla_ccs))*$/, 'expected port families: type1, type2, ccs, chademo, tesla_suc, tesla_ccs')
  .transform((s) => [...new Set(s.split(',').map((p) => p.trim()))]);

export const queryBool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const queryNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, 'expected a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

export const queryInt = (min: number, max: number) =>
  z.string().trim().regex(/^-?\d{1,15}$/, 'expected an integer').transform(Number).pipe(z.number().int().min(min).max(max));

/** Case-insensitive enum: the value is lower-cased before matching. */
export const queryEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().trim().toLowerCase().pipe(z.enum(values));

export const queryDate = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date such as 2016-09-15T09:30')
  .transform((s) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || s.length === 10 ? s : `${s}Z`).toISOString().replace('.000Z', 'Z'));

/** Lower-cases query keys; the first value wins when a key repeats. OCM treats parameter names case-insensitively. */
export function lowerCaseQuery(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    const key = k.toLowerCase();
    if (key in out || v === undefined) continue;
    out[key] = Array.isArray(v) ? (v[0] ?? '') : v;
  }
  return out;
}

export interface ParamError {
  parameter: string;
  message: string;
}

/** Turns zod issues into `{parameter, message}` pairs for a 400 body. */
export function paramErrors(error: z.ZodError): ParamError[] {
  return error.issues.map((i) => ({ parameter: String(i.path[0] ?? 'query'), message: i.message }));
}
