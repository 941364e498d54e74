-- The newest EVSE status logs, keyed by time first. A feed posts every EVSE at one time: in evse_status_logs (keyed
-- by EVSE) such a batch dirties one page per EVSE, here it appends at the table's end. Compaction moves logs older
-- than a watermark (meta 'evse_status_compacted_before') to evse_status_logs in EVSE order, many ticks at once, so
-- each EVSE's page is written once per compaction instead of once per tick. Logs below the watermark are only in
-- evse_status_logs, the others only here; reads look in both.
CREATE TABLE evse_status_recent (
  sampled_at_ms INTEGER NOT NULL,
  station_id INTEGER NOT NULL,
  logged_at_ms INTEGER NOT NULL,
  is_plugged_in INTEGER,
  is_charging INTEGER,
  charge_rate_watts REAL,
  is_out_of_order INTEGER,
  simulated INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (sampled_at_ms, station_id)
) WITHOUT ROWID;
-- One EVSE's recent logs (pages, single logs): a small index, so a batch dirties a few hundred of its pages.
CREATE INDEX evse_status_recent_station ON evse_status_recent (station_id, sampled_at_ms);
