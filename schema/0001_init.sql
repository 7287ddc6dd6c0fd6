-- gge schema, version 1. Append-only: later changes go in new files (0002_*.sql, ...).
--
-- Conventions: one STRICT table per model type, natural keys, dates as TEXT 'YYYY-MM-DD'
-- (checked to be real days), times as INTEGER minutes after local midnight, CHECKs that mirror
-- the model invariants (include/gge/model/validate.hpp gives the readable messages).
-- Every insert, update and delete is written to change_log by the triggers at the end, stamped
-- with the one-row clock the store sets before writing.
PRAGMA application_id = 1195853105;  -- 0x47474531, "GGE1"

-- The time stamped on change_log rows (UTC, ISO 8601); the store sets it, triggers read it.
-- `quiet` is 1 only inside the store's bulk load of sessions and meetings, which then writes
-- their change-log rows itself, as one set, from the *_log_row views below (same keys, same
-- JSON); the insert triggers of session and meeting stay silent meanwhile.
CREATE TABLE clock (
  id    INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  now   TEXT NOT NULL,
  quiet INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1))
) STRICT;
INSERT INTO clock (id, now) VALUES (1, '1970-01-01T00:00:00Z');

-- Every insert, update and delete of the planning tables, oldest first.
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,                 -- clock.now when written
  table_name TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  key        TEXT NOT NULL,                 -- the row's natural key, e.g. 'GGE-ICT-2004#2'
  uid        TEXT,                          -- sessions and meetings: their stable UID
  before     TEXT,                          -- JSON object of the old row; NULL on insert
  after      TEXT                           -- JSON object of the new row; NULL on delete
) STRICT;
CREATE INDEX change_log_uid ON change_log (uid, id) WHERE uid IS NOT NULL;
CREATE TABLE station (
  code       TEXT NOT NULL PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 16),
  name       TEXT NOT NULL CHECK (name <> ''),
  zone       TEXT NOT NULL CHECK (zone <> ''),
  hours_from INTEGER NOT NULL CHECK (hours_from BETWEEN 0 AND 1439),   -- minutes after local midnight
  hours_to   INTEGER NOT NULL CHECK (hours_to > hours_from AND hours_to <= 1440)
) STRICT;
CREATE TABLE room (
  station  TEXT NOT NULL REFERENCES station (code),
  name     TEXT NOT NULL CHECK (name <> ''),
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  PRIMARY KEY (station, name)
) STRICT;
CREATE TABLE body (
  symbol       TEXT NOT NULL PRIMARY KEY CHECK (length(symbol) BETWEEN 1 AND 64),
  name         TEXT NOT NULL CHECK (name <> ''),
  kind         TEXT NOT NULL CHECK (kind IN ('GGE', 'OEWG', 'committee', 'other')),
  members      INTEGER NOT NULL CHECK (members >= 0),
  min_gap_days INTEGER NOT NULL DEFAULT 0 CHECK (min_gap_days >= 0)
) STRICT;
CREATE TABLE expert (
  key     TEXT NOT NULL PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  name    TEXT NOT NULL CHECK (name <> ''),
  country TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE membership (
  expert TEXT NOT NULL REFERENCES expert (key),
  body   TEXT NOT NULL REFERENCES body (symbol),
  role   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (expert, body)
) STRICT;
CREATE TABLE resolution (
  symbol      TEXT NOT NULL PRIMARY KEY CHECK (symbol LIKE '%_/_%'),
  adopted     TEXT NOT NULL CHECK (adopted IS date(adopted, '+0 days')),
  ga_session  INTEGER NOT NULL CHECK (ga_session >= 1),
  title       TEXT NOT NULL DEFAULT '',
  agenda_item TEXT NOT NULL DEFAULT '',
  CHECK (substr(symbol, 1, instr(symbol, '/') - 1) = CAST(ga_session AS TEXT))
) STRICT;
CREATE TABLE mandate (
  key                   TEXT NOT NULL PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  body                  TEXT NOT NULL REFERENCES body (symbol),
  resolution            TEXT NOT NULL REFERENCES resolution (symbol),
  start                 TEXT NOT NULL CHECK (start IS date(start, '+0 days')),
  report_to_session     INTEGER NOT NULL CHECK (report_to_session >= 1),
  sessions_entitled     INTEGER NOT NULL CHECK (sessions_entitled >= 0),   -- 0 = not limited
  days_entitled         INTEGER NOT NULL CHECK (days_entitled >= 0),       -- 0 = not limited
  notes                 TEXT NOT NULL DEFAULT '',
  -- planner overrides of the deadline chain; NULL = the default rule
  consider_on           TEXT CHECK (consider_on IS NULL OR consider_on IS date(consider_on, '+0 days')),
  submission_weeks      INTEGER CHECK (submission_weeks BETWEEN 0 AND 52),
  distribution_weeks    INTEGER CHECK (distribution_weeks BETWEEN 0 AND 52),
  adoption_working_days INTEGER CHECK (adoption_working_days BETWEEN 0 AND 250),
  member_states_by      TEXT CHECK (member_states_by IS NULL OR member_states_by IS date(member_states_by, '+0 days'))
) STRICT;
CREATE TABLE deadline (
  mandate TEXT NOT NULL REFERENCES mandate (key),
  kind    TEXT NOT NULL CHECK (kind <> ''),
  date    TEXT NOT NULL CHECK (date IS date(date, '+0 days')),
  source  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (mandate, kind)
) STRICT;
CREATE TABLE session (
  id       INTEGER PRIMARY KEY,
  body     TEXT NOT NULL REFERENCES body (symbol),
  number   INTEGER NOT NULL CHECK (number >= 1),
  first    TEXT NOT NULL CHECK (first IS date(first, '+0 days')),                -- first day, inclusive
  last     TEXT NOT NULL CHECK (last IS date(last, '+0 days')),                 -- last day, inclusive
  station  TEXT NOT NULL REFERENCES station (code),
  room     TEXT CHECK (room <> ''),                  -- NULL = not yet assigned
  status   TEXT NOT NULL CHECK (status IN ('planned', 'confirmed', 'held', 'postponed', 'cancelled')),
  uid      TEXT NOT NULL UNIQUE CHECK (uid <> ''),   -- stable iCalendar UID, kept for life
  revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  UNIQUE (body, number),
  CHECK (last >= first AND julianday(last) - julianday(first) <= 366),
  FOREIGN KEY (station, room) REFERENCES room (station, name)
) STRICT;
CREATE TABLE meeting (
  id       INTEGER PRIMARY KEY,
  body     TEXT NOT NULL,
  session  INTEGER NOT NULL,
  date     TEXT NOT NULL CHECK (date IS date(date, '+0 days')),
  start    INTEGER NOT NULL CHECK (start BETWEEN 0 AND 1439),         -- local minutes, inclusive
  end      INTEGER NOT NULL CHECK (end > start AND end <= 1440),      -- local minutes, exclusive
  room     TEXT CHECK (room <> ''),                                   -- NULL = the session's room
  kind     TEXT NOT NULL DEFAULT 'plenary' CHECK (kind <> ''),
  number   INTEGER NOT NULL DEFAULT 0 CHECK (number >= 0),            -- 0 = not numbered
  uid      TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  UNIQUE (body, session, date, start),
  FOREIGN KEY (body, session) REFERENCES session (body, number)
) STRICT;
CREATE TABLE holiday (
  station TEXT NOT NULL REFERENCES station (code),
  date    TEXT NOT NULL CHECK (date IS date(date, '+0 days')),
  name    TEXT NOT NULL CHECK (name <> ''),
  status  TEXT NOT NULL CHECK (status IN ('rule', 'estimated', 'confirmed')),
  PRIMARY KEY (station, date)
) STRICT;
CREATE TABLE holiday_rule (
  station     TEXT NOT NULL REFERENCES station (code),
  name        TEXT NOT NULL CHECK (name <> ''),
  kind        TEXT NOT NULL CHECK (kind IN ('fixed', 'nth_weekday', 'last_weekday', 'easter', 'hijri')),
  month       INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
  day         INTEGER NOT NULL DEFAULT 0 CHECK (day BETWEEN 0 AND 31),
  weekday     INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 6),    -- 0 = Sunday
  nth         INTEGER NOT NULL DEFAULT 0 CHECK (nth BETWEEN 0 AND 5),
  offset      INTEGER NOT NULL DEFAULT 0 CHECK (offset BETWEEN -100 AND 100), -- days after Easter
  hijri_month INTEGER NOT NULL DEFAULT 0 CHECK (hijri_month BETWEEN 0 AND 12),
  hijri_day   INTEGER NOT NULL DEFAULT 0 CHECK (hijri_day BETWEEN 0 AND 30),
  from_year   INTEGER NOT NULL DEFAULT 0 CHECK (from_year = 0 OR from_year BETWEEN 1900 AND 2199),
  to_year     INTEGER NOT NULL DEFAULT 0 CHECK (to_year = 0 OR to_year BETWEEN 1900 AND 2199),
  observance  TEXT NOT NULL CHECK (observance IN ('none', 'nearest', 'friday', 'monday', 'next_working', 'previous_working')),
  source      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (station, name, from_year),
  CHECK (from_year = 0 OR to_year = 0 OR to_year >= from_year)
) STRICT;
CREATE TABLE ga_opening (
  session INTEGER NOT NULL PRIMARY KEY CHECK (session BETWEEN 1 AND 300),
  opening TEXT NOT NULL CHECK (opening IS date(opening, '+0 days')),
  source  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE blackout (
  id       INTEGER PRIMARY KEY,
  station  TEXT REFERENCES station (code) CHECK (station <> ''),   -- NULL = every station
  first    TEXT NOT NULL CHECK (first IS date(first, '+0 days')),                              -- inclusive
  last     TEXT NOT NULL CHECK (last IS date(last, '+0 days')),                               -- inclusive
  reason   TEXT NOT NULL CHECK (reason <> ''),
  severity TEXT NOT NULL CHECK (severity IN ('warning', 'error')),
  CHECK (last >= first)
) STRICT;
CREATE UNIQUE INDEX blackout_key ON blackout (ifnull(station, ''), first, reason);

-- UIDs are created once and kept for life.
CREATE TRIGGER session_uid_kept BEFORE UPDATE OF uid ON session WHEN NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'session.uid is kept for life'); END;
CREATE TRIGGER meeting_uid_kept BEFORE UPDATE OF uid ON meeting WHEN NEW.uid IS NOT OLD.uid
BEGIN SELECT RAISE(ABORT, 'meeting.uid is kept for life'); END;
-- Change log: one trigger per table and action.

