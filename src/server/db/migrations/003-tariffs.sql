-- Tariffs: each location's price text read into components, and Leccy-shaped networks → services → rates, either
-- derived from those texts (source 'open-data'), imported from Leccy JSON / the Leccy API ('leccy'), or example
-- data ('example', always labelled).

CREATE TABLE location_tariffs (
  location_id INTEGER PRIMARY KEY REFERENCES locations (id) ON DELETE CASCADE,
  source_text TEXT NOT NULL,
  -- the source's updated date of the record the text came from
  text_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('exact', 'free', 'partial', 'none')),
  currency TEXT,
  per_kwh REAL,
  per_hour REAL,
  session_fee REAL,
  idle_per_hour REAL,
  parking_per_hour REAL,
  parking_fee_applies INTEGER NOT NULL,
  notes TEXT NOT NULL
);

CREATE TABLE tariff_networks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  operator_id INTEGER,
  urls TEXT NOT NULL,
  logo TEXT,
  source TEXT NOT NULL,
  licence TEXT,
  is_example INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX tariff_networks_operator ON tariff_networks (operator_id);

CREATE TABLE tariff_services (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES tariff_networks (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  speeds TEXT NOT NULL,
  max_ac_kw REAL NOT NULL,
  max_dc_kw REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('current', 'discontinued')),
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tariff_services_network ON tariff_services (network_id, position);

-- Prices in minor units (cents, pence) as Leccy's Cost object has them.
CREATE TABLE tariff_rates (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES tariff_services (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  last_updated TEXT NOT NULL,
  is_current INTEGER NOT NULL,
  energy_included REAL NOT NULL DEFAULT 0,
  kwh REAL NOT NULL DEFAULT 0,
  connection REAL NOT NULL DEFAULT 0,
  monthly REAL NOT NULL DEFAULT 0,
  excess_kwh REAL NOT NULL DEFAULT 0,
  hour REAL NOT NULL DEFAULT 0,
  idle_hour REAL NOT NULL DEFAULT 0,
  parking_hour REAL NOT NULL DEFAULT 0,
  source_text TEXT,
  source TEXT NOT NULL,
  licence TEXT
);
CREATE INDEX tariff_rates_service ON tariff_rates (service_id, is_current, last_updated);

CREATE TABLE tariff_rate_locations (
  rate_id TEXT NOT NULL REFERENCES tariff_rates (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  location_id INTEGER REFERENCES locations (id) ON DELETE CASCADE,
  place TEXT NOT NULL,
  costs TEXT NOT NULL,
  last_updated TEXT,
  PRIMARY KEY (rate_id, position)
);
CREATE INDEX tariff_rate_locations_location ON tariff_rate_locations (location_id);
