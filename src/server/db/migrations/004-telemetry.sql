-- Live telemetry (ev.energy-compatible): EVSE status and command logs, users' vehicles and their status logs, and
-- each EVSE's newest state for availability. An EVSE is a station (stations.id); times are ms since the epoch (UTC).
-- Logs are keyed by (EVSE or vehicle, time) without a rowid: the key is the order every list and page is read in.

CREATE TABLE evse_status_logs (
  station_id INTEGER NOT NULL,
  sampled_at_ms INTEGER NOT NULL,
  logged_at_ms INTEGER NOT NULL,
  is_plugged_in INTEGER,
  is_charging INTEGER,
  charge_rate_watts REAL,
  is_out_of_order INTEGER,
  -- 1 when posted by the feed simulator (npm run simulate:feed): shown as simulated, never as live data
  simulated INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (station_id, sampled_at_ms)
) WITHOUT ROWID;

-- The newest sample per EVSE; only a newer sample replaces it (late, out-of-order samples go to the history only).
CREATE TABLE evse_latest (
  station_id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL,
  sampled_at_ms INTEGER NOT NULL,
  -- PlugShare availability of that sample: 0 unknown, 1 available, 2 in use, 3 offline
  state INTEGER NOT NULL,
  simulated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX evse_latest_location ON evse_latest (location_id);

CREATE TABLE evse_command_logs (
  station_id INTEGER NOT NULL,
  logged_at_ms INTEGER NOT NULL,
  max_load_target_milliamps INTEGER,
  is_enabled_target INTEGER,
  always_enabled INTEGER,
  reason TEXT,
  internal_command_id TEXT,
  simulated INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (station_id, logged_at_ms)
) WITHOUT ROWID;

-- A driver's own vehicles (ev.energy vehicle ids), whose telematics post status logs.
CREATE TABLE user_vehicles (
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX user_vehicles_user ON user_vehicles (user_id);

CREATE TABLE vehicle_status_logs (
  vehicle_id TEXT NOT NULL REFERENCES user_vehicles (id) ON DELETE CASCADE,
  sampled_at_ms INTEGER NOT NULL,
  logged_at_ms INTEGER NOT NULL,
  state_of_charge_percentage REAL,
  is_charging INTEGER,
  is_plugged_in INTEGER,
  charge_rate_watts REAL,
  PRIMARY KEY (vehicle_id, sampled_at_ms)
) WITHOUT ROWID;
