-- gge schema, version 3: the insert triggers of sessions and meetings always log.
--
-- Version 1 let the store's bulk load silence them with clock.quiet = 1 and write the change
-- log as a set instead. Even a silenced trigger cost a trigger program and a statement journal
-- per row; the bulk load now turns the connection's triggers off altogether
-- (SQLITE_DBCONFIG_ENABLE_TRIGGER) and does their work for the whole set (src/store/write.cpp).
-- So the triggers lose their WHEN, and clock.quiet is no longer read or written (kept: the
-- schema is append-only and old rows keep their columns).
DROP TRIGGER session_log_insert;
DROP TRIGGER meeting_log_insert;
CREATE TRIGGER session_log_insert AFTER INSERT ON session BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'session', 'insert', NEW.body || '#' || NEW.number, NEW.uid, NULL,
          json_object('body', NEW.body, 'number', NEW.number, 'first', NEW.first, 'last', NEW.last, 'station', NEW.station, 'room', ifnull(NEW.room, ''), 'status', NEW.status, 'uid', NEW.uid, 'revision', NEW.revision));
END;
CREATE TRIGGER meeting_log_insert AFTER INSERT ON meeting BEGIN
  INSERT INTO change_log (at, table_name, action, key, uid, before, after)
  VALUES ((SELECT now FROM clock WHERE id = 1), 'meeting', 'insert', NEW.body || '#' || NEW.session || ' ' || NEW.date || ' ' || printf('%02d:%02d', NEW.start / 60, NEW.start % 60), NEW.uid, NULL,
          json_object('body', NEW.body, 'session', NEW.session, 'date', NEW.date, 'start', printf('%02d:%02d', NEW.start / 60, NEW.start % 60), 'end', printf('%02d:%02d', NEW.end / 60, NEW.end % 60), 'room', ifnull(NEW.room, ''), 'kind', NEW.kind, 'number', NEW.number, 'uid', NEW.uid, 'revision', NEW.revision));
END;
