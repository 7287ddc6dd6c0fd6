#pragma once
/// The only door to SQLite (DESIGN.md "store"). No SQLiteCpp type appears here.
///
/// A `Store` is one open database. Opening applies the embedded migrations (schema/NNNN_*.sql)
/// and refuses a file that is not SQLite or whose schema is newer than this program knows.
/// Writes happen inside a `Store::Transaction`; one command = one transaction, so a rejected
/// command writes nothing. Every insert, update and delete lands in the change log (by triggers),
/// stamped with the store's clock.
///
/// Errors: a value that breaks an invariant or names a missing row throws `InputError` (field,
/// value) before or instead of writing; I/O and SQLite failures throw `StorageError`.
#include "gge/core/error.hpp"
#include "gge/core/time.hpp"
#include "gge/model/change.hpp"
#include "gge/model/scenario.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

class Store {
public:
  enum class Mode { read_write, read_only };

  /// Opens (creating when `read_write` and absent) the database at `path` and migrates it, all
  /// pending migrations in one transaction. `read_only` never creates, migrates or writes a file:
  /// an absent file, or one whose schema is older than this build, is a StorageError.
  /// A file that is not SQLite (or a SQLite database of another program) is refused with a
  /// StorageError naming the path, and left untouched; so is a schema newer than this build
  /// ("schema version 7 is newer than this gge knows (2)").
  ///
  /// `read_only` works on a database in a place gge cannot write (a read-only mount, a folder
  /// without write permission): when SQLite cannot make the WAL's -shm file, the file is opened
  /// immutable (no -shm, no locks), and `opened_immutable()` says so. A -wal file with changes
  /// not yet checkpointed cannot be read that way: a StorageError, not an old state.
  ///
  /// Concurrent first use is safe: the busy timeout is set before the first statement, the
  /// journal mode is switched under it (retried while another process holds the file), and the
  /// migrations run in one IMMEDIATE transaction that re-reads the schema version.
  static Store open(const std::filesystem::path& path, Mode mode = Mode::read_write);
  /// True when `open` fell back to an immutable read (see `open`).
  [[nodiscard]] bool opened_immutable() const;
  /// A fresh `:memory:` database, migrated (tests).
  static Store in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// The schema version of this database (PRAGMA user_version) and the newest this build knows.
  [[nodiscard]] int schema_version() const;
  [[nodiscard]] static int latest_schema_version();

  /// RAII transaction (SQLiteCpp-style): rolls back in its destructor unless committed; never
  /// throws from the destructor. Only one at a time per Store.
  class Transaction {
  public:
    explicit Transaction(Store& store);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

  private:
    Store* m_store;
    bool m_done = false;
  };

  /// A consistent view for a reader that makes many queries (an export, a report): every read
  /// while it lives sees the same state of the database, and SQLite takes its read lock once
  /// instead of once per statement. Nothing is written. Inside a Transaction it does nothing
  /// (the transaction already is one view); it must not outlive the store.
  class Snapshot {
  public:
    explicit Snapshot(const Store& store);
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;
    ~Snapshot();

  private:
    const Store* m_store = nullptr;  ///< nullptr when it did not begin a read transaction
  };

  /// The clock stamped on change-log rows written from now on (UTC). Defaults to the system
  /// clock at open, or SOURCE_DATE_EPOCH when that is set.
  void set_clock(Instant now);
  /// The user named on change-log rows written from now on ("" = none recorded, the default):
  /// a front-end with logins sets it before each write.
  void set_user(std::string user);

  // --- Reading. Lists are in a stable order: by key; sessions by (body, number); meetings by
  // --- (body, session, date, start); holidays by (station, date).
  [[nodiscard]] std::vector<DutyStation> stations() const;
  [[nodiscard]] std::vector<Room> rooms(const std::string& station = {}) const;
  [[nodiscard]] std::vector<Body> bodies() const;
  [[nodiscard]] std::vector<Expert> experts() const;
  [[nodiscard]] std::vector<Membership> memberships() const;
  [[nodiscard]] std::vector<Resolution> resolutions() const;
  [[nodiscard]] std::vector<Mandate> mandates() const;
  [[nodiscard]] std::vector<Deadline> deadlines(const std::string& mandate = {}) const;
  [[nodiscard]] std::vector<Session> sessions(const std::string& body = {}) const;
  [[nodiscard]] std::vector<Meeting> meetings(const std::string& body = {}, int session = 0) const;
  [[nodiscard]] std::vector<Holiday> holidays(const std::string& station = {}) const;
  /// Holiday rules by (station, name, from_year); `station` empty = all stations.
  [[nodiscard]] std::vector<HolidayRule> holiday_rules(const std::string& station = {}) const;
  /// Recorded GA openings by session number.
  [[nodiscard]] std::vector<GaOpening> ga_openings() const;
  /// Blackouts by (station, first, reason); the all-stations ones (station "") first.
  [[nodiscard]] std::vector<Blackout> blackouts() const;
  /// Imported busy time of `source` (all sources when empty), by (source, kind, subject, start,
  /// uid).
  [[nodiscard]] std::vector<BusyTime> busy_times(const std::string& source = {}) const;
  /// Calls `fn(meeting, modified)` for each meeting (of `body`, or all when empty) in the order
  /// of `meetings()`, one row at a time: memory does not grow with the number of meetings.
  /// `modified` is the meeting's `last_modified` (valid during the call only). `fn` must not
  /// write to this store. An exception from `fn` stops the walk and propagates.
  void for_each_meeting(const std::function<void(const Meeting&, std::string_view modified)>& fn,
                        const std::string& body = {}) const;
  /// The change-log timestamp (UTC, "2026-11-28T15:17:09Z") of the newest logged insert or
  /// update of the session or meeting with this UID (iCalendar LAST-MODIFIED), kept on the row
  /// by the schema's triggers; nullopt for an unknown uid.
  [[nodiscard]] std::optional<std::string> last_modified(const std::string& uid) const;
  /// The change log, oldest first; `limit` 0 = all, else the newest `limit` rows. Keys: station
  /// "NY", room "NY Conference Room 4", body/expert/mandate/resolution their key, membership
  /// "ru-1 GGE-ICT-2004", deadline "58/32-ict submission", session "GGE-ICT-2004#2", meeting
  /// "GGE-ICT-2004#2 2005-03-07 10:00", holiday "NY 2005-01-03", holiday_rule
  /// "NY Independence Day 0" (station, name, from_year), ga_opening "GA 60", blackout
  /// "NY 2005-09-14 high-level week" ("*" for every station). before/after are JSON objects
  /// with the scenario-format field names (times "HH:MM"); an update that changes nothing is
  /// not logged. `filter` selects first, then `limit` keeps the newest of those.
  [[nodiscard]] std::vector<Change> changes(std::size_t limit = 0, const ChangeFilter& filter = {}) const;
  /// The newest change-log id; 0 while the log is empty.
  [[nodiscard]] long long newest_change_id() const;
  /// The tables of the changes logged after change-log id `id`, each once, sorted.
  [[nodiscard]] std::vector<std::string> tables_changed_since(long long id) const;
  /// Meetings deleted from the plan whose UID no row holds now, each as its last deletion left
  /// it; of `body` only, unless empty. Sorted by body, session, date, start. (Their UIDs are
  /// never given to a new row: an export can announce them as cancelled.)
  [[nodiscard]] std::vector<RemovedMeeting> removed_meetings(const std::string& body = {}) const;