-- station
CREATE TRIGGER station_log_insert AFTER INSERT ON station BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'station', 'insert', NEW.code, NULL, NULL,
          json_object('code', NEW.code, 'name', NEW.name, 'zone', NEW.zone, 'hours_from', printf('%02d:%02d', NEW.hours_from / 60, NEW.hours_from % 60), 'hours_to', printf('%02d:%02d', NEW.hours_to / 60, NEW.hours_to % 60)));
END;
CREATE TRIGGER station_log_update AFTER UPDATE ON station WHEN (OLD.code, OLD.name, OLD.zone, OLD.hours_from, OLD.hours_to) IS NOT (NEW.code, NEW.name, NEW.zone, NEW.hours_from, NEW.hours_to) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'station', 'update', NEW.code, NULL,
          json_object('code', OLD.code, 'name', OLD.name, 'zone', OLD.zone, 'hours_from', printf('%02d:%02d', OLD.hours_from / 60, OLD.hours_from % 60), 'hours_to', printf('%02d:%02d', OLD.hours_to / 60, OLD.hours_to % 60)), json_object('code', NEW.code, 'name', NEW.name, 'zone', NEW.zone, 'hours_from', printf('%02d:%02d', NEW.hours_from / 60, NEW.hours_from % 60), 'hours_to', printf('%02d:%02d', NEW.hours_to / 60, NEW.hours_to % 60)));
