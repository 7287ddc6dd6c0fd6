// The deadline chain (see deadlines.hpp).
#include "gge/rules/calendar/deadlines.hpp"

#include "gge/core/error.hpp"
#include "gge/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gge {
namespace {

constexpr std::size_t k_kind_width = 13;  // "consideration", "member_states"

int pick(const std::optional<int>& override_value, const DeadlineDefault& d, std::string_view field,
         std::string& how) {
  if (override_value) {
    if (*override_value < 0)
      throw InputError("", std::string{field}, std::to_string(*override_value),
                       "must not be negative");
    how = "mandate override";
    return *override_value;
  }
  how = fmt::format("default, {}", d.source);
  return d.value;
}

}  // namespace

std::string DeadlineStep::line() const {
  return fmt::format("{}  {:<{}} {}", to_iso(date), kind, k_kind_width, explanation);
}

std::vector<DeadlineStep> derive_deadlines(const Mandate& m, const GaCalendar& ga,
                                           const WorkingCalendar& ny) {
  std::vector<DeadlineStep> steps;
  Date consideration{};
  std::string basis;  // how the consideration day is named in later steps
  if (m.consider_on) {
    consideration = *m.consider_on;
    basis = fmt::format("{} (consideration set by the planner)", to_iso(consideration));
    steps.push_back({"consideration", consideration,
                     fmt::format("= {} (set by the planner, mandate {})", to_iso(consideration),
                                 m.key)});
  } else {
    const SourcedDate open = ga.opening(m.report_to_session);
    consideration = open.date;
    basis = fmt::format("{} (GA {} opening, {})", to_iso(consideration), m.report_to_session,
                        open.source);
    steps.push_back({"consideration", consideration,
                     fmt::format("= GA {} opening ({})", m.report_to_session, open.source)});
  }

  std::string how;
  const int sub_weeks =
      pick(m.submission_weeks, k_default_submission_weeks, "mandate.submission_weeks", how);
  const Date submission = consideration - date::weeks{sub_weeks};
  steps.push_back({"submission", submission,
                   fmt::format("= {} − {} [{}]", basis, counted(sub_weeks, "week"), how)});

  const int dist_weeks =
      pick(m.distribution_weeks, k_default_distribution_weeks, "mandate.distribution_weeks", how);
  steps.push_back({"distribution", consideration - date::weeks{dist_weeks},
                   fmt::format("= {} − {} [{}]", basis, counted(dist_weeks, "week"), how)});

  const int adopt = pick(m.adoption_working_days, k_default_adoption_working_days,
                         "mandate.adoption_working_days", how);
  const Date latest_end = ny.subtract_working_days(submission, adopt);
  std::string skipped;
  for (const auto& c : ny.closures_between(latest_end + date::days{1}, submission - date::days{1}))
    skipped += fmt::format("{}{} {}", skipped.empty() ? "; skips " : ", ", to_iso(c.observed),
                           c.name);
  const std::string station = ny.station().empty() ? std::string{"Mon–Fri"} : ny.station();
  steps.push_back(
      {"latest_end", latest_end,
       fmt::format("= {} {} working days before {} (submission, not counted){} [{}]",
                   adopt, station, to_iso(submission), skipped, how)});

  if (m.member_states_by)
    steps.push_back({"member_states", *m.member_states_by,
                     fmt::format("= {} (set by the planner, mandate {})",
                                 to_iso(*m.member_states_by), m.key)});
  return steps;
}

std::vector<Deadline> to_deadlines(std::string_view mandate, std::span<const DeadlineStep> steps) {
  std::vector<Deadline> out;
  out.reserve(steps.size());
  for (const auto& s : steps) out.push_back({std::string{mandate}, s.kind, s.date, s.explanation});
  return out;
}

std::string DeadlineChange::line() const {
  switch (what) {
    case What::added:
      return fmt::format("{:<{}}  added    {}  {}", kind, k_kind_width, to_iso(*after),
                         after_source);
    case What::removed:
      return fmt::format("{:<{}}  removed  {}  (was {})", kind, k_kind_width, to_iso(*before),
                         before_source);
    case What::moved:
      return fmt::format("{:<{}}  moved    {} -> {}  {}", kind, k_kind_width, to_iso(*before),
                         to_iso(*after), after_source);
    case What::reexplained:
      return fmt::format("{:<{}}  same day {}, now {}", kind, k_kind_width, to_iso(*after),
                         after_source);
  }
  return kind;
}

std::vector<DeadlineChange> diff_deadlines(std::span<const Deadline> before,
                                           std::span<const Deadline> after) {
  std::vector<DeadlineChange> out;
  const auto find = [](std::span<const Deadline> in, const std::string& kind) -> const Deadline* {
    auto it = std::find_if(in.begin(), in.end(), [&](const Deadline& d) { return d.kind == kind; });
    return it == in.end() ? nullptr : &*it;
  };
  for (const auto& a : after) {
    const Deadline* b = find(before, a.kind);
    if (!b) {
      out.push_back({DeadlineChange::What::added, a.kind, std::nullopt, a.date, {}, a.source});
    } else if (b->date != a.date) {
      out.push_back({DeadlineChange::What::moved, a.kind, b->date, a.date, b->source, a.source});
    } else if (b->source != a.source) {
      out.push_back(
          {DeadlineChange::What::reexplained, a.kind, b->date, a.date, b->source, a.source});
    }
  }
  for (const auto& b : before)
    if (!find(after, b.kind))
      out.push_back({DeadlineChange::What::removed, b.kind, b.date, std::nullopt, b.source, {}});
  return out;
}

}  // namespace gge
