-- gge schema, version 8: the secret token of a feed of `gge serve` (README "gge serve", feeds).
--
-- `GET /feeds/TOKEN/FEED` serves FEED (a file name of `gge feeds`, e.g. 'body-GGE-ICT-2004.ics')
-- without a login, so a calendar program can subscribe; a planner rotates the token, and the old
-- link stops working. Kept in the database, so links survive restarts and every `gge serve` of
-- the database agrees. No change-log trigger: the log is readable by every user and would carry
-- the secret, and a rotation must not change the feeds' DTSTAMP (their newest change).
CREATE TABLE feed_token (
  feed    TEXT PRIMARY KEY CHECK (length(feed) BETWEEN 1 AND 300),
  token   TEXT NOT NULL UNIQUE CHECK (length(token) >= 32),
  created TEXT NOT NULL  -- UTC, 'YYYY-MM-DDTHH:MM:SSZ', from the store's clock
) STRICT;