END;
CREATE TRIGGER station_log_delete AFTER DELETE ON station BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'station', 'delete', OLD.code, NULL,
          json_object('code', OLD.code, 'name', OLD.name, 'zone', OLD.zone, 'hours_from', printf('%02d:%02d', OLD.hours_from / 60, OLD.hours_from % 60), 'hours_to', printf('%02d:%02d', OLD.hours_to / 60, OLD.hours_to % 60)), NULL);
END;

-- room
CREATE TRIGGER room_log_insert AFTER INSERT ON room BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'room', 'insert', NEW.station || ' ' || NEW.name, NULL, NULL,
          json_object('station', NEW.station, 'name', NEW.name, 'capacity', NEW.capacity));
END;
CREATE TRIGGER room_log_update AFTER UPDATE ON room WHEN (OLD.station, OLD.name, OLD.capacity) IS NOT (NEW.station, NEW.name, NEW.capacity) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'room', 'update', NEW.station || ' ' || NEW.name, NULL,
          json_object('station', OLD.station, 'name', OLD.name, 'capacity', OLD.capacity), json_object('station', NEW.station, 'name', NEW.name, 'capacity', NEW.capacity));
END;
CREATE TRIGGER room_log_delete AFTER DELETE ON room BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'room', 'delete', OLD.station || ' ' || OLD.name, NULL,
          json_object('station', OLD.station, 'name', OLD.name, 'capacity', OLD.capacity), NULL);
