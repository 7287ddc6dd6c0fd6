-- gge schema, version 6: busy time imported from outside calendars (`gge import ics`).
--
-- One row per instance of an imported event (a recurring event gives one row per instance in
-- the import's window). The subject is named by its kind and key; the key is checked by the
-- importer (no foreign key can point at four tables). A re-import of a source deletes its rows
-- and inserts the new ones in one transaction: the change log keeps what was replaced.
-- all_day = 1: `start` and `end` are the first and last day, inclusive, 'YYYY-MM-DD'.
-- all_day = 0: `start` and `end` are UTC instants 'YYYY-MM-DDTHH:MM:SSZ', [start, end).
CREATE TABLE busy_time (
  kind    TEXT NOT NULL CHECK (kind IN ('expert', 'station', 'room', 'body')),
  subject TEXT NOT NULL CHECK (subject <> ''),
  source  TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
  uid     TEXT NOT NULL CHECK (uid <> ''),
  start   TEXT NOT NULL,
  end     TEXT NOT NULL,
  all_day INTEGER NOT NULL CHECK (all_day IN (0, 1)),
  summary TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, subject, source, uid, start),
  CHECK ((all_day = 1 AND start IS date(start, '+0 days') AND end IS date(end, '+0 days') AND end >= start)
      OR (all_day = 0 AND start IS strftime('%Y-%m-%dT%H:%M:%SZ', start)
                      AND end IS strftime('%Y-%m-%dT%H:%M:%SZ', end) AND end > start))
) STRICT;
CREATE INDEX busy_time_source ON busy_time (source);

CREATE TRIGGER busy_time_log_insert AFTER INSERT ON busy_time BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'busy_time', 'insert',
          NEW.kind || ' ' || NEW.subject || ' ' || NEW.source || ' ' || NEW.uid || ' ' || NEW.start, NULL, NULL,
          json_object('kind', NEW.kind, 'subject', NEW.subject, 'source', NEW.source, 'uid', NEW.uid,
                      'start', NEW.start, 'end', NEW.end, 'all_day', json(CASE NEW.all_day WHEN 1 THEN 'true' ELSE 'false' END),
                      'summary', NEW.summary));
END;
CREATE TRIGGER busy_time_log_update AFTER UPDATE ON busy_time WHEN (OLD.kind, OLD.subject, OLD.source, OLD.uid, OLD.start, OLD.end, OLD.all_day, OLD.summary) IS NOT (NEW.kind, NEW.subject, NEW.source, NEW.uid, NEW.start, NEW.end, NEW.all_day, NEW.summary) BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'busy_time', 'update',
          NEW.kind || ' ' || NEW.subject || ' ' || NEW.source || ' ' || NEW.uid || ' ' || NEW.start, NULL,
          json_object('kind', OLD.kind, 'subject', OLD.subject, 'source', OLD.source, 'uid', OLD.uid,
                      'start', OLD.start, 'end', OLD.end, 'all_day', json(CASE OLD.all_day WHEN 1 THEN 'true' ELSE 'false' END),
                      'summary', OLD.summary),
          json_object('kind', NEW.kind, 'subject', NEW.subject, 'source', NEW.source, 'uid', NEW.uid,
                      'start', NEW.start, 'end', NEW.end, 'all_day', json(CASE NEW.all_day WHEN 1 THEN 'true' ELSE 'false' END),
                      'summary', NEW.summary));
END;
CREATE TRIGGER busy_time_log_delete AFTER DELETE ON busy_time BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'busy_time', 'delete',
          OLD.kind || ' ' || OLD.subject || ' ' || OLD.source || ' ' || OLD.uid || ' ' || OLD.start, NULL,
          json_object('kind', OLD.kind, 'subject', OLD.subject, 'source', OLD.source, 'uid', OLD.uid,
                      'start', OLD.start, 'end', OLD.end, 'all_day', json(CASE OLD.all_day WHEN 1 THEN 'true' ELSE 'false' END),
                      'summary', OLD.summary), NULL);
END;
