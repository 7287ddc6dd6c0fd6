// check_plan: runs every rule family over the interned plan, filters, suggests fixes, sorts.
#include "gge/rules/check/check.hpp"

#include "check_context.hpp"

#include <algorithm>

namespace gge {
namespace {

bool involves_body(const Finding& f, const std::string& body) {
  if (f.body == body) return true;
  const std::string prefix = body + "#";
  return std::any_of(f.subjects.begin(), f.subjects.end(),
                     [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
}

bool wanted(const Finding& f, const CheckFilter& filter, const std::string& mandate_body) {
  if (!filter.body.empty() && !involves_body(f, filter.body)) return false;
  if (!filter.mandate.empty() && !involves_body(f, mandate_body)) return false;
  if (filter.from && f.last < *filter.from) return false;
  if (filter.to && f.first > *filter.to) return false;
  return true;
}

}  // namespace

std::vector<Finding> check_plan(const CheckInput& input) {
  detail::Context c{input};
  detail::build_context(c);
  detail::check_calendar(c);
  detail::check_mandate(c);
  detail::check_overlaps(c);
  detail::check_sequence(c);
  detail::check_meetings(c);
  detail::check_busy(c);

  const auto& filter = input.filter;
  std::string mandate_body;
  if (!filter.mandate.empty()) {
    // An unknown mandate selects nothing (the caller validates the key and says so).
    mandate_body = "\x01";
    for (const auto& m : input.scenario.mandates)
      if (m.key == filter.mandate) mandate_body = m.body;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < c.out.size(); ++i) {
    if (!wanted(c.out[i], filter, mandate_body)) continue;
    if (kept != i) {
      c.out[kept] = std::move(c.out[i]);
      c.fix_target[kept] = c.fix_target[i];
    }
    ++kept;
  }
  c.out.resize(kept);
  c.fix_target.resize(kept);
  if (input.options.suggest_fixes) detail::suggest_fixes(c);
  std::sort(c.out.begin(), c.out.end(), finding_less);
  return std::move(c.out);
}

bool has_errors(const std::vector<Finding>& findings, bool strict) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return strict || f.severity == Severity::error;
  });
}

}  // namespace gge