END;

-- body
CREATE TRIGGER body_log_insert AFTER INSERT ON body BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'body', 'insert', NEW.symbol, NULL, NULL,
          json_object('symbol', NEW.symbol, 'name', NEW.name, 'kind', NEW.kind, 'members', NEW.members, 'min_gap_days', NEW.min_gap_days));
END;
CREATE TRIGGER body_log_update AFTER UPDATE ON body WHEN (OLD.symbol, OLD.name, OLD.kind, OLD.members, OLD.min_gap_days) IS NOT (NEW.symbol, NEW.name, NEW.kind, NEW.members, NEW.min_gap_days) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'body', 'update', NEW.symbol, NULL,
          json_object('symbol', OLD.symbol, 'name', OLD.name, 'kind', OLD.kind, 'members', OLD.members, 'min_gap_days', OLD.min_gap_days), json_object('symbol', NEW.symbol, 'name', NEW.name, 'kind', NEW.kind, 'members', NEW.members, 'min_gap_days', NEW.min_gap_days));
END;
CREATE TRIGGER body_log_delete AFTER DELETE ON body BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'body', 'delete', OLD.symbol, NULL,
          json_object('symbol', OLD.symbol, 'name', OLD.name, 'kind', OLD.kind, 'members', OLD.members, 'min_gap_days', OLD.min_gap_days), NULL);
END;

-- expert
CREATE TRIGGER expert_log_insert AFTER INSERT ON expert BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'expert', 'insert', NEW.key, NULL, NULL,
          json_object('key', NEW.key, 'name', NEW.name, 'country', NEW.country));
END;
CREATE TRIGGER expert_log_update AFTER UPDATE ON expert WHEN (OLD.key, OLD.name, OLD.country) IS NOT (NEW.key, NEW.name, NEW.country) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'expert', 'update', NEW.key, NULL,
          json_object('key', OLD.key, 'name', OLD.name, 'country', OLD.country), json_object('key', NEW.key, 'name', NEW.name, 'country', NEW.country));
END;
CREATE TRIGGER expert_log_delete AFTER DELETE ON expert BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'expert', 'delete', OLD.key, NULL,
          json_object('key', OLD.key, 'name', OLD.name, 'country', OLD.country), NULL);
END;

-- membership
CREATE TRIGGER membership_log_insert AFTER INSERT ON membership BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'membership', 'insert', NEW.expert || ' ' || NEW.body, NULL, NULL,
          json_object('expert', NEW.expert, 'body', NEW.body, 'role', NEW.role));
END;
CREATE TRIGGER membership_log_update AFTER UPDATE ON membership WHEN (OLD.expert, OLD.body, OLD.role) IS NOT (NEW.expert, NEW.body, NEW.role) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'membership', 'update', NEW.expert || ' ' || NEW.body, NULL,
          json_object('expert', OLD.expert, 'body', OLD.body, 'role', OLD.role), json_object('expert', NEW.expert, 'body', NEW.body, 'role', NEW.role));
END;
CREATE TRIGGER membership_log_delete AFTER DELETE ON membership BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'membership', 'delete', OLD.expert || ' ' || OLD.body, NULL,
          json_object('expert', OLD.expert, 'body', OLD.body, 'role', OLD.role), NULL);
END;

-- resolution
CREATE TRIGGER resolution_log_insert AFTER INSERT ON resolution BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'resolution', 'insert', NEW.symbol, NULL, NULL,
          json_object('symbol', NEW.symbol, 'adopted', NEW.adopted, 'ga_session', NEW.ga_session, 'title', NEW.title, 'agenda_item', NEW.agenda_item));
END;
CREATE TRIGGER resolution_log_update AFTER UPDATE ON resolution WHEN (OLD.symbol, OLD.adopted, OLD.ga_session, OLD.title, OLD.agenda_item) IS NOT (NEW.symbol, NEW.adopted, NEW.ga_session, NEW.title, NEW.agenda_item) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'resolution', 'update', NEW.symbol, NULL,
          json_object('symbol', OLD.symbol, 'adopted', OLD.adopted, 'ga_session', OLD.ga_session, 'title', OLD.title, 'agenda_item', OLD.agenda_item), json_object('symbol', NEW.symbol, 'adopted', NEW.adopted, 'ga_session', NEW.ga_session, 'title', NEW.title, 'agenda_item', NEW.agenda_item));
