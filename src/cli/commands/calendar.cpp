// gge ga N; gge holidays list|import; gge deadlines MANDATE [--diff]
#include "cli/commands/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/report/json.hpp"
#include "gge/services/calendars.hpp"
#include "gge/services/export_ics.hpp"
#include "gge/services/holidays.hpp"
#include "gge/services/stored_deadlines.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace gge::cli {
namespace {

std::string short_weekday(Date d) { return date::format("%a", d); }

std::string weekday_date(Date d) { return short_weekday(d) + " " + to_un_long(d); }

std::string opening_text(const SourcedDate& opening, OpeningBasis basis, int n) {
  switch (basis) {
    case OpeningBasis::recorded:
      return fmt::format("{} (recorded: {})", weekday_date(opening.date), opening.source);
    case OpeningBasis::rule:
      return fmt::format("{} (by rule, not yet opened: {})", weekday_date(opening.date), opening.source);
    case OpeningBasis::unknown: break;
  }
  return fmt::format("not known: GA {} opened before today and no record of its opening is kept "
                     "(by {}, it would be {}; openings have departed from the rule)",
                     n, opening.source, weekday_date(opening.date));
}

void add_ga(CLI::App& app, Context& ctx) {
  auto n = std::make_shared<int>(0);
  auto* ga = app.add_subcommand(
      "ga", "Dates of General Assembly regular session N: opening (recorded, or by Rule 1 of its\n"
            "era for a session not yet opened), general debate, high-level week, end; each with\n"
            "where it comes from. Exit 1 when the opening of a past session is not known");
  ga->add_option("N", *n, "Session number, e.g. 60 (opened 13 September 2005)")->required();
  ga->callback([&ctx, n] {
    // The shipped records and Rule 1 need no data: without a database, answer from them alone.
    const auto store = std::filesystem::exists(ctx.db_path) ? ctx.open_read() : Store::in_memory();
    const Calendars calendars(store);
    const auto d = calendars.ga().session(*n);
    const Date today = date::floor<date::days>(dtstamp_from_env());
    const OpeningBasis basis = calendars.ga().basis(*n, today);
    const bool known = basis != OpeningBasis::unknown;
    if (!known) ctx.exit_code = static_cast<int>(ExitCode::findings);
    if (ctx.json) {
      nlohmann::json opening = {{"date", known ? nlohmann::json(to_iso(d.opening.date)) : nlohmann::json()},
                                {"source", d.opening.source},
                                {"recorded", d.opening.recorded},
                                {"basis", to_string(basis)}};
      if (!known) opening["rule_date"] = to_iso(d.opening.date);
      const auto sourced = [](const SourcedDate& s) {
        return nlohmann::json{{"date", to_iso(s.date)}, {"source", s.source}, {"recorded", s.recorded}};
      };
      if (!known) {
        print_json({{"session", d.session}, {"opening", opening}, {"general_debate", nullptr},
                    {"high_level_week", nullptr}, {"end", nullptr}});
        return;
      }
      print_json({{"session", d.session},
                  {"opening", opening},
                  {"general_debate", {{"first", to_iso(d.general_debate_first.date)},
                                      {"last", to_iso(d.general_debate_last)},
                                      {"source", d.general_debate_first.source}}},
                  {"high_level_week", {{"first", to_iso(d.high_level_first)}, {"last", to_iso(d.high_level_last)}}},
                  {"end", sourced(d.end)}});
      return;
    }
    const std::string session = fmt::format("GA {} (year {})", d.session, 1945 + d.session);
    if (!known) {
      print_fields({{"session", session}, {"opening", opening_text(d.opening, basis, *n)}});
      return;
    }
    print_fields({{"session", session},
                  {"opening", opening_text(d.opening, basis, *n)},
                  {"general debate", fmt::format("{} ({}; nine working days)",
                                                 to_un_range(d.general_debate_first.date, d.general_debate_last),
                                                 d.general_debate_first.source)},
                  {"high-level week", to_un_range(d.high_level_first, d.high_level_last)},
                  {"ends", fmt::format("{} ({})", weekday_date(d.end.date), d.end.source)}});
  });
}

void add_holidays(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "holidays", "Office closures of duty stations: rules, estimates, confirmed dates");

