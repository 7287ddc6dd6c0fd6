// apply_plan: a plan is written in one transaction only when gge check finds no error in it.
#include "gge/core/error.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/services/plan_mandate.hpp"
#include "gge/store/store.hpp"
#include "store/fixture.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using gge::test::d;

namespace {


/// A plan that puts session 2 of GGE-ICT-2004 (mandate 58/32-ict) at GVA on [first, last].
Plan move_session_2(Date first, Date last) {
  Plan plan;
  plan.sessions.push_back({"58/32-ict", "GGE-ICT-2004", 2, first, last, "GVA", "Room XVIII"});
  return plan;
}

}  // namespace

TEST_CASE("apply_plan refuses a plan the checker finds errors in, and writes nothing", "[services]") {
  auto store = test::sample_store();
  const Scenario before = store.scenario();
  const auto log_before = store.changes().size();
  // Into New York's high-level week (an error blackout), its meeting with it.
  Plan plan;
  plan.sessions.push_back({"58/32-ict", "GGE-ICT-2004", 2, d("2005-09-19"), d("2005-09-23"), "NY", "Conference Room 4"});
  try {
    (void)apply_plan(store, plan);
    FAIL("apply_plan accepted a session in a high-level week");
  } catch (const RefusedByFindings& e) {
    CHECK(e.exit_code() == ExitCode::findings);
    INFO(e.what());
    CHECK(std::string{e.what()}.find("high-level week") != std::string::npos);
  }
  CHECK(store.scenario() == before);
  CHECK(store.changes().size() == log_before);
}

TEST_CASE("apply_plan writes an accepted plan: the session and its meetings move", "[services]") {
  auto store = test::sample_store();
  const auto old = *store.session("GGE-ICT-2004", 2);
  const auto findings = apply_plan(store, move_session_2(d("2005-04-04"), d("2005-04-08")));
  CHECK_FALSE(has_errors(findings, false));
  const auto moved = *store.session("GGE-ICT-2004", 2);
  CHECK(moved.first == d("2005-04-04"));
  CHECK(moved.last == d("2005-04-08"));
  CHECK(moved.status == SessionStatus::planned);
  CHECK(moved.uid == old.uid);
  CHECK(moved.revision == old.revision + 1);
  const auto meetings = store.meetings("GGE-ICT-2004", 2);
  REQUIRE(meetings.size() == 1);
  CHECK(meetings.front().date == d("2005-04-04"));  // 7 March + 28 days
}