END;
CREATE TRIGGER resolution_log_delete AFTER DELETE ON resolution BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'resolution', 'delete', OLD.symbol, NULL,
          json_object('symbol', OLD.symbol, 'adopted', OLD.adopted, 'ga_session', OLD.ga_session, 'title', OLD.title, 'agenda_item', OLD.agenda_item), NULL);
END;

-- mandate
CREATE TRIGGER mandate_log_insert AFTER INSERT ON mandate BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'mandate', 'insert', NEW.key, NULL, NULL,
          json_object('key', NEW.key, 'body', NEW.body, 'resolution', NEW.resolution, 'start', NEW.start, 'report_to_session', NEW.report_to_session, 'sessions_entitled', NEW.sessions_entitled, 'days_entitled', NEW.days_entitled, 'notes', NEW.notes, 'consider_on', NEW.consider_on, 'submission_weeks', NEW.submission_weeks, 'distribution_weeks', NEW.distribution_weeks, 'adoption_working_days', NEW.adoption_working_days, 'member_states_by', NEW.member_states_by));
END;
CREATE TRIGGER mandate_log_update AFTER UPDATE ON mandate WHEN (OLD.key, OLD.body, OLD.resolution, OLD.start, OLD.report_to_session, OLD.sessions_entitled, OLD.days_entitled, OLD.notes, OLD.consider_on, OLD.submission_weeks, OLD.distribution_weeks, OLD.adoption_working_days, OLD.member_states_by) IS NOT (NEW.key, NEW.body, NEW.resolution, NEW.start, NEW.report_to_session, NEW.sessions_entitled, NEW.days_entitled, NEW.notes, NEW.consider_on, NEW.submission_weeks, NEW.distribution_weeks, NEW.adoption_working_days, NEW.member_states_by) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'mandate', 'update', NEW.key, NULL,
          json_object('key', OLD.key, 'body', OLD.body, 'resolution', OLD.resolution, 'start', OLD.start, 'report_to_session', OLD.report_to_session, 'sessions_entitled', OLD.sessions_entitled, 'days_entitled', OLD.days_entitled, 'notes', OLD.notes, 'consider_on', OLD.consider_on, 'submission_weeks', OLD.submission_weeks, 'distribution_weeks', OLD.distribution_weeks, 'adoption_working_days', OLD.adoption_working_days, 'member_states_by', OLD.member_states_by), json_object('key', NEW.key, 'body', NEW.body, 'resolution', NEW.resolution, 'start', NEW.start, 'report_to_session', NEW.report_to_session, 'sessions_entitled', NEW.sessions_entitled, 'days_entitled', NEW.days_entitled, 'notes', NEW.notes, 'consider_on', NEW.consider_on, 'submission_weeks', NEW.submission_weeks, 'distribution_weeks', NEW.distribution_weeks, 'adoption_working_days', NEW.adoption_working_days, 'member_states_by', NEW.member_states_by));
END;
CREATE TRIGGER mandate_log_delete AFTER DELETE ON mandate BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'mandate', 'delete', OLD.key, NULL,
          json_object('key', OLD.key, 'body', OLD.body, 'resolution', OLD.resolution, 'start', OLD.start, 'report_to_session', OLD.report_to_session, 'sessions_entitled', OLD.sessions_entitled, 'days_entitled', OLD.days_entitled, 'notes', OLD.notes, 'consider_on', OLD.consider_on, 'submission_weeks', OLD.submission_weeks, 'distribution_weeks', OLD.distribution_weeks, 'adoption_working_days', OLD.adoption_working_days, 'member_states_by', OLD.member_states_by), NULL);
END;

-- deadline
CREATE TRIGGER deadline_log_insert AFTER INSERT ON deadline BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'deadline', 'insert', NEW.mandate || ' ' || NEW.kind, NULL, NULL,
          json_object('mandate', NEW.mandate, 'kind', NEW.kind, 'date', NEW.date, 'source', NEW.source));
END;
CREATE TRIGGER deadline_log_update AFTER UPDATE ON deadline WHEN (OLD.mandate, OLD.kind, OLD.date, OLD.source) IS NOT (NEW.mandate, NEW.kind, NEW.date, NEW.source) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'deadline', 'update', NEW.mandate || ' ' || NEW.kind, NULL,
          json_object('mandate', OLD.mandate, 'kind', OLD.kind, 'date', OLD.date, 'source', OLD.source), json_object('mandate', NEW.mandate, 'kind', NEW.kind, 'date', NEW.date, 'source', NEW.source));
