// `gge plan` on the 2004-2005 example with more bodies (GGE-B, OEWG-C sharing an expert with
// GGE-ICT-2004): the joint problem is built from every mandate, whatever their order; what it
// proposes is what `--apply` writes and `gge check` accepts; --stretch, blocked days and the
// window are one definition each.
#include "gge/core/error.hpp"
#include "gge/report/check_text.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/services/plan_mandate.hpp"
#include "gge/services/scenario_file.hpp"
#include "gge/services/session_edits.hpp"
#include "store/fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace gge;
using gge::test::d;

namespace {

/// The example, plus GGE-B (25 seats, mandate 59/70-B, from 2004-03-01) and OEWG-C (100 seats,
/// 59/71-C), each sharing expert ru-1 with GGE-ICT-2004; planned sessions of the example's
/// body removed from the question by re-planning.
Store example_store() {
  auto store = Store::in_memory();
  store.set_clock(Instant{std::chrono::seconds{1100000000}});
  (void)load_scenario(store, std::string(GGE_SOURCE_DIR) + "/examples/gge-2004-2005/scenario.toml");
  Store::Transaction tx(store);
  store.add(Resolution{"59/70", d("2004-03-01"), 59, "", ""});
  store.add(Resolution{"59/71", d("2004-03-01"), 59, "", ""});
  store.add(Body{"GGE-B", "Group B", BodyKind::gge, 25, 28});
  store.add(Body{"OEWG-C", "Working group C", BodyKind::oewg, 100, 28});
  Mandate b;
  b.key = "59/70-B";
  b.body = "GGE-B";
  b.resolution = "59/70";
  b.start = d("2004-01-01");  // before its resolution: the window opens at the adoption
  b.report_to_session = 60;
  b.sessions_entitled = 2;
  store.add(b);
  Mandate c = b;
  c.key = "59/71-C";
  c.body = "OEWG-C";
  c.resolution = "59/71";
  store.add(c);
  store.add(Membership{"ru-1", "GGE-B", "member"});
  store.add(Membership{"ru-1", "OEWG-C", "member"});
  tx.commit();
  return store;
}

PlanRequest joint(std::vector<std::string> keys) {
  PlanRequest rq;
  rq.mandate = keys.front();
  rq.jointly.assign(keys.begin() + 1, keys.end());
  rq.venues = {{"NY"}, {"GVA"}};
  rq.min_gap_days = 56;
  rq.timing = Timing::earliest;
  return rq;
}

}  // namespace

TEST_CASE("plan: the joint problem is every mandate's, in any order, and apply accepts each plan", "[services]") {
  const auto store = example_store();
  const auto a = plan_mandate(store, joint({"59/70-B", "58/32-GGE", "59/71-C"}));
  const auto b = plan_mandate(store, joint({"58/32-GGE", "59/71-C", "59/70-B"}));
  REQUIRE(a.result.optimal);
  REQUIRE_FALSE(a.result.plans.empty());
  CHECK(a.result.plans == b.result.plans);
  CHECK(a.problem.stations == b.problem.stations);
  // The window of 59/70-B opens at its resolution's adoption, not at the earlier mandate start.
  const auto m = std::find_if(a.problem.mandates.begin(), a.problem.mandates.end(),
                              [](const PlanMandate& x) { return x.key == "59/70-B"; });
  CHECK(m->from == d("2004-03-01"));
  // The GA high-level week is blocked at New York only.
  const auto hlw = [](const PlanStation& s) {
    return std::any_of(s.blocked.begin(), s.blocked.end(),
                       [](const PlanBlock& x) { return x.reason.find("high-level") != std::string::npos; });
  };
  for (const auto& st : a.problem.stations) CHECK(hlw(st) == (st.code == "NY"));
  // The same search for --top 1.
  auto one = joint({"58/32-GGE", "59/70-B", "59/71-C"});
  one.top = 1;
  CHECK(plan_mandate(store, one).result.plans.front() == a.result.plans.front());
  // Each proposed plan, applied to a fresh copy, is accepted: no error, no new finding.
  for (const auto& plan : a.result.plans) {
    auto fresh = example_store();
    const auto findings = apply_plan(fresh, plan);
    INFO(to_text(findings));
    CHECK_FALSE(has_errors(findings, false));
  }
}

TEST_CASE("plan: a confirmed booking is hard, and apply refuses a plan that adds a finding", "[services]") {
  auto store = example_store();
  {
    Store::Transaction tx(store);
    // OEWG-C confirmed in GVA's Room XII (120 seats) for the week of 2 May 2005.
    store.add(Session{"OEWG-C", 1, d("2005-05-02"), d("2005-05-06"), "GVA", "Room XII", SessionStatus::confirmed, "", 0});
    tx.commit();
  }
  auto rq = joint({"58/32-GGE", "59/70-B"});
  rq.top = 10;
  const auto out = plan_mandate(store, rq);
  REQUIRE_FALSE(out.result.plans.empty());
  for (const auto& plan : out.result.plans)
    for (const auto& s : plan.sessions)
      CHECK_FALSE((s.room == "Room XII" && s.first <= d("2005-05-06") && d("2005-05-02") <= s.last));
  // By hand, into the confirmed room: an error in gge check (a firm booking), so refused.
  const Scenario before = store.scenario();
  Plan plan;
  plan.sessions.push_back({"58/32-GGE", "GGE-ICT-2004", 2, d("2005-05-02"), d("2005-05-06"), "GVA", "Room XII"});
  try {
    (void)apply_plan(store, plan);
    FAIL("apply_plan wrote a plan into a room held by a confirmed session");
  } catch (const RefusedByFindings& e) {
    INFO(e.what());
    CHECK(std::string{e.what()}.find("room-double-booked") != std::string::npos);
    CHECK(std::string{e.what()}.find("OEWG-C#1") != std::string::npos);
  }
  CHECK(store.scenario() == before);
}

TEST_CASE("plan: a stretched session is proposed, applied, met on its working days, and checked clean", "[services]") {
  auto store = example_store();
  PlanRequest rq;
  rq.mandate = "58/32-GGE";
  rq.venues = {{"GVA"}};
  rq.from = d("2005-03-23");
  rq.timing = Timing::earliest;
  rq.any_weekday_start = true;
  rq.sessions = 2;
  rq.top = 1;
  rq.weights.spacing = 0;  // earliest alone decides
  rq.weights.published = 0;
  CHECK(plan_mandate(store, rq).result.plans.front().sessions.front().first > d("2005-03-28"));
  rq.allow_stretch = true;
  const auto out = plan_mandate(store, rq);
  REQUIRE_FALSE(out.result.plans.empty());
  const auto& s = out.result.plans.front().sessions.front();
  CHECK(s.first == d("2005-03-23"));
  CHECK(s.last == d("2005-03-31"));  // over Good Friday and Easter Monday
  const auto findings = apply_plan(store, out.result.plans.front());
  CHECK_FALSE(has_errors(findings, false));
  (void)remove_meetings(store, {"GGE-ICT-2004", 2});
  const auto meetings = generate_meetings(store, {"GGE-ICT-2004", 2});
  CHECK(meetings.size() == 10);  // two a day on its five working days
  for (const auto& mt : meetings) CHECK((mt.date != d("2005-03-25") && mt.date != d("2005-03-28")));
}
