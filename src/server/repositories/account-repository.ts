import type { Db } from '../db/open-db';
import type { AccessLevel } from '../../shared/api/account';

export interface UserRow {
  id: number;
  email: string;
  display_name: string;
  password_hash: string;
  access_level: AccessLevel;
  created_at: string;
}

export interface RefreshTokenRow {
  id: number;
  user_id: number;
  family: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface ApiKeyRow {
  id: number;
  user_id: number;
  label: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const now = () => new Date().toISOString();

/** Users, refresh tokens, API keys and request counts: all SQL of accounts lives here. */
export class AccountRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      userByEmail: db.prepare('SELECT * FROM users WHERE email = ?'),
      userById: db.prepare('SELECT * FROM users WHERE id = ?'),
      insertUser: db.prepare('INSERT INTO users (email, display_name, password_hash, access_level, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertRefresh: db.prepare('INSERT INTO refresh_tokens (user_id, token_hash, family, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      refreshByHash: db.prepare('SELECT id, user_id, family, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = ?'),
      markUsed: db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL'),
      revokeFamily: db.prepare('UPDATE refresh_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE family = ?'),
      insertKey: db.prepare('INSERT INTO api_keys (user_id, key_hash, prefix, label, created_at) VALUES (?, ?, ?, ?, ?)'),
      keyByHash: db.prepare('SELECT id, user_id, label, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE key_hash = ?'),
      keysOf: db.prepare('SELECT id, user_id, label, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE user_id = ? AND revoked_at IS NULL ORDER BY id'),
      revokeKey: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL'),
      touchKey: db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?'),
      addCount: db.prepare('INSERT INTO request_counts (user_id, day, count) VALUES (?, ?, ?) ON CONFLICT (user_id, day) DO UPDATE SET count = count + excluded.count'),
      countsOf: db.prepare('SELECT day, count FROM request_counts WHERE user_id = ? AND day >= ? AND day < ? ORDER BY day'),
    };
  }

  userByEmail(email: string): UserRow | undefined {
    return this.s.userByEmail.get(email) as UserRow | undefined;
  }

  userById(id: number): UserRow | undefined {
    return this.s.userById.get(id) as UserRow | undefined;
  }

  createUser(email: string, name: string, passwordHash: string, level: AccessLevel = 'registered'): UserRow {
    const id = Number(this.s.insertUser.run(email, name, passwordHash, level, now()).lastInsertRowid);
    return this.userById(id) as UserRow;
  }

  addRefreshToken(userId: number, tokenHash: string, family: string, expiresAt: Date) {
    this.s.insertRefresh.run(userId, tokenHash, family, now(), expiresAt.toISOString());
  }

  refreshToken(tokenHash: string): RefreshTokenRow | undefined {
    return this.s.refreshByHash.get(tokenHash) as RefreshTokenRow | undefined;
  }

  /** Marks a refresh token used; false when it already was (a replay). */
  useRefreshToken(id: number): boolean {
    return this.s.markUsed.run(now(), id).changes > 0;
  }

  revokeFamily(family: string) {
    this.s.revokeFamily.run(now(), family);
  }

  addApiKey(userId: number, keyHash: string, prefix: string, label: string): ApiKeyRow {
    const id = Number(this.s.insertKey.run(userId, keyHash, prefix, label, now()).lastInsertRowid);
    return this.apiKeys(userId).find((k) => k.id === id) as ApiKeyRow;
  }

  apiKeyByHash(keyHash: string): ApiKeyRow | undefined {
    return this.s.keyByHash.get(keyHash) as ApiKeyRow | undefined;
  }

  apiKeys(userId: number): ApiKeyRow[] {
    return this.s.keysOf.all(userId) as ApiKeyRow[];
  }

  revokeApiKey(userId: number, keyId: number): boolean {
    return this.s.revokeKey.run(now(), keyId, userId).changes > 0;
  }

  touchApiKey(keyId: number) {
    this.s.touchKey.run(now(), keyId);
  }

  /** Adds request counts per (user, day) in one transaction. */
  addRequestCounts(counts: Array<{ userId: number; day: string; count: number }>) {
    this.db.transaction(() => {
      for (const c of counts) this.s.addCount.run(c.userId, c.day, c.count);
    })();
  }

  /** Per-day counts of a user in [fromDay, toDay). */
  requestCounts(userId: number, fromDay: string, toDay: string): Array<{ day: string; count: number }> {
    return this.s.countsOf.all(userId, fromDay, toDay) as Array<{ day: string; count: number }>;
  }
}