END;
CREATE TRIGGER deadline_log_delete AFTER DELETE ON deadline BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'deadline', 'delete', OLD.mandate || ' ' || OLD.kind, NULL,
          json_object('mandate', OLD.mandate, 'kind', OLD.kind, 'date', OLD.date, 'source', OLD.source), NULL);
END;

-- session
-- The change-log key, uid and JSON of each row (the bulk load's change log).
CREATE VIEW session_log_row AS
  SELECT r.id AS id, r.body || '#' || r.number AS key, r.uid AS uid,
         json_object('body', r.body, 'number', r.number, 'first', r.first, 'last', r.last, 'station', r.station, 'room', ifnull(r.room, ''), 'status', r.status, 'uid', r.uid, 'revision', r.revision) AS row
  FROM session AS r;
CREATE TRIGGER session_log_insert AFTER INSERT ON session WHEN (SELECT quiet FROM clock WHERE id = 1) = 0 BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'session', 'insert', NEW.body || '#' || NEW.number, NEW.uid, NULL,
          json_object('body', NEW.body, 'number', NEW.number, 'first', NEW.first, 'last', NEW.last, 'station', NEW.station, 'room', ifnull(NEW.room, ''), 'status', NEW.status, 'uid', NEW.uid, 'revision', NEW.revision));
END;
-- The revision rises when first, last, station, room, status change; the logged 'after' is the row as stored.
CREATE TRIGGER session_log_update AFTER UPDATE ON session WHEN (OLD.body, OLD.number, OLD.first, OLD.last, OLD.station, OLD.room, OLD.status) IS NOT (NEW.body, NEW.number, NEW.first, NEW.last, NEW.station, NEW.room, NEW.status) BEGIN
  UPDATE session SET revision = OLD.revision + 1 WHERE id = NEW.id AND (OLD.first, OLD.last, OLD.station, OLD.room, OLD.status) IS NOT (NEW.first, NEW.last, NEW.station, NEW.room, NEW.status);
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  SELECT (SELECT now FROM clock WHERE id = 1), 'session', 'update', NEW.body || '#' || NEW.number, NEW.uid,
         json_object('body', OLD.body, 'number', OLD.number, 'first', OLD.first, 'last', OLD.last, 'station', OLD.station, 'room', ifnull(OLD.room, ''), 'status', OLD.status, 'uid', OLD.uid, 'revision', OLD.revision), json_object('body', r.body, 'number', r.number, 'first', r.first, 'last', r.last, 'station', r.station, 'room', ifnull(r.room, ''), 'status', r.status, 'uid', r.uid, 'revision', r.revision)
  FROM session AS r WHERE r.id = NEW.id;
END;
CREATE TRIGGER session_log_delete AFTER DELETE ON session BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'session', 'delete', OLD.body || '#' || OLD.number, OLD.uid,
          json_object('body', OLD.body, 'number', OLD.number, 'first', OLD.first, 'last', OLD.last, 'station', OLD.station, 'room', ifnull(OLD.room, ''), 'status', OLD.status, 'uid', OLD.uid, 'revision', OLD.revision), NULL);
END;

-- meeting
-- The change-log key, uid and JSON of each row (the bulk load's change log).
CREATE VIEW meeting_log_row AS
  SELECT r.id AS id, r.body || '#' || r.session || ' ' || r.date || ' ' || printf('%02d:%02d', r.start / 60, r.start % 60) AS key, r.uid AS uid,
         json_object('body', r.body, 'session', r.session, 'date', r.date, 'start', printf('%02d:%02d', r.start / 60, r.start % 60), 'end', printf('%02d:%02d', r.end / 60, r.end % 60), 'room', ifnull(r.room, ''), 'kind', r.kind, 'number', r.number, 'uid', r.uid, 'revision', r.revision) AS row
  FROM meeting AS r;
CREATE TRIGGER meeting_log_insert AFTER INSERT ON meeting WHEN (SELECT quiet FROM clock WHERE id = 1) = 0 BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'meeting', 'insert', NEW.body || '#' || NEW.session || ' ' || NEW.date || ' ' || printf('%02d:%02d', NEW.start / 60, NEW.start % 60), NEW.uid, NULL,
          json_object('body', NEW.body, 'session', NEW.session, 'date', NEW.date, 'start', printf('%02d:%02d', NEW.start / 60, NEW.start % 60), 'end', printf('%02d:%02d', NEW.end / 60, NEW.end % 60), 'room', ifnull(NEW.room, ''), 'kind', NEW.kind, 'number', NEW.number, 'uid', NEW.uid, 'revision', NEW.revision));
