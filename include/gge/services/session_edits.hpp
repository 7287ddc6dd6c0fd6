#pragma once
/// Use cases on sessions and their meetings; each is one transaction.
#include "gge/model/finding.hpp"
#include "gge/model/refs.hpp"
#include "gge/store/store.hpp"

#include <optional>

namespace gge {

class WriteTx;  // services/transaction.hpp

/// The session `ref`, or InputError (field `field`) when it does not exist.
Session require_session(const Store& store, const SessionRef& ref, std::string_view field);

/// Moves a session to start on `first`. Its length in calendar days is kept unless `last` is
/// given (inclusive); a new `station`/`room` may be given too. Its meetings keep their day of
/// the session (day k of the old dates on day k of the new ones; move_session_and_meetings).
/// Returns the session as stored (its revision has risen when anything changed).
/// `from_revision`: the revision the caller's change was made from; when the stored session is
/// at another one, StaleRevision and nothing is written (optimistic concurrency; nullopt: no
/// check).
Session move_session(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                     std::optional<std::string> station = {}, std::optional<std::string> room = {},
                     std::optional<long long> from_revision = {});

/// `move_session` inside the caller's transaction `tx` (same contract): the move that
/// `move_session` writes and `preview_move` rolls back is one function.
Session move_session_in(WriteTx& tx, const SessionRef& ref, Date first, std::optional<Date> last,
                        std::optional<std::string> station, std::optional<std::string> room,
                        std::optional<long long> from_revision);

/// What a move would do to the plan, computed without writing (the move and `gge check` run in
/// a transaction that is rolled back).
struct MovePreview {
  Session before;                 ///< the session as stored (its revision: the one to save from)
  Session after;                  ///< as the move would store it
  std::vector<Finding> added;     ///< findings of the moved plan that the stored one lacks
  std::vector<Finding> resolved;  ///< findings of the stored plan that the move removes
  std::vector<Finding> session_findings;  ///< every finding of the moved plan naming the session
};

/// Previews `move_session` with the same arguments: the same errors (InputError, StaleRevision),
/// and nothing written whatever happens. Findings come with their fixes (computed on the moved
/// plan). The store must be writable (the move runs in a write transaction that is rolled back;
/// the stored plan's findings are read before it, under a snapshot, so the write lock is held
/// for one check, not two).
MovePreview preview_move(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                         std::optional<std::string> station = {},
                         std::optional<std::string> room = {},
                         std::optional<long long> from_revision = {});

/// Rewrites the stored session `before` as `moved` (same body and number) and carries its
/// meetings along:
/// the meetings on the k-th of `old_days` go to the k-th of `new_days` (both sorted, without
/// repeats; a meeting on a day not listed counts as on the next listed day), keeping their
/// times, kind and number; their room is dropped when the station changes. Meetings are
/// rewritten in an order in which no two ever hold the same slot. When a meeting's day has no
/// counterpart (the session got shorter), InputError names the meeting's date and the fix, and
/// nothing is written. Runs inside the caller's transaction `tx`.
void move_session_and_meetings(WriteTx& tx, const Session& before, const Session& moved,
                               const std::vector<Date>& old_days, const std::vector<Date>& new_days);

/// The days first..last, both inclusive.
std::vector<Date> days_between(Date first, Date last);

/// Sets a session's status ("cancel" is `set_session_status(..., cancelled)`). `from_revision`
/// as for move_session.
Session set_session_status(Store& store, const SessionRef& ref, SessionStatus status,
                           std::optional<long long> from_revision = {});

/// The session `ref` read inside a write, checked against the revision the caller's change was
/// made from (`from_revision`, nullopt = no check): StaleRevision when the stored one differs.
/// InputError (field fields::k_session) when it does not exist.
Session require_session_at(const Store& store, const SessionRef& ref,
                           std::optional<long long> from_revision);

/// Which sessions `list_sessions` returns; every empty field selects all. Days inclusive.
struct SessionFilter {
  std::string body;                     ///< only this body's sessions
  std::string station;                  ///< only sessions at this duty station
  std::optional<SessionStatus> status;  ///< only sessions with this status
  std::optional<Date> from;             ///< only sessions that end on or after this day
  std::optional<Date> to;               ///< only sessions that start on or before this day
};

/// The sessions `filter` selects, by (body, number). InputError: an unknown body (field
/// fields::k_body) or station (fields::k_station), `to` before `from` (fields::k_last_day).
std::vector<Session> list_sessions(const Store& store, const SessionFilter& filter);

/// Creates the standard meetings (10:00-13:00 and 15:00-18:00, docs/domain.md "Vocabulary") on
/// every working day of the session (Monday-Friday and not a stored closure of its station),
/// skipping slots that already have a meeting. New meetings are numbered after the session's
/// highest number, in date order. Returns the meetings it created. `from_revision`: the session's
/// revision the caller's request was made from, checked as for move_session (StaleRevision and
/// nothing written when the stored session is at another one; nullopt: no check).
std::vector<Meeting> generate_meetings(Store& store, const SessionRef& ref,
                                       std::optional<long long> from_revision = {});

/// Removes meetings of session `ref` (the session stays): all of them, or those on `date`, or
/// the one on `date` starting at `start`; returns how many. The change log keeps each one, and
/// exports show it as cancelled. InputError when the session does not exist, and (field
/// "--date" / "--start") when a date or start is given but no meeting matches. `from_revision`
/// as for generate_meetings (the session's revision; StaleRevision, nothing removed).
std::size_t remove_meetings(Store& store, const SessionRef& ref, std::optional<Date> date = {},
                            std::optional<Minutes> start = {},
                            std::optional<long long> from_revision = {});

}  // namespace gge
