-- gge schema, version 2: each session and meeting keeps the time of its newest change.
--
-- iCalendar's LAST-MODIFIED of every exported item: read from the row itself, an export of a
-- million meetings no longer looks each one up in the change log (3 us a lookup, most of the
-- export's time). `modified` is the clock.now (UTC, "2026-11-28T15:17:09Z") of the newest logged
-- insert or update of the row, kept by the triggers below in step with the change log: same
-- clock, same conditions as the log triggers of 0001. The store's bulk load writes it directly
-- (the insert trigger only fills a row that arrives without it).
ALTER TABLE session ADD COLUMN modified TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN modified TEXT NOT NULL DEFAULT '';

-- Existing rows: the newest change-log entry of their UID.
UPDATE session SET modified = ifnull((SELECT at FROM change_log AS c WHERE c.uid = session.uid
                                      ORDER BY c.id DESC LIMIT 1), '');
UPDATE meeting SET modified = ifnull((SELECT at FROM change_log AS c WHERE c.uid = meeting.uid
                                      ORDER BY c.id DESC LIMIT 1), '');
-- Nothing else looked the change log up by UID; the index cost a random B-tree insert per row.
DROP INDEX change_log_uid;

CREATE TRIGGER session_modified_insert AFTER INSERT ON session WHEN NEW.modified = '' BEGIN
  UPDATE session SET modified = (SELECT now FROM clock WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER session_modified_update AFTER UPDATE ON session WHEN (OLD.body, OLD.number, OLD.first, OLD.last, OLD.station, OLD.room, OLD.status) IS NOT (NEW.body, NEW.number, NEW.first, NEW.last, NEW.station, NEW.room, NEW.status) BEGIN
  UPDATE session SET modified = (SELECT now FROM clock WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER meeting_modified_insert AFTER INSERT ON meeting WHEN NEW.modified = '' BEGIN
  UPDATE meeting SET modified = (SELECT now FROM clock WHERE id = 1) WHERE id = NEW.id;
END;
CREATE TRIGGER meeting_modified_update AFTER UPDATE ON meeting WHEN (OLD.body, OLD.session, OLD.date, OLD.start, OLD.end, OLD.room, OLD.kind, OLD.number) IS NOT (NEW.body, NEW.session, NEW.date, NEW.start, NEW.end, NEW.room, NEW.kind, NEW.number) BEGIN
  UPDATE meeting SET modified = (SELECT now FROM clock WHERE id = 1) WHERE id = NEW.id;
END;