END;
-- The revision rises when date, start, end, room change; the logged 'after' is the row as stored.
CREATE TRIGGER meeting_log_update AFTER UPDATE ON meeting WHEN (OLD.body, OLD.session, OLD.date, OLD.start, OLD.end, OLD.room, OLD.kind, OLD.number) IS NOT (NEW.body, NEW.session, NEW.date, NEW.start, NEW.end, NEW.room, NEW.kind, NEW.number) BEGIN
  UPDATE meeting SET revision = OLD.revision + 1 WHERE id = NEW.id AND (OLD.date, OLD.start, OLD.end, OLD.room) IS NOT (NEW.date, NEW.start, NEW.end, NEW.room);
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  SELECT (SELECT now FROM clock WHERE id = 1), 'meeting', 'update', NEW.body || '#' || NEW.session || ' ' || NEW.date || ' ' || printf('%02d:%02d', NEW.start / 60, NEW.start % 60), NEW.uid,
         json_object('body', OLD.body, 'session', OLD.session, 'date', OLD.date, 'start', printf('%02d:%02d', OLD.start / 60, OLD.start % 60), 'end', printf('%02d:%02d', OLD.end / 60, OLD.end % 60), 'room', ifnull(OLD.room, ''), 'kind', OLD.kind, 'number', OLD.number, 'uid', OLD.uid, 'revision', OLD.revision), json_object('body', r.body, 'session', r.session, 'date', r.date, 'start', printf('%02d:%02d', r.start / 60, r.start % 60), 'end', printf('%02d:%02d', r.end / 60, r.end % 60), 'room', ifnull(r.room, ''), 'kind', r.kind, 'number', r.number, 'uid', r.uid, 'revision', r.revision)
  FROM meeting AS r WHERE r.id = NEW.id;
END;
CREATE TRIGGER meeting_log_delete AFTER DELETE ON meeting BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'meeting', 'delete', OLD.body || '#' || OLD.session || ' ' || OLD.date || ' ' || printf('%02d:%02d', OLD.start / 60, OLD.start % 60), OLD.uid,
          json_object('body', OLD.body, 'session', OLD.session, 'date', OLD.date, 'start', printf('%02d:%02d', OLD.start / 60, OLD.start % 60), 'end', printf('%02d:%02d', OLD.end / 60, OLD.end % 60), 'room', ifnull(OLD.room, ''), 'kind', OLD.kind, 'number', OLD.number, 'uid', OLD.uid, 'revision', OLD.revision), NULL);
END;

-- holiday
CREATE TRIGGER holiday_log_insert AFTER INSERT ON holiday BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'holiday', 'insert', NEW.station || ' ' || NEW.date, NULL, NULL,
          json_object('station', NEW.station, 'date', NEW.date, 'name', NEW.name, 'status', NEW.status));
END;
CREATE TRIGGER holiday_log_update AFTER UPDATE ON holiday WHEN (OLD.station, OLD.date, OLD.name, OLD.status) IS NOT (NEW.station, NEW.date, NEW.name, NEW.status) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'holiday', 'update', NEW.station || ' ' || NEW.date, NULL,
          json_object('station', OLD.station, 'date', OLD.date, 'name', OLD.name, 'status', OLD.status), json_object('station', NEW.station, 'date', NEW.date, 'name', NEW.name, 'status', NEW.status));
END;
CREATE TRIGGER holiday_log_delete AFTER DELETE ON holiday BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'holiday', 'delete', OLD.station || ' ' || OLD.date, NULL,
          json_object('station', OLD.station, 'date', OLD.date, 'name', OLD.name, 'status', OLD.status), NULL);
END;

-- holiday_rule
CREATE TRIGGER holiday_rule_log_insert AFTER INSERT ON holiday_rule BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'holiday_rule', 'insert', NEW.station || ' ' || NEW.name || ' ' || NEW.from_year, NULL, NULL,
          json_object('station', NEW.station, 'name', NEW.name, 'kind', NEW.kind, 'month', NEW.month, 'day', NEW.day, 'weekday', NEW.weekday, 'nth', NEW.nth, 'offset', NEW.offset, 'hijri_month', NEW.hijri_month, 'hijri_day', NEW.hijri_day, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'observance', NEW.observance, 'source', NEW.source));
