-- Indexes set aside while a bulk load fills an empty database (see db/deferred-indexes.ts: the locations' R*Tree;
-- earlier versions also set aside B-tree indexes). They are built when the load ends, or the next time the database
-- is opened if the process died during the load.
CREATE TABLE deferred_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
);
