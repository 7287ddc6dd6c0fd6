#pragma once
// One function per command family; each adds its subcommands to the app (one file each).
#include "cli/context.hpp"

#include "gge/core/parse.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace gge::cli {

void add_database_commands(CLI::App& app, Context& ctx);  // init, load, dump, log
void add_station_commands(CLI::App& app, Context& ctx);
void add_room_commands(CLI::App& app, Context& ctx);
void add_body_commands(CLI::App& app, Context& ctx);
void add_expert_commands(CLI::App& app, Context& ctx);
void add_resolution_commands(CLI::App& app, Context& ctx);
void add_mandate_commands(CLI::App& app, Context& ctx);
void add_session_commands(CLI::App& app, Context& ctx);
void add_meeting_commands(CLI::App& app, Context& ctx);
void add_calendar_commands(CLI::App& app, Context& ctx);  // ga, holidays, deadlines
void add_check_commands(CLI::App& app, Context& ctx);     // check
void add_export_commands(CLI::App& app, Context& ctx);    // export ics, feeds
void add_plan_commands(CLI::App& app, Context& ctx);      // plan
void add_timeline_commands(CLI::App& app, Context& ctx);  // timeline, agenda
void add_import_commands(CLI::App& app, Context& ctx);    // import ics|list|remove
void add_serve_commands(CLI::App& app, Context& ctx);     // serve, user add

/// Prints what an `add` stored: "added station NY" or, with --json, the stored value.
void print_added(const Context& ctx, std::string_view kind, const std::string& key,
                 const nlohmann::json& stored);

/// A "family" command (`gge station`) that needs one of its subcommands.
CLI::App* add_family(CLI::App& app, const std::string& name, const std::string& description);

}  // namespace gge::cli
