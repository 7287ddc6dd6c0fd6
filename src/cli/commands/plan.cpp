// gge plan MANDATE
#include "cli/commands/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/core/plan_parse.hpp"
#include "gge/report/check_text.hpp"
#include "gge/report/json.hpp"
#include "gge/report/plan_text.hpp"
#include "gge/rules/check/check.hpp"
#include "gge/services/plan_mandate.hpp"

#include <fmt/format.h>

#include <memory>

namespace gge::cli {
namespace {

nlohmann::json score_json(const ScoreBreakdown& s) {
  return {{"total", s.total()},  {"spacing", s.spacing}, {"timing", s.timing},
          {"avoid", s.avoid},    {"balance", s.balance}, {"published", s.published},
          {"experts", s.experts}};
}

nlohmann::json plan_json(const Plan& plan, int rank) {
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& s : plan.sessions)
    sessions.push_back({{"mandate", s.mandate}, {"body", s.body}, {"number", s.number},
                        {"first", to_iso(s.first)}, {"last", to_iso(s.last)},
                        {"station", s.station}, {"room", s.room}});
  return {{"rank", rank}, {"score", score_json(plan.score)}, {"sessions", sessions}};
}

std::string explanation_text(const PlanExplanation& e) {
  std::string s = fmt::format("No plan: {}.\n", e.summary);
  if (!e.conflicts.empty()) {
    s += "These constraints cannot all hold together:\n";
    for (const auto& c : e.conflicts) s += fmt::format("  - {}\n", c);
  }
  if (e.relaxations.empty()) s += "No single change found makes a plan possible.\n";
  else {
    s += "Any one of these changes makes a plan possible:\n";
    for (const auto& r : e.relaxations) s += fmt::format("  - {}\n", r);
  }
  return s;
}

}  // namespace

