import { z } from 'zod';

/** Accounts and check-ins: the request and response contract shared by server and SPA. */
export const ACCESS_LEVELS = ['public', 'registered', 'full'] as const;
export type AccessLevel = Exclude<(typeof ACCESS_LEVELS)[number], 'public'>;

export const PASSWORD_MIN_LENGTH = 8;

export const RegisterBody = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
  name: z.string().trim().min(1).max(60).optional(),
});

export const SignInBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) });

export const ApiKeyBody = z.object({ label: z.string().trim().min(1).max(60) });

/** Leccy's Date object. */
export const DateObject = z.object({ c: z.string(), u: z.number().int() });

export const AuthResponse = z.object({
  token: z.string(),
  refreshToken: z.string(),
  expires: DateObject,
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string(), access: z.enum(ACCESS_LEVELS) }),
});
export type AuthResponse = z.infer<typeof AuthResponse>;

export const RequestCountResponse = z.object({
  month: z.string(),
  total: z.number().int(),
  limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  access: z.enum(ACCESS_LEVELS),
  days: z.array(z.object({ date: z.string(), count: z.number().int() })),
});
export type RequestCountResponse = z.infer<typeof RequestCountResponse>;

export const ApiKeyInfo = z.object({ id: z.number().int(), label: z.string(), prefix: z.string(), created_at: z.string(), last_used_at: z.string().nullable() });
export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>;

export const dateObject = (d: Date) => ({ c: d.toISOString().replace(/\.\d{3}Z$/, '+00:00'), u: Math.floor(d.getTime() / 1000) });
