#pragma once
/// Use cases on sessions and their meetings; each is one transaction.
#include "gge/model/refs.hpp"
#include "gge/store/store.hpp"

#include <optional>

namespace gge {

/// The session `ref`, or InputError (field `field`) when it does not exist.
Session require_session(const Store& store, const SessionRef& ref, std::string_view field);

/// Moves a session to start on `first`. Its length is kept unless `last` is given (inclusive).
/// Its meetings move by the same number of days; a new `station`/`room` may be given too.
/// Returns the session as stored (its revision has risen when anything changed).
Session move_session(Store& store, const SessionRef& ref, Date first, std::optional<Date> last,
                     std::optional<std::string> station = {}, std::optional<std::string> room = {});

/// Sets a session's status ("cancel" is `set_session_status(..., cancelled)`).
Session set_session_status(Store& store, const SessionRef& ref, SessionStatus status);

/// Creates the standard meetings (10:00-13:00 and 15:00-18:00, DOMAIN.md) on every working day
/// of the session (Monday-Friday and not a stored closure of its station), skipping slots that
/// already have a meeting. New meetings are numbered after the session's highest number, in
/// date order. Returns the meetings it created.
std::vector<Meeting> generate_meetings(Store& store, const SessionRef& ref);

}  // namespace gge