  [[nodiscard]] std::optional<DutyStation> station(const std::string& code) const;
  [[nodiscard]] std::optional<Body> body(const std::string& symbol) const;
  [[nodiscard]] std::optional<Mandate> mandate(const std::string& key) const;
  [[nodiscard]] std::optional<Session> session(const std::string& body, int number) const;

  /// All planning data (not the change log), every list in the order of its reader above.
  [[nodiscard]] Scenario scenario() const;

  // --- Writing (inside a Transaction). `add` refuses a duplicate key or a reference to a
  // --- missing row with InputError naming the field and value. Session and meeting UIDs are
  // --- created here when empty (make_uid(kind, natural key), gge/model/uid.hpp; the next salt
  // --- when that one is taken) and kept for life; revisions start at the given value (0).
  void add(const DutyStation& v);
  void add(const Room& v);
  void add(const Body& v);
  void add(const Expert& v);
  void add(const Membership& v);
  void add(const Resolution& v);
  void add(const Mandate& v);
  void add(const Deadline& v);   ///< replaces the mandate's deadline of the same kind
  void add(const Session& v);
  /// The meeting's session must exist and hold `v.date`; a non-empty room must be a room of the
  /// session's station; an empty kind is stored as "plenary".
  void add(const Meeting& v);
  void add(const Holiday& v);    ///< replaces the station's holiday on the same date
  void add(const HolidayRule& v);
  void add(const GaOpening& v);
  void add(const Blackout& v);   ///< station "" = every station
  /// The subject (expert, station, "STATION/Room", body) must exist; a second instance of the
  /// same event at the same start in the same source is refused.
  void add(const BusyTime& v);
  /// Adds every value of `s` in dependency order (stations first, meetings last), all or
  /// nothing (a savepoint inside the caller's transaction, or its own). This is the bulk-load
  /// path: sessions and meetings go in as one set each (the change log is still written by the
  /// triggers); when SQLite refuses a set, the load is redone row by row so the InputError
  /// names the first bad row. Same results and UIDs as adding the values one by one.
  void add(const Scenario& s);

  /// Rewrites the session (found by body and number) with `v`'s days, station, room and status.
  /// Its uid is kept; its revision rises when any of those changed.
  void update(const Session& v);
  /// Rewrites the meeting with `v.uid` with `v`'s date, times, room, kind and number.
  /// Its revision rises when date, times or room changed. Unknown uid: InputError.
  void update(const Meeting& v);
  /// Removes a mandate's stored deadlines (before they are recomputed).
  void clear_deadlines(const std::string& mandate);
  /// Replaces all deadlines of `mandate` with `deadlines` (recomputed ones). Each must name
  /// `mandate`, else InputError; an unknown mandate is an InputError.
  void replace_deadlines(const std::string& mandate, const std::vector<Deadline>& deadlines);
  /// Replaces all holiday rules of `station` with `rules` (each must name `station`).
  void replace_holiday_rules(const std::string& station, const std::vector<HolidayRule>& rules);
  /// Removes the meetings of session `body`#`session` (only those on `date`, and only the one
  /// starting at `start` (local minutes), when given); returns how many were removed.
  std::size_t remove_meetings(const std::string& body, int session, std::optional<Date> date = {},
                              std::optional<Minutes> start = {});
  /// Removes every busy time of `source`; returns how many (the change log keeps them).
  std::size_t remove_busy_times(const std::string& source);

  // --- Secret feed tokens of `gge serve` (schema 0008), by feed file name. Secrets: never in
  // --- the change log, the dump or any export.
  /// The token of `feed`, or nullopt when it has none.
  [[nodiscard]] std::optional<std::string> feed_token(const std::string& feed) const;
  /// Every feed's token, by feed file name.
  [[nodiscard]] std::map<std::string, std::string> feed_tokens() const;
  /// Gives `feed` the token `token` (at least 32 characters), replacing its old one.
  void set_feed_token(const std::string& feed, const std::string& token);

  struct Impl;

private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace gge
