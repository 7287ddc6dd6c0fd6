#include "gge/rules/calendar/deadlines.hpp"

#include "gge/core/error.hpp"
#include "rules/calendar/ny_rules.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using namespace date::literals;

namespace {

const WorkingCalendar& ny() {
  static const WorkingCalendar cal = make_working_calendar("NY", gge::test::ny_rules(), {});
  return cal;
}

Mandate ict_2004() {
  Mandate m;
  m.key = "58/32-ict";
  m.body = "GGE-ICT-2004";
  m.resolution = "58/32";
  m.start = Date{2004_y / 1 / 1};
  m.report_to_session = 60;
  return m;
}

const DeadlineStep& step(const std::vector<DeadlineStep>& steps, std::string_view kind) {
  for (const auto& s : steps)
    if (s.kind == kind) return s;
  FAIL("no step " << kind);
  throw;
}

}  // namespace

TEST_CASE("the 2004-2005 deadline chain", "[rules]") {
  const GaCalendar ga({}, &ny());
  const auto steps = derive_deadlines(ict_2004(), ga, ny());
  REQUIRE(steps.size() == 4);
  CHECK(step(steps, "consideration").date == Date{2005_y / 9 / 13});
  CHECK(step(steps, "submission").date == Date{2005_y / 7 / 5});
  CHECK(step(steps, "distribution").date == Date{2005_y / 8 / 2});
  // 10 working days before 5 July, not counting it; Monday 4 July is a NY holiday.
  CHECK(step(steps, "latest_end").date == Date{2005_y / 6 / 20});
  CHECK_THAT(step(steps, "submission").line(),
             Catch::StartsWith("2005-07-05  submission    = 2005-09-13 (GA 60 opening, rule "
                               "57/301, week 3) − 10 weeks"));
  CHECK_THAT(step(steps, "latest_end").explanation, Catch::Contains("2005-07-04 Independence Day"));
  CHECK_THAT(step(steps, "latest_end").explanation, Catch::Contains("not counted"));
  CHECK_THAT(step(steps, "submission").explanation, Catch::Contains("DOMAIN.md"));
}

TEST_CASE("planner overrides change the chain", "[rules]") {
  const GaCalendar ga({}, &ny());
  Mandate m = ict_2004();
  m.consider_on = Date{2005_y / 10 / 3};
  m.submission_weeks = 8;
  m.adoption_working_days = 5;
  m.member_states_by = Date{2005_y / 5 / 31};
  const auto steps = derive_deadlines(m, ga, ny());
  REQUIRE(steps.size() == 5);
  CHECK(step(steps, "consideration").date == Date{2005_y / 10 / 3});
  CHECK(step(steps, "submission").date == Date{2005_y / 8 / 8});
  CHECK_THAT(step(steps, "submission").explanation, Catch::Contains("mandate override"));
  CHECK(step(steps, "distribution").date == Date{2005_y / 8 / 22});
  CHECK(step(steps, "latest_end").date == Date{2005_y / 8 / 1});
  CHECK(step(steps, "member_states").date == Date{2005_y / 5 / 31});
  m.distribution_weeks = -1;
  CHECK_THROWS_AS(derive_deadlines(m, ga, ny()), InputError);
  Mandate bad = ict_2004();
  bad.report_to_session = 0;
  CHECK_THROWS_AS(derive_deadlines(bad, ga, ny()), InputError);
}

TEST_CASE("a recorded GA opening moves the chain, and the diff says what changed", "[rules]") {
  const auto before = to_deadlines("58/32-ict", derive_deadlines(ict_2004(), GaCalendar({}, &ny()), ny()));
  REQUIRE(before.size() == 4);
  CHECK(before[1].mandate == "58/32-ict");
  CHECK(before[1].kind == "submission");
  CHECK_THAT(before[1].source, Catch::Contains("rule 57/301"));

  const std::vector<GaOpening> rec{{60, Date{2005_y / 9 / 20}, "test record"}};
  const auto after = to_deadlines("58/32-ict", derive_deadlines(ict_2004(), GaCalendar(rec, &ny()), ny()));
  CHECK(after[1].date == Date{2005_y / 7 / 12});
  const auto changes = diff_deadlines(before, after);
  REQUIRE(changes.size() == 4);
  for (const auto& c : changes) CHECK(c.what == DeadlineChange::What::moved);
  CHECK_THAT(changes[1].line(), Catch::Contains("2005-07-05 -> 2005-07-12"));
  CHECK(diff_deadlines(after, after).empty());

  auto fewer = after;
  fewer.pop_back();
  const auto removed = diff_deadlines(after, fewer);
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].what == DeadlineChange::What::removed);
  const auto added = diff_deadlines(fewer, after);
  REQUIRE(added.size() == 1);
  CHECK(added[0].what == DeadlineChange::What::added);
  CHECK(added[0].kind == "latest_end");
}
