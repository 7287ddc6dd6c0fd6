#include "gge/model/finding.hpp"

#include <tuple>

namespace gge {

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.body, a.session, a.code, a.first, a.last, a.subjects, a.reason) <
         std::tie(b.body, b.session, b.code, b.first, b.last, b.subjects, b.reason);
}

}  // namespace gge