END;
CREATE TRIGGER holiday_rule_log_update AFTER UPDATE ON holiday_rule WHEN (OLD.station, OLD.name, OLD.kind, OLD.month, OLD.day, OLD.weekday, OLD.nth, OLD.offset, OLD.hijri_month, OLD.hijri_day, OLD.from_year, OLD.to_year, OLD.observance, OLD.source) IS NOT (NEW.station, NEW.name, NEW.kind, NEW.month, NEW.day, NEW.weekday, NEW.nth, NEW.offset, NEW.hijri_month, NEW.hijri_day, NEW.from_year, NEW.to_year, NEW.observance, NEW.source) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'holiday_rule', 'update', NEW.station || ' ' || NEW.name || ' ' || NEW.from_year, NULL,
          json_object('station', OLD.station, 'name', OLD.name, 'kind', OLD.kind, 'month', OLD.month, 'day', OLD.day, 'weekday', OLD.weekday, 'nth', OLD.nth, 'offset', OLD.offset, 'hijri_month', OLD.hijri_month, 'hijri_day', OLD.hijri_day, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'observance', OLD.observance, 'source', OLD.source), json_object('station', NEW.station, 'name', NEW.name, 'kind', NEW.kind, 'month', NEW.month, 'day', NEW.day, 'weekday', NEW.weekday, 'nth', NEW.nth, 'offset', NEW.offset, 'hijri_month', NEW.hijri_month, 'hijri_day', NEW.hijri_day, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'observance', NEW.observance, 'source', NEW.source));
END;
CREATE TRIGGER holiday_rule_log_delete AFTER DELETE ON holiday_rule BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'holiday_rule', 'delete', OLD.station || ' ' || OLD.name || ' ' || OLD.from_year, NULL,
          json_object('station', OLD.station, 'name', OLD.name, 'kind', OLD.kind, 'month', OLD.month, 'day', OLD.day, 'weekday', OLD.weekday, 'nth', OLD.nth, 'offset', OLD.offset, 'hijri_month', OLD.hijri_month, 'hijri_day', OLD.hijri_day, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'observance', OLD.observance, 'source', OLD.source), NULL);
END;

-- ga_opening
CREATE TRIGGER ga_opening_log_insert AFTER INSERT ON ga_opening BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'ga_opening', 'insert', 'GA ' || NEW.session, NULL, NULL,
          json_object('session', NEW.session, 'opening', NEW.opening, 'source', NEW.source));
END;
CREATE TRIGGER ga_opening_log_update AFTER UPDATE ON ga_opening WHEN (OLD.session, OLD.opening, OLD.source) IS NOT (NEW.session, NEW.opening, NEW.source) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'ga_opening', 'update', 'GA ' || NEW.session, NULL,
          json_object('session', OLD.session, 'opening', OLD.opening, 'source', OLD.source), json_object('session', NEW.session, 'opening', NEW.opening, 'source', NEW.source));
END;
CREATE TRIGGER ga_opening_log_delete AFTER DELETE ON ga_opening BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'ga_opening', 'delete', 'GA ' || OLD.session, NULL,
          json_object('session', OLD.session, 'opening', OLD.opening, 'source', OLD.source), NULL);
END;

-- blackout
CREATE TRIGGER blackout_log_insert AFTER INSERT ON blackout BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'blackout', 'insert', ifnull(NEW.station, '*') || ' ' || NEW.first || ' ' || NEW.reason, NULL, NULL,
          json_object('station', ifnull(NEW.station, ''), 'first', NEW.first, 'last', NEW.last, 'reason', NEW.reason, 'severity', NEW.severity));
END;
CREATE TRIGGER blackout_log_update AFTER UPDATE ON blackout WHEN (OLD.station, OLD.first, OLD.last, OLD.reason, OLD.severity) IS NOT (NEW.station, NEW.first, NEW.last, NEW.reason, NEW.severity) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'blackout', 'update', ifnull(NEW.station, '*') || ' ' || NEW.first || ' ' || NEW.reason, NULL,
          json_object('station', ifnull(OLD.station, ''), 'first', OLD.first, 'last', OLD.last, 'reason', OLD.reason, 'severity', OLD.severity), json_object('station', ifnull(NEW.station, ''), 'first', NEW.first, 'last', NEW.last, 'reason', NEW.reason, 'severity', NEW.severity));
END;
CREATE TRIGGER blackout_log_delete AFTER DELETE ON blackout BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'blackout', 'delete', ifnull(OLD.station, '*') || ' ' || OLD.first || ' ' || OLD.reason, NULL,
          json_object('station', ifnull(OLD.station, ''), 'first', OLD.first, 'last', OLD.last, 'reason', OLD.reason, 'severity', OLD.severity), NULL);
END;
