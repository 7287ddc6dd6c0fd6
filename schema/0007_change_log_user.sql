-- gge schema, version 7: the change log names who made a change, when a front-end knows it
-- (`gge serve` with logins; the CLI leaves it NULL).
--
-- The store sets clock.user before writing, as it sets clock.now; one trigger copies it onto
-- every change-log row inserted while it is not empty, so the dozens of per-table log triggers
-- stay as they are and no write path can forget the user.
ALTER TABLE clock ADD COLUMN user TEXT NOT NULL DEFAULT '';
ALTER TABLE change_log ADD COLUMN user TEXT;  -- NULL: not recorded
CREATE TRIGGER change_log_user AFTER INSERT ON change_log
WHEN (SELECT user FROM clock WHERE id = 1) <> '' BEGIN
  UPDATE change_log SET user = (SELECT user FROM clock WHERE id = 1) WHERE id = NEW.id;
END;