void add_plan_commands(CLI::App& app, Context& ctx) {
  struct Args {
    PlanRequest rq;
    std::vector<std::string> mandates;
    int sessions = 0;
    std::string venues, min_gap, max_gap, avoid, from, experts = "hard";
    bool earliest = false, latest = false, apply = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "plan",
      "Propose dates for a mandate's remaining sessions (those not held or confirmed), best first,\n"
      "each with its score by preference (lower is better); or say why no plan exists and which\n"
      "single change would allow one. Exit 1 when there is no plan. --apply writes plan 1 as\n"
      "planned sessions and prints what `gge check` then says.");
  cmd->add_option("MANDATE", a->mandates,
                  "Mandate key, e.g. 58/32-GGE; several are planned jointly (shared experts and rooms)")
      ->required();
  cmd->add_option("--sessions", a->sessions,
                  "Total sessions of the mandate, held ones included (default: its entitlement)");
  cmd->add_option("--days", a->rq.days, "Working days per session (default 5)");
  cmd->add_option("--venues", a->venues,
                  "Venue of session 1, 2, ... repeating, e.g. NY,GVA,NY; NY|GVA = either "
                  "(default: any station)");
  cmd->add_option("--min-gap", a->min_gap, "Least time from one session's start to the next, e.g. 8w or 56d");
  cmd->add_option("--max-gap", a->max_gap, "Most time from one session's start to the next, e.g. 12w");
  cmd->add_option("--avoid", a->avoid, "Months to avoid, e.g. aug or jul,aug");
  cmd->add_option("--from", a->from, "First day a session may start, YYYY-MM-DD (never before the mandate)");
  cmd->add_option("--top", a->rq.top, "How many plans to show (default 5)");
  cmd->add_flag("--earliest", a->earliest, "Prefer early dates");
  cmd->add_flag("--latest", a->latest, "Prefer late dates (close to the latest end day)");
  cmd->add_flag("--stretch", a->rq.allow_stretch, "A session may run over up to 2 closures inside it (one more day each; its meetings skip them)");
  cmd->add_flag("--any-weekday", a->rq.any_weekday_start, "Sessions may start on any weekday, not only Mondays");
  cmd->add_option(
      "--experts", a->experts,
      "Imported busy time of the bodies' experts: hard (default: no session on its days) or "
      "soft (allowed, scored per clashing expert-day)");
  cmd->add_flag("--apply", a->apply, "Write plan 1 as planned sessions, then check (must be clean)");
  cmd->callback([&ctx, a] {
    ctx.flags = {{fields::k_mandate, "MANDATE"},      {fields::k_plans, "--top"},
                 {fields::k_session_days, "--days"},  {fields::k_venues, "--venues"},
                 {fields::k_first_day, "--from"},     {fields::k_sessions, "--sessions"},
                 {fields::k_min_gap, "--min-gap"},    {fields::k_max_gap, "--max-gap"},
                 {fields::k_avoid_month, "--avoid"}};
    auto& rq = a->rq;
    rq.mandate = a->mandates.front();
    rq.jointly.assign(a->mandates.begin() + 1, a->mandates.end());
    if (a->sessions != 0) rq.sessions = a->sessions;
    if (!a->venues.empty()) rq.venues = parse_venues(a->venues, "--venues");
    const PlanGaps gaps =
        parse_plan_gaps(a->min_gap, a->max_gap, "--min-gap", "--max-gap", k_max_gap_days);
    rq.min_gap_days = gaps.min_days;
    rq.max_gap_days = gaps.max_days;
    if (!a->avoid.empty()) rq.avoid_months = parse_months(a->avoid, "--avoid");
    if (!a->from.empty()) rq.from = parse_date(a->from, "--from");
    if (a->earliest && a->latest) throw InputError({}, "--latest", "", "cannot be combined with --earliest");
    rq.timing = a->earliest ? Timing::earliest : a->latest ? Timing::latest : Timing::none;
    rq.experts_soft = parse_experts_soft(a->experts, "--experts");
    if (a->sessions < 0) throw InputError({}, "--sessions", std::to_string(a->sessions), "must be at least 1");

    PlanOutcome out;
    {
      const auto store = ctx.open_read();
      out = plan_mandate(store, rq);
    }
    const auto& m = *std::find_if(out.problem.mandates.begin(), out.problem.mandates.end(),
                                  [&](const PlanMandate& x) { return x.key == rq.mandate; });
    std::vector<Finding> findings;
    const bool found = !out.result.plans.empty();
    if (found && a->apply) {
      auto store = ctx.open();
      findings = apply_plan(store, out.result.plans.front());
    }
    if (ctx.json) {
      nlohmann::json plans = nlohmann::json::array();
      for (std::size_t i = 0; i < out.result.plans.size(); ++i)
        plans.push_back(plan_json(out.result.plans[i], static_cast<int>(i) + 1));
      std::vector<std::string> keys;
      for (const auto& x : out.problem.mandates) keys.push_back(x.key);
      nlohmann::json j{{"mandate", m.key},         {"mandates", keys},         {"sessions", out.numbers},
                       {"from", to_iso(m.from)},   {"latest_end", to_iso(m.latest_end)},
                       {"optimal", out.result.optimal}, {"bound", out.result.bound}, {"nodes", out.result.nodes},
                       {"plans", plans},           {"applied", found && a->apply}};
      if (out.explanation)
        j["explanation"] = {{"summary", out.explanation->summary},
                            {"conflicts", out.explanation->conflicts},
                            {"relaxations", out.explanation->relaxations}};
      nlohmann::json unknown = nlohmann::json::array();
      for (const auto& [station, year] : out.unknown_closures)
        unknown.push_back({{"station", station}, {"year", year}});
      j["unknown_closures"] = unknown;
      if (found && a->apply) j["check"] = findings;
      print_json(j);
    } else {
      std::string text;
      for (const auto& x : out.problem.mandates) {
        std::vector<int> numbers;
        for (const auto& ps : x.sessions) numbers.push_back(ps.number);
        text += fmt::format("Mandate {}: session{} {} to place, {} working days each, between {} and {} "
                            "(the latest end day)\n",
                            x.key, numbers.size() == 1 ? "" : "s", fmt::join(numbers, ", "), rq.days,
                            to_iso(x.from), to_iso(x.latest_end));
      }
      for (std::size_t i = 0; i < out.result.plans.size(); ++i)
        text += to_text(out.result.plans[i], static_cast<int>(i) + 1, &out.problem);
      if (out.explanation) text += explanation_text(*out.explanation);
      if (!out.unknown_closures.empty()) {
        std::vector<std::string> where;
        for (const auto& [station, year] : out.unknown_closures) where.push_back(fmt::format("{} {}", station, year));
        text += fmt::format("Note: gge has no holidays for {}: sessions there were placed on Monday to "
                            "Friday with their closures unknown (gge holidays import FILE adds them).\n",
                            fmt::join(where, ", "));
      }
      text += fmt::format("Searched {} nodes{}.\n", out.result.nodes,
                          out.result.optimal ? std::string{}
                                             : fmt::format(" (budget exhausted: the plans shown may not be the best; "
                                                           "no plan scores below {})", out.result.bound));
      if (found && a->apply) text += fmt::format("Applied plan 1. gge check says:\n{}", to_text(findings));
      std::fputs(text.c_str(), stdout);
    }
    if (!found) ctx.exit_code = static_cast<int>(ExitCode::findings);
  });
}

}  // namespace gge::cli
