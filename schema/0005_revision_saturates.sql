-- gge schema, version 5: revision counters saturate instead of wrapping.
--
-- The revision is iCalendar's SEQUENCE, a 32-bit signed integer that calendars compare: it must
-- never decrease. The update triggers raise it by one; at 2147483647 (the largest SEQUENCE) it
-- stays there. These run inside the raising UPDATE, before the change log reads the row back.
CREATE TRIGGER session_revision_saturates AFTER UPDATE OF revision ON session
WHEN NEW.revision > 2147483647 BEGIN
  UPDATE session SET revision = 2147483647 WHERE id = NEW.id;
END;
CREATE TRIGGER meeting_revision_saturates AFTER UPDATE OF revision ON meeting
WHEN NEW.revision > 2147483647 BEGIN
  UPDATE meeting SET revision = 2147483647 WHERE id = NEW.id;
END;
