#pragma once
/// Resolutions, the mandates they give, and the deadlines a mandate must meet.
#include "gge/core/time.hpp"

#include <optional>
#include <string>

namespace gge {

/// A General Assembly resolution. Key: `symbol` ("58/32": the 32nd adopted at session 58).
struct Resolution {
  std::string symbol;       ///< "58/32"; the part before '/' is `ga_session`
  Date adopted{};           ///< adoption date, e.g. 2003-12-08
  int ga_session = 0;       ///< GA regular session that adopted it, >= 1
  std::string title;        ///< may be empty
  std::string agenda_item;  ///< may be empty
  friend bool operator==(const Resolution&, const Resolution&) = default;
};

/// What a resolution asks a body to do, and within which limits. Key: `key`.
struct Mandate {
  std::string key;             ///< short key chosen by the planner, e.g. "58/32-ict"
  std::string body;            ///< Body::symbol
  std::string resolution;      ///< Resolution::symbol that gives the mandate
  Date start{};                ///< first day work may begin (e.g. 2004-01-01 for "in 2004")
  int report_to_session = 0;   ///< GA regular session that receives the report, >= 1
  int sessions_entitled = 0;   ///< sessions the body may hold; 0 = not limited
  int days_entitled = 0;       ///< meeting days the body may hold; 0 = not limited
  std::string notes;           ///< free text, may be empty
  // --- Planner overrides of the deadline chain (rules/calendar/deadlines.hpp); unset = the default rule.
  std::optional<Date> consider_on;         ///< day the GA considers the report; default: opening
  std::optional<int> submission_weeks;     ///< weeks before consideration; default 10
  std::optional<int> distribution_weeks;   ///< weeks before consideration; default 6
  std::optional<int> adoption_working_days;///< working days from latest end to submission; default 10
  std::optional<Date> member_states_by;    ///< a Member-State submission date the planner adds
  friend bool operator==(const Mandate&, const Mandate&) = default;
};

/// A derived or planner-set date a mandate must meet. Key: (`mandate`, `kind`).
struct Deadline {
  std::string mandate;  ///< Mandate::key
  std::string kind;     ///< "consideration", "submission", "distribution", "latest_end", ...
  Date date{};
  std::string source;   ///< how it was derived or who set it (the explanation chain, one line)
  friend bool operator==(const Deadline&, const Deadline&) = default;
};

}  // namespace gge
