// The planner's option values, one parser for `gge plan` and the web app's plan form: the gaps
// checked against each other and the experts' hard or soft, each error naming the caller's field.
#include "gge/core/plan_parse.hpp"
#include "gge/core/error.hpp"

#include <catch2/catch.hpp>

using namespace gge;

TEST_CASE("parse_plan_gaps: either gap, both, or none", "[core]") {
  const PlanGaps none = parse_plan_gaps("", "", "--min-gap", "--max-gap", 3640);
  CHECK(none.min_days == 0);
  CHECK_FALSE(none.max_days);
  const PlanGaps both = parse_plan_gaps("8w", "12w", "--min-gap", "--max-gap", 3640);
  CHECK(both.min_days == 56);
  CHECK(both.max_days == 84);
  CHECK(parse_plan_gaps("", "4w", "min_gap", "max_gap", 3640).max_days == 28);
  CHECK(parse_plan_gaps("56d", "8w", "min_gap", "max_gap", 3640).max_days == 56);  // equal is fine
}

TEST_CASE("parse_plan_gaps: a bad spelling or a maximum below the minimum names the caller's field",
          "[core]") {
  struct Row {
    const char *min, *max, *field, *value, *problem;
  };
  const auto row = GENERATE(Row{"8w", "4w", "max_gap", "4w", "is below min_gap 8w"},
                            Row{"8x", "", "min_gap", "8x", ""}, Row{"", "9", "max_gap", "9", ""},
                            Row{"600w", "", "min_gap", "600w", ""});
  try {
    (void)parse_plan_gaps(row.min, row.max, "min_gap", "max_gap", 3640);
    FAIL("accepted " << row.min << " / " << row.max);
  } catch (const InputError& e) {
    CHECK(e.field() == row.field);
    CHECK(e.value() == row.value);
    if (*row.problem) CHECK(e.problem() == row.problem);
  }
}

TEST_CASE("parse_experts_soft: hard or soft, nothing else", "[core]") {
  CHECK_FALSE(parse_experts_soft("hard", "experts"));
  CHECK(parse_experts_soft("soft", "experts"));
  const char* bad = GENERATE("maybe", "", "Soft", "hard ");
  try {
    (void)parse_experts_soft(bad, "--experts");
    FAIL("accepted '" << bad << "'");
  } catch (const InputError& e) {
    CHECK(e.field() == "--experts");
    CHECK(e.value() == bad);
    CHECK(e.problem() == "must be hard or soft");
  }
}
