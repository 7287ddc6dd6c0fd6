-- gge schema, version 4: the UIDs of deleted sessions and meetings, found fast.
--
-- A deleted meeting is exported as cancelled (STATUS:CANCELLED, from its last change-log entry)
-- so that calendars which imported it drop it; its UID must then never be given to a new row,
-- or the new meeting would arrive as an old, cancelled event. Both look deleted UIDs up here.
-- Only deletes are indexed: a bulk load, which writes only inserts, pays nothing for it.
CREATE INDEX change_log_deleted_uid ON change_log (uid) WHERE action = 'delete' AND uid IS NOT NULL;
