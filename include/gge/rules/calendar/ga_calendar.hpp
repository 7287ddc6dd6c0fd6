#pragma once
/// The General Assembly's regular sessions: opening day by Rule 1 of the rules of procedure, by
/// era (DOMAIN.md "When does GA session N open?"), the general debate, the high-level week and the
/// session's end. A recorded opening (gge::GaOpening) always wins over the rule, and every answer
/// says where it came from.
///
/// Rule 1 by era (regular session N opens in September of year 1945 + N):
///   N <= 52   the third Tuesday of September
///   53..57    the Tuesday following the second Monday of September
///   58..77    (res. 57/301) the Tuesday of the third week of September, counting from the first
///             week (Monday to Sunday) that contains at least one working day of September
///   N >= 78   (res. 75/325) the same, second week
/// "Working day" in Rule 1 is taken as Monday to Friday, NOT the New York holiday calendar: in 2017
/// Friday 1 September was a UNHQ closure (Eid al-Adha), yet session 72 opened on Tuesday
/// 12 September 2017, which only the Monday-to-Friday reading gives (the holiday reading gives the
/// 19th). The NY calendar, when given, is used for the general debate and the high-level week.
///
/// Choices this module makes (documented, not from the rules):
/// - General debate: from 58 to 77 it opens the Tuesday after the opening, from 78 two Tuesdays
///   after (DOMAIN.md). Before 58 no rule fixes it; we use the 58-77 convention (the Tuesday
///   after the opening) and say so in the source.
/// - The general debate runs nine working days (NY calendar): its first day (rolled forward to a
///   working day if it is not one) and the next eight working days, inclusive.
/// - The high-level week is the general debate's first five working days, inclusive.
/// - The session ends the day before session N + 1 opens (that opening may itself be recorded).
#include "gge/core/time.hpp"
#include "gge/model/ga.hpp"
#include "gge/rules/calendar/working_days.hpp"

#include <map>
#include <span>
#include <string>

namespace gge {

/// The largest session number answered (session 250 opens in 2195, its end needs 251 in 2196).
inline constexpr int k_max_ga_session = 250;

/// A day with where it came from.
struct SourcedDate {
  Date date{};
  std::string source;     ///< "rule 57/301, week 3", or the record's source ("recorded" if none)
  bool recorded = false;  ///< true when a GaOpening record gave it
  friend bool operator==(const SourcedDate&, const SourcedDate&) = default;
};

/// Everything known about the dates of regular session N. Ranges are first and last day inclusive.
struct GaSessionDates {
  int session = 0;
  SourcedDate opening;
  SourcedDate general_debate_first;  ///< first day of the general debate
  Date general_debate_last{};        ///< ninth working day of the general debate, inclusive
  Date high_level_first{};           ///< = general debate first day
  Date high_level_last{};            ///< fifth working day of the general debate, inclusive
  SourcedDate end;                   ///< the day before session N + 1 opens
};

class GaCalendar {
public:
  /// `records`: recorded openings (one per session; if several, the last given wins).
  /// `ny`: the New York working calendar, or nullptr for Monday to Friday. It must outlive this.
  explicit GaCalendar(std::span<const GaOpening> records = {}, const WorkingCalendar* ny = nullptr);

  /// The opening day of session `n` by Rule 1 alone, with its source ("rule 57/301, week 3").
  /// `n` outside 1..k_max_ga_session throws InputError.
  [[nodiscard]] SourcedDate rule_opening(int n) const;
  /// The opening day: the record if there is one, else Rule 1.
  [[nodiscard]] SourcedDate opening(int n) const;
  /// All the dates of session `n` (see the header comment for the conventions).
  [[nodiscard]] GaSessionDates session(int n) const;

  /// The working calendar in use (Monday to Friday when none was given).
  [[nodiscard]] const WorkingCalendar& working_calendar() const noexcept { return m_ny ? *m_ny : m_weekdays; }

private:
  [[nodiscard]] SourcedDate rule_of(int n) const;     // unchecked: n in 1..k_max_ga_session + 1
  [[nodiscard]] SourcedDate opening_of(int n) const;  // unchecked
  std::map<int, GaOpening> m_records;
  WorkingCalendar m_weekdays;
  const WorkingCalendar* m_ny;  // nullptr: m_weekdays (so copies stay valid)
};

}  // namespace gge
