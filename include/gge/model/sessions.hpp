#pragma once
/// Sessions of a body and their meetings.
#include "gge/core/time.hpp"
#include "gge/model/refs.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace gge {

enum class SessionStatus { planned, confirmed, held, postponed, cancelled };
/// "planned", "confirmed", "held", "postponed", "cancelled".
std::string_view to_string(SessionStatus s);
std::optional<SessionStatus> parse_session_status(std::string_view s);
/// `parse_session_status` for untrusted input: InputError naming `field` and the statuses
/// accepted when `text` is none of them.
SessionStatus require_session_status(std::string_view text, std::string_view field);

/// The status sets, one home for every layer. An *active* session takes place (planned,
/// confirmed or held): it occupies its days, room and experts, counts against its mandate and is
/// checked. Postponed and cancelled sessions are not active.
constexpr bool is_active(SessionStatus s) noexcept {
  return s == SessionStatus::planned || s == SessionStatus::confirmed || s == SessionStatus::held;
}
/// A *firm* session is active and its dates are decided (confirmed or held): the planner keeps
/// it where it is, and the checker names the other party of a clash as the one to move.
constexpr bool is_firm(SessionStatus s) noexcept {
  return s == SessionStatus::confirmed || s == SessionStatus::held;
}

/// A numbered session of a body. Key: (`body`, `number`).
/// Days are **inclusive**: `first`..`last` ("12 to 16 July 2004"); as an interval, [first, last+1).
struct Session {
  std::string body;      ///< Body::symbol
  int number = 0;        ///< 1 = first session; unique per body, >= 1
  Date first{};          ///< first day, inclusive
  Date last{};           ///< last day, inclusive; >= first
  std::string station;   ///< DutyStation::code
  std::string room;      ///< Room::name at `station`; empty = not yet assigned
  SessionStatus status = SessionStatus::planned;
  std::string uid;       ///< stable iCalendar UID, created once (empty before first save)
  int revision = 0;      ///< rises when dates, place or status change
  friend bool operator==(const Session&, const Session&) = default;
};

/// A 3-hour interpreted slot of a session. Key: (`body`, `session`, `date`, `start`).
/// Times are wall-clock minutes in the session's station zone; [start, end) half-open.
struct Meeting {
  std::string body;     ///< Body::symbol
  int session = 0;      ///< Session::number
  Date date{};          ///< within the session's days
  Minutes start{};      ///< local start, [0, 1440)
  Minutes end{};        ///< local end, (start, 1440]
  std::string room;     ///< Room::name at the session's station; empty = the session's room
  std::string kind;     ///< "plenary", "informal", ...; default "plenary"
  int number = 0;       ///< meeting number within the session (1, 2, ...); 0 = not numbered
  std::string uid;      ///< stable iCalendar UID, created once
  int revision = 0;     ///< rises when date, time, room change
  friend bool operator==(const Meeting&, const Meeting&) = default;
};

/// The standard meeting slots: 10:00-13:00 and 15:00-18:00 (two interpreted three-hour meetings a day; docs/domain.md "Vocabulary").
inline constexpr Minutes k_morning_start{10 * 60}, k_morning_end{13 * 60};
inline constexpr Minutes k_afternoon_start{15 * 60}, k_afternoon_end{18 * 60};

/// The reference "BODY#N" of a session, and of the session a meeting belongs to.
inline SessionRef ref_of(const Session& s) { return {s.body, s.number}; }
inline SessionRef ref_of(const Meeting& m) { return {m.body, m.session}; }

}  // namespace gge
