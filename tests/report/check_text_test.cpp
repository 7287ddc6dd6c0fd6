#include "gge/report/check_text.hpp"
#include "../rules/check/check_support.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace gge::test;

TEST_CASE("to_text: grouped by body and session, one line per finding", "[report]") {
  CHECK(to_text({}) == "No findings.\n");
  const auto text = to_text(two_bodies().check());
  CHECK(text.rfind("A\n  session 1\n    error   holiday: A#1 meets on Monday 4 July 2005, "
                   "Independence Day at NY [rule: NY is closed on its holidays] -> fix: move A#1",
                   0) == 0);
  CHECK(text.find("\n  session 2\n    error   body-overlap: ") != std::string::npos);
  CHECK(text.find("\nB\n  session 1\n    error   weekend: B#1 starts and ends on Saturday 10 "
                  "September 2005 and Wednesday 14 September 2005") == std::string::npos);
  CHECK(text.find("\nB\n  session 1\n    error   weekend: B#1 starts or ends on Saturday 10 "
                  "September 2005 [rule: ") != std::string::npos);
  CHECK(text.find("4 findings: 3 errors, 1 warning.\n") != std::string::npos);
  std::size_t lines = 0;
  for (char ch : text) lines += ch == '\n' ? 1 : 0;
  CHECK(lines == 2 + 2 + 4 + 1 + 2);  // bodies, sessions (A:2, B:2), findings, total
}
