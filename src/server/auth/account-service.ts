import { randomUUID } from 'node:crypto';
import type { AccessLevel } from '../../shared/api/account';
import type { AccountRepository, ApiKeyRow, UserRow } from '../repositories/account-repository';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { API_KEY_PREFIX, opaqueToken, sha256, type TokenService } from './tokens';

export interface Session {
  user: UserRow;
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string;
}

export type AccountError = 'email_taken' | 'bad_credentials' | 'invalid_refresh_token' | 'refresh_token_reused';

export class AccountFailure extends Error {
  constructor(readonly code: AccountError) {
    super(code);
  }
}

/** Sign-up, sign-in, refresh-token rotation and API keys; SQL stays in AccountRepository. */
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
    private readonly refreshTtlDays: number,
  ) {}

  async register(email: string, password: string, name: string | undefined): Promise<Session> {
    if (this.accounts.userByEmail(email)) throw new AccountFailure('email_taken');
    const hash = await hashPassword(password);
    // Checked again after the (slow) hash: two sign-ups for one address may race.
    if (this.accounts.userByEmail(email)) throw new AccountFailure('email_taken');
    const user = this.accounts.createUser(email, name ?? email.split('@')[0], hash);
    return this.startSession(user, randomUUID());
  }

  async signIn(email: string, password: string): Promise<Session> {
    const user = this.accounts.userByEmail(email);
    const ok = user ? await verifyPassword(password, user.password_hash) : await verifyAgainstDummy(password);
    if (!user || !ok) throw new AccountFailure('bad_credentials');
    return this.startSession(user, randomUUID());
  }

  /** Rotates a refresh token: the presented one is spent, a new one in the same family is returned. */
  async refresh(refreshToken: string): Promise<Session> {
    const row = this.accounts.refreshToken(sha256(refreshToken));
    if (!row || row.revoked_at !== null || Date.parse(row.expires_at) <= Date.now()) throw new AccountFailure('invalid_refresh_token');
    // One conditional UPDATE: of two concurrent uses, exactly one finds the token unused.
    if (!this.accounts.useRefreshToken(row.id)) {
      // A spent token presented again: someone holds a copy. End every session descended from it.
      this.accounts.revokeFamily(row.family);
      throw new AccountFailure('refresh_token_reused');
    }
    const user = this.accounts.userById(row.user_id);
    if (!user) throw new AccountFailure('invalid_refresh_token');
    return this.startSession(user, row.family);
  }

  /** Signs out: the token's whole family stops working. Unknown tokens are ignored (sign-out is idempotent). */
  revoke(refreshToken: string) {
    const row = this.accounts.refreshToken(sha256(refreshToken));
    if (row) this.accounts.revokeFamily(row.family);
  }

  private async startSession(user: UserRow, family: string): Promise<Session> {
    const refreshToken = opaqueToken();
    this.accounts.addRefreshToken(user.id, sha256(refreshToken), family, new Date(Date.now() + this.refreshTtlDays * 86_400_000));
    const { token, expiresAt } = await this.tokens.signAccess({ userId: user.id, level: user.access_level });
    return { user, accessToken: token, accessExpiresAt: expiresAt, refreshToken };
  }

  createApiKey(userId: number, label: string): { key: string; row: ApiKeyRow } {
    const key = opaqueToken(API_KEY_PREFIX);
    const row = this.accounts.addApiKey(userId, sha256(key), key.slice(0, API_KEY_PREFIX.length + 6), label);
    return { key, row };
  }

  /** The owner and level behind an API key, or null when the key is unknown or revoked. */
  resolveApiKey(key: string): { keyId: number; user: UserRow; level: AccessLevel } | null {
    const row = this.accounts.apiKeyByHash(sha256(key));
    if (!row || row.revoked_at !== null) return null;
    const user = this.accounts.userById(row.user_id);
    if (!user) return null;
    // "Last used" is written at most once a minute per key, so busy keys do not cost a write per request.
    const now = Date.now();
    if (now - (this.keyTouchedAt.get(row.id) ?? 0) > 60_000) {
      this.keyTouchedAt.set(row.id, now);
      this.accounts.touchApiKey(row.id);
    }
    return { keyId: row.id, user, level: user.access_level };
  }

  private readonly keyTouchedAt = new Map<number, number>();
}
