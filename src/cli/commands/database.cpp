// gge init | load FILE | dump [-o FILE] | log [--limit N]
#include "cli/commands/commands.hpp"
#include "cli/json.hpp"
#include "cli/output.hpp"
#include "gge/core/text.hpp"
#include "gge/services/output_file.hpp"
#include "gge/services/scenario.hpp"

#include <fmt/format.h>

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
    if (out->empty()) std::fwrite(text.data(), 1, text.size(), stdout);
    else write_file_atomically(*out, text, "--output");
  });
}

void add_log(CLI::App& app, Context& ctx) {
  auto limit = std::make_shared<std::size_t>(0);
  auto* cmd = app.add_subcommand("log", "Show the change log: every insert, update and delete");
  cmd->add_option("-n,--limit", *limit, "Only the newest N changes (default: all)");
  cmd->callback([&ctx, limit] {
    const auto store = ctx.open_read();
    print_list(ctx, store.changes(*limit), {"#", "at (UTC)", "action", "table", "key", "change"},
               [](const Change& c) {
                 const std::string& what = c.action == "delete" ? c.before : c.after;
                 return std::vector<std::string>{std::to_string(c.id), c.at, c.action, c.table,
                                                 c.key, what.size() > 60 ? what.substr(0, 57) + "..." : what};
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
