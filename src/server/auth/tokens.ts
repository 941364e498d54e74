import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AccessLevel } from '../../shared/api/account';

/** Short-lived access tokens are HS256 JWTs (jose); refresh tokens and API keys are opaque random strings stored hashed. */
export interface AccessClaims {
  userId: number;
  level: AccessLevel;
}

export const API_KEY_PREFIX = 'evk_';
const ISSUER = 'open-ev-charge-map';

export class TokenService {
  constructor(
    private readonly secret: Uint8Array,
    private readonly accessTtlSeconds: number,
  ) {}

  async signAccess(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.accessTtlSeconds * 1000);
    const token = await new SignJWT({ lvl: claims.level })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.userId))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.secret);
    return { token, expiresAt };
  }

  /** The claims of a valid, unexpired token; null for anything else (bad signature, expired, malformed). */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] });
      const userId = Number(payload.sub);
      const level = payload.lvl;
      if (!Number.isInteger(userId) || (level !== 'registered' && level !== 'full')) return null;
      return { userId, level };
    } catch {
      return null;
    }
  }
}

export const opaqueToken = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`;
export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
export const looksLikeJwt = (s: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(s);
