// gge init | load FILE | dump [-o FILE] | log [--limit N]
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/core/text.hpp"
#include "gge/report/json.hpp"
#include "gge/services/output_file.hpp"
#include "gge/services/scenario_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <memory>

namespace gge::cli {
namespace {

void add_init(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "Create the database (or bring it to this gge's schema)");
  cmd->callback([&ctx] {
    auto store = ctx.open();
    if (ctx.json)
      print_json({{"db", ctx.db_path}, {"schema_version", store.schema_version()}});
    else
      std::puts(fmt::format("{}: gge database, schema version {}", ctx.db_path,
                            store.schema_version()).c_str());
  });
}

void add_load(CLI::App& app, Context& ctx) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "load", "Load a scenario file (TOML) into the database, all of it or nothing.\n"
              "See examples/README.md for the format.");
  cmd->add_option("FILE", *file, "Scenario file, e.g. examples/gge-2004-2005/scenario.toml")
      ->required();
  cmd->callback([&ctx, file] {
    auto store = ctx.open();
    const LoadSummary n = load_scenario(store, *file);
    if (ctx.json) {
      print_json({{"file", *file},          {"stations", n.stations}, {"rooms", n.rooms},
                  {"bodies", n.bodies},     {"experts", n.experts},   {"memberships", n.memberships},
                  {"resolutions", n.resolutions}, {"mandates", n.mandates},
                  {"deadlines", n.deadlines}, {"sessions", n.sessions}, {"meetings", n.meetings},
                  {"holidays", n.holidays}, {"total", n.total()}});
      return;
    }
    std::puts(fmt::format("loaded {}: {}, {}, {}, {}, {}, {}, {}, {}, {} ({})", *file,
                          counted(n.stations, "station"), counted(n.rooms, "room"),
                          counted(n.bodies, "body", "bodies"), counted(n.experts, "expert"),
                          counted(n.resolutions, "resolution"), counted(n.mandates, "mandate"),
                          counted(n.sessions, "session"), counted(n.meetings, "meeting"),
                          counted(n.holidays, "holiday"), counted(n.total(), "row"))
                  .c_str());
  });
}

void add_dump(CLI::App& app, Context& ctx) {
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "dump", "Write the planning data as a scenario file (loading it gives the same data)");
  cmd->add_option("-o,--output", *out, "Write to this file (atomically) instead of stdout");
  cmd->callback([&ctx, out] {
    const auto store = ctx.open_read();
    const std::string text = dump_scenario(store);
    if (out->empty()) write_stdout(text);
    else write_file_atomically(*out, text, "--output");
  });
}

// What a change did, in a line: an update names the fields that changed ("first 2005-04-11 ->
// 2005-04-12"); an insert or delete shows its row.
std::string change_summary(const Change& c) {
  const auto shorten = [](std::string s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; };
  if (c.action != "update") return shorten(c.action == "delete" ? c.before : c.after);
  const auto before = nlohmann::json::parse(c.before, nullptr, false);
  const auto after = nlohmann::json::parse(c.after, nullptr, false);
  if (!before.is_object() || !after.is_object()) return shorten(c.after);
  const auto text = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
  std::vector<std::string> parts;
  for (const auto& [field, value] : after.items())
    if (!before.contains(field) || before[field] != value)
      parts.push_back(fmt::format("{} {} -> {}", field, before.contains(field) ? text(before[field]) : "-", text(value)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

void add_log(CLI::App& app, Context& ctx) {
  struct Args {
    long long limit = 0;  // signed, so that -1 is seen and refused rather than wrapped
    ChangeFilter filter;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "log", "Show the change log: every insert, update and delete, oldest first (an update\n"
             "shows the fields it changed). E.g. gge log --key GGE-ICT-2004#2 --since 2005-01-01");
  cmd->add_option("-n,--limit", a->limit, "Only the newest N changes (default: all)");
  cmd->add_option("--table", a->filter.table, "Only this table: session, meeting, body, mandate, ...");
  cmd->add_option("--key", a->filter.key,
                  "Only this key and what it holds: BODY (its sessions and meetings too), BODY#N "
                  "(and its meetings), a mandate (and its deadlines), a station code");
  cmd->add_option("--since", a->filter.since, "Only changes on or after this UTC day, YYYY-MM-DD");
  cmd->callback([&ctx, a] {
    if (a->limit < 0)
      throw InputError({}, "--limit", std::to_string(a->limit), "must be a count of changes, 1 or more (0: all)");
    if (!a->filter.since.empty()) a->filter.since = to_iso(parse_date(a->filter.since, "--since"));
    static constexpr const char* k_tables[] = {"station", "room", "body", "expert", "membership",
                                                "resolution", "mandate", "deadline", "session", "meeting",
                                                "holiday", "holiday_rule", "ga_opening", "blackout"};
    if (!a->filter.table.empty() && std::find(std::begin(k_tables), std::end(k_tables), a->filter.table) == std::end(k_tables))
      throw InputError({}, "--table", a->filter.table, fmt::format("expected one of {}", fmt::join(k_tables, ", ")));
    const auto store = ctx.open_read();
    print_list(ctx, store.changes(static_cast<std::size_t>(a->limit), a->filter), {"#", "at (UTC)", "action", "table", "key", "change"},
               [](const Change& c) {
                 return std::vector<std::string>{std::to_string(c.id), c.at, c.action, c.table, c.key,
                                                 change_summary(c)};
               },
               "changes");
  });
}

}  // namespace

void add_database_commands(CLI::App& app, Context& ctx) {
  add_init(app, ctx);
  add_load(app, ctx);
  add_dump(app, ctx);
  add_log(app, ctx);
}

}  // namespace gge::cli
