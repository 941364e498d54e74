-- Core schema: OCM reference data, locations -> stations (EVSEs) -> connectors, spatial index, import log.

CREATE TABLE ref_connection_types (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  formal_name TEXT,
  is_discontinued INTEGER,
  is_obsolete INTEGER,
  json TEXT NOT NULL
);
CREATE TABLE ref_current_types (id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT, json TEXT NOT NULL);
CREATE TABLE ref_levels (id INTEGER PRIMARY KEY, title TEXT NOT NULL, comments TEXT, is_fast_charge_capable INTEGER, json TEXT NOT NULL);
CREATE TABLE ref_usage_types (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL,
  is_pay_at_location INTEGER, is_membership_required INTEGER, is_access_key_required INTEGER,
  json TEXT NOT NULL
);
CREATE TABLE ref_status_types (id INTEGER PRIMARY KEY, title TEXT NOT NULL, is_operational INTEGER, is_user_selectable INTEGER, json TEXT NOT NULL);
CREATE TABLE ref_submission_status_types (id INTEGER PRIMARY KEY, title TEXT NOT NULL, is_live INTEGER, json TEXT NOT NULL);
CREATE TABLE ref_countries (id INTEGER PRIMARY KEY, iso_code TEXT NOT NULL, continent_code TEXT, title TEXT NOT NULL, json TEXT NOT NULL);
CREATE UNIQUE INDEX ref_countries_iso ON ref_countries (iso_code);
CREATE TABLE ref_operators (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  website_url TEXT,
  phone_primary TEXT,
  is_private_individual INTEGER,
  -- 1 when this row was created by an importer for a network OCM does not list (ids from 1000000 up).
  is_local INTEGER NOT NULL DEFAULT 0,
  json TEXT NOT NULL
);
CREATE INDEX ref_operators_title ON ref_operators (title COLLATE NOCASE);
CREATE TABLE ref_data_providers (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  website_url TEXT,
  license TEXT,
  is_open_data_licensed INTEGER,
  json TEXT NOT NULL
);
CREATE TABLE ref_checkin_status_types (id INTEGER PRIMARY KEY, title TEXT NOT NULL, is_positive INTEGER, is_automated_checkin INTEGER, json TEXT NOT NULL);
CREATE TABLE ref_comment_types (id INTEGER PRIMARY KEY, title TEXT NOT NULL, json TEXT NOT NULL);

CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  -- provenance: where the record came from, under which licence, and the source's own id and date
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  source_file TEXT,
  source_updated_at TEXT,
  data_provider_id INTEGER NOT NULL,
  -- OCM DataProvidersReference: the record's id at the original provider (e.g. the AFDC id of an OCM record)
  data_providers_reference TEXT,
  licence TEXT NOT NULL,
  is_open_data INTEGER NOT NULL DEFAULT 1,
  -- the place
  title TEXT NOT NULL,
  address_line1 TEXT,
  address_line2 TEXT,
  town TEXT,
  state_or_province TEXT,
  postcode TEXT,
  country_id INTEGER,
  latitude REAL NOT NULL,
  longitude REAL NOT NULL,
  contact_telephone1 TEXT,
  contact_email TEXT,
  related_url TEXT,
  access_comments TEXT,
  facility_type TEXT,
  general_comments TEXT,
  -- what is there and who runs it
  operator_id INTEGER,
  usage_type_id INTEGER,
  status_type_id INTEGER,
  submission_status_type_id INTEGER NOT NULL DEFAULT 100,
  usage_cost TEXT,
  number_of_points INTEGER,
  data_quality_level INTEGER,
  -- dates (ISO 8601 UTC)
  date_created TEXT,
  date_last_status_update TEXT,
  date_last_verified TEXT,
  date_last_confirmed TEXT,
  date_planned TEXT,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- denormalised summary used by filters, sorting and map symbols
  max_power_kw REAL,
  content_hash TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX locations_operator ON locations (operator_id);
CREATE INDEX locations_country ON locations (country_id);

CREATE VIRTUAL TABLE locations_rtree USING rtree (id, min_lat, max_lat, min_lng, max_lng);

CREATE TABLE stations (
  id INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  -- stable key of the station inside its location, from the source (e.g. 'dc', 'ncr:118687')
  ref TEXT NOT NULL,
  network_ext_id TEXT,
  manufacturer TEXT,
  model TEXT,
  status_type_id INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (location_id, ref)
);

CREATE TABLE connectors (
  id INTEGER PRIMARY KEY,
  station_id INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  location_id INTEGER NOT NULL,
  ref TEXT NOT NULL,
  connection_type_id INTEGER NOT NULL DEFAULT 0,
  current_type_id INTEGER,
  level_id INTEGER,
  power_kw REAL,
  -- 1 when the source gave no power and power_kw is the documented nominal value for the level / network
  power_estimated INTEGER NOT NULL DEFAULT 0,
  amps INTEGER,
  voltage INTEGER,
  quantity INTEGER,
  status_type_id INTEGER,
  comments TEXT,
  UNIQUE (station_id, ref)
);
CREATE INDEX connectors_location ON connectors (location_id, connection_type_id, power_kw);

CREATE TABLE vehicles (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  licence TEXT NOT NULL,
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  variant TEXT,
  release_year INTEGER,
  vehicle_type TEXT,
  powertrain TEXT,
  usable_battery_kwh REAL,
  json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL,
  file TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  read_count INTEGER NOT NULL DEFAULT 0,
  inserted_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  -- JSON: [{line, reason}] (first 1000) and counts per reason
  skipped_report TEXT
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