  struct ListArgs { std::string station; int year = 0; };
  auto a = std::make_shared<ListArgs>();
  auto* list = family->add_subcommand(
      "list", "The closures of a station in a year, with their status (rule, estimated, confirmed)\n"
              "and the observed day when a weekend moved them");
  list->add_option("STATION", a->station, "Station code, e.g. NY")->required();
  list->add_option("YEAR", a->year, "Year, 1900..2199")->required();
  list->callback([&ctx, a] {
    const auto store = ctx.open_read();
    const auto closures = station_year(store, a->station, a->year);
    if (ctx.json) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& c : closures)
        rows.push_back({{"name", c.name}, {"actual", to_iso(c.actual)}, {"observed", to_iso(c.observed)},
                        {"status", to_string(c.status)}, {"source", c.source}});
      print_json(rows);
      return;
    }
    Table t({"observed", "day", "name", "status", "actual"});
    for (const auto& c : closures)
      t.add({to_iso(c.observed), short_weekday(c.observed), c.name,
             std::string{to_string(c.status)}, c.actual == c.observed ? "" : to_iso(c.actual)});
    if (t.empty()) std::printf("(no closures of %s in %d)\n", a->station.c_str(), a->year);
    else t.print();
  });

  struct ConfirmArgs {
    std::string station, name, date;
  };
  auto c = std::make_shared<ConfirmArgs>();
  auto* confirm = family->add_subcommand(
      "confirm",
      "Record the information circular's date of a holiday estimated by its rule (an Eid):\n"
      "it replaces the nearest estimate (within 45 days); the deadline chains move with it");
  confirm->add_option("STATION", c->station, "Station code, e.g. NY")->required();
  confirm->add_option("NAME", c->name, "The rule's name, e.g. \"Eid al-Fitr\"")->required();
  confirm->add_option("DATE", c->date, "The day the circular names, YYYY-MM-DD")->required();
  confirm->callback([&ctx, c] {
    ctx.flags = {{fields::k_station, "STATION"}, {"holiday", "NAME"}};
    const Date day = parse_date(c->date, "DATE");
    auto store = ctx.open();
    const auto done = confirm_holiday(store, c->station, c->name, day);
    if (ctx.json) {
      nlohmann::json moved = nlohmann::json::array();
      for (const auto& [mandate, changes] : done.deadlines)
        for (const auto& ch : changes) moved.push_back({{"mandate", mandate}, {"line", ch.line()}});
      print_json({{"station", c->station},
                  {"name", c->name},
                  {"estimated", to_iso(done.estimate.observed)},
                  {"observed", to_iso(done.closure.observed)},
                  {"deadlines", moved}});
      return;
    }
    std::printf("%s %s: %s (was estimated %s)\n", c->station.c_str(), c->name.c_str(),
                to_iso(done.closure.observed).c_str(), to_iso(done.estimate.observed).c_str());
    for (const auto& [mandate, changes] : done.deadlines)
      for (const auto& ch : changes) std::printf("  %s %s\n", mandate.c_str(), ch.line().c_str());
  });

  auto files = std::make_shared<std::vector<std::filesystem::path>>();
  auto* import = family->add_subcommand(
      "import", "Import holiday data files (data/holidays/*.toml): each replaces its station's\n"
                "rules and adds its confirmed dates, all in one transaction");
  import->add_option("FILE", *files, "Holiday data files")->required();
  import->callback([&ctx, files] {
    auto store = ctx.open();
    const auto done = import_holiday_files(store, *files);
    if (ctx.json) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& d : done) rows.push_back({{"station", d.station}, {"rules", d.rules}, {"confirmed", d.confirmed}});
      print_json(rows);
      return;
    }
    for (const auto& d : done)
      std::printf("imported %s: %zu rules, %zu confirmed dates\n", d.station.c_str(), d.rules, d.confirmed);
  });
}

void add_deadlines(CLI::App& app, Context& ctx) {
  struct Args { std::string mandate; bool diff = false; };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "deadlines", "The deadline chain of a mandate, each date with how it was derived (GA opening,\n"
                   "submission 10 weeks before, distribution 6 weeks before, latest end day of the\n"
                   "final session); --diff shows what the last recomputation changed");
  cmd->add_option("MANDATE", a->mandate, "Mandate key, e.g. 58/32-GGE")->required();
  cmd->add_flag("--diff", a->diff, "Show what changed at the last recomputation (from the change log)");
  cmd->callback([&ctx, a] {
    const auto store = ctx.open_read();
    if (!store.mandate(a->mandate)) throw InputError({}, "MANDATE", a->mandate, "no such mandate");
    if (a->diff) {
      // The newest change-log rows of this mandate's deadlines that share one timestamp.
      const auto prefix = a->mandate + " ";
      std::vector<Change> last;
      for (const auto& c : store.changes()) {
        if (c.table != "deadline" || c.key.rfind(prefix, 0) != 0) continue;
        if (!last.empty() && last.back().at != c.at) last.clear();
        last.push_back(c);
      }
      if (ctx.json) { print_json(last); return; }
      if (last.empty()) { std::puts("(no recomputation has changed these deadlines)"); return; }
      std::printf("changed at %s:\n", last.front().at.c_str());
      for (const auto& c : last) {
        const auto date_of = [](const std::string& row) {
          return row.empty() ? std::string{"-"} : nlohmann::json::parse(row).value("date", "?");
        };
        std::printf("  %-28s %s -> %s\n", c.key.substr(prefix.size()).c_str(), date_of(c.before).c_str(),
                    date_of(c.after).c_str());
      }
      return;
    }
    const auto steps = explain_deadlines(store, Calendars(store), a->mandate);
    if (ctx.json) {
      print_json(nlohmann::json(steps));
      return;
    }
    for (const auto& s : steps) std::puts(s.line().c_str());
  });
}

}  // namespace

void add_calendar_commands(CLI::App& app, Context& ctx) {
  add_ga(app, ctx);
  add_holidays(app, ctx);
  add_deadlines(app, ctx);
}

}  // namespace gge::cli
