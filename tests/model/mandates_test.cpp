#include "gge/model/mandates.hpp"

#include <catch2/catch.hpp>

#include <vector>

using gge::Date;
using gge::Mandate;
using gge::mandate_of_session;

namespace {
Date day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }
Mandate mandate(std::string key, Date start) {
  Mandate m;
  m.key = std::move(key);
  m.body = "GGE";
  m.start = start;
  return m;
}
}  // namespace

TEST_CASE("mandate_of_session: the latest begun, else the earliest, ties to the smaller key", "[model]") {
  const Mandate a = mandate("58/32", day(2004, 1, 1));
  const Mandate b = mandate("2005-b", day(2005, 1, 1));
  const Mandate c = mandate("2005-a", day(2005, 1, 1));
  for (const auto& order : {std::vector<const Mandate*>{&a, &b, &c}, std::vector<const Mandate*>{&c, &b, &a},
                            std::vector<const Mandate*>{&b, &a, &c}}) {
    CHECK(mandate_of_session(day(2004, 7, 12), order) == &a);  // only 58/32 has begun
    CHECK(mandate_of_session(day(2005, 1, 1), order) == &c);   // both 2005 ones begin that day
    CHECK(mandate_of_session(day(2005, 6, 13), order) == &c);
    CHECK(mandate_of_session(day(2003, 6, 1), order) == &a);   // none begun: the earliest
  }
  const std::vector<const Mandate*> late{&b, &c};
  CHECK(mandate_of_session(day(2003, 6, 1), late) == &c);  // none begun, earliest tied: smaller key
  CHECK(mandate_of_session(day(2005, 6, 13), std::vector<const Mandate*>{}) == nullptr);
}
