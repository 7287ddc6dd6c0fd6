#include "gge/model/finding.hpp"

#include <set>
#include <tuple>

namespace gge {

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.body, a.session, a.code, a.first, a.last, a.subjects, a.reason) <
         std::tie(b.body, b.session, b.code, b.first, b.last, b.subjects, b.reason);
}

std::vector<Finding> findings_not_in(const std::vector<Finding>& after,
                                     const std::vector<Finding>& before) {
  std::set<std::pair<std::string, std::vector<std::string>>> known;
  for (const auto& f : before) known.emplace(f.code, f.subjects);
  std::vector<Finding> out;
  for (const auto& f : after)
    if (!known.count({f.code, f.subjects})) out.push_back(f);
  return out;
}

}  // namespace gge
