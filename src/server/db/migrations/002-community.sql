-- Accounts, API keys, request counts, check-ins (OCM comments / PlugShare reviews), photos and per-location scores.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  -- scrypt$N$r$p$salt$hash (see src/server/auth/passwords.ts)
  password_hash TEXT NOT NULL,
  -- Leccy access levels; anonymous callers are 'public'
  access_level TEXT NOT NULL DEFAULT 'registered' CHECK (access_level IN ('registered', 'full')),
  created_at TEXT NOT NULL
);

-- Refresh tokens are stored as SHA-256 hashes. Each use rotates the token inside its family; presenting a token
-- that was already used revokes the whole family (a stolen token is then worthless to both holders).
CREATE TABLE refresh_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  family TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  -- the first characters, shown in the account page so a key can be recognised
  prefix TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE request_counts (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

-- One table for OCM comments/check-ins and PlugShare reviews: both APIs read and write the same rows.
CREATE TABLE checkins (
  id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  -- 'local' (posted here) or 'ocm' (imported with OCM data, source_id = OCM comment ID)
  source TEXT NOT NULL DEFAULT 'local',
  source_id TEXT,
  user_name TEXT,
  comment_type_id INTEGER NOT NULL,
  checkin_status_type_id INTEGER,
  -- OCM Rating 1..5 (optional)
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  -- PlugShare rating: 1 success, 0 neutral / tip, -1 problem
  review_rating INTEGER NOT NULL CHECK (review_rating IN (-1, 0, 1)),
  comment TEXT,
  related_url TEXT,
  kw_reached REAL,
  vehicle TEXT,
  finished_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX checkins_location ON checkins (location_id, created_at);
CREATE INDEX checkins_user ON checkins (user_id, location_id, created_at);

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  checkin_id INTEGER REFERENCES checkins (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  source TEXT NOT NULL DEFAULT 'local',
  source_id TEXT,
  -- imported photos stay where their source hosts them
  external_url TEXT,
  external_thumbnail_url TEXT,
  mime TEXT,
  width INTEGER,
  height INTEGER,
  bytes INTEGER,
  comment TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX photos_location ON photos (location_id, created_at);

-- Image bytes live in the database with their row, so a photo is committed atomically with its check-in.
CREATE TABLE photo_blobs (
  photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
  original BLOB NOT NULL,
  thumbnail BLOB NOT NULL,
  thumbnail_mime TEXT NOT NULL
);

-- Derived from check-ins (src/shared/score.ts); refreshed on every check-in change and at start.
CREATE TABLE location_stats (
  location_id INTEGER PRIMARY KEY REFERENCES locations (id) ON DELETE CASCADE,
  score REAL,
  checkin_count INTEGER NOT NULL,
  last_checkin_at TEXT,
  last_success_at TEXT,
  last_failure_at TEXT
);
