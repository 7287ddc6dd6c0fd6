// gge import ics FILE... --expert|--station|--room|--body; gge import list; gge import remove
// SOURCE
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/text.hpp"
#include "gge/report/json.hpp"
#include "gge/services/busy_import.hpp"

#include <fmt/format.h>

#include <memory>

namespace gge::cli {
namespace {

void print_report(const IcsImportReport& r) {
  std::string line =
      fmt::format("imported {}: {} from {} (window {} to {})", r.source,
                  counted(static_cast<long long>(r.busy), "busy time"),
                  counted(static_cast<long long>(r.events), "event"), to_iso(r.from), to_iso(r.to));
  if (r.replaced > 0) line += fmt::format("; replaced {} of the earlier import", r.replaced);
  std::printf("%s\n", line.c_str());
  if (r.transparent + r.cancelled > 0)
    std::printf("  skipped: %zu transparent (free), %zu cancelled\n", r.transparent, r.cancelled);
  if (r.floating > 0)
    std::printf("  %s floating (no zone in the file): taken in %s\n",
                counted(static_cast<long long>(r.floating), "time").c_str(),
                r.floating_zone.c_str());
  for (const auto& w : r.windows_zones) std::printf("  Windows zone %s\n", w.c_str());
}

}  // namespace

void add_import_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "import",
                            "Busy time from outside calendars (.ics), respected by check and plan");

  struct Args {
    IcsImportRequest request;
    std::string expert, station, room, body, from, to;
  };
  auto a = std::make_shared<Args>();
  auto* ics = family->add_subcommand(
      "ics",
      "Import .ics files (Outlook, Google, Apple exports) as busy time of one subject.\n"
      "Every event instance in the window is stored; transparent (free) and cancelled\n"
      "events are skipped and counted. A re-import of a source replaces its busy times.");
  ics->add_option("FILE", a->request.files, ".ics files")->required();
  auto* expert = ics->add_option("--expert", a->expert, "An expert's busy time (expert key)");
  auto* station =
      ics->add_option("--station", a->station, "A duty station's busy time (station code)");
  auto* room = ics->add_option("--room", a->room,
                               "A room's bookings, STATION/ROOM (e.g. \"NY/Conference Room 4\")");
  auto* body = ics->add_option("--body", a->body, "A body's other commitments (body symbol)");
  for (auto* o : {expert, station, room, body})
    for (auto* other : {expert, station, room, body})
      if (o != other) o->excludes(other);
  ics->add_option("--from", a->from,
                  "First day of the window, YYYY-MM-DD (default: the mandates' horizon)");
  ics->add_option("--to", a->to, "Last day of the window, inclusive");
  ics->add_option("--name", a->request.name, "Source name (default: each file's name)");
  ics->add_option(
      "--zone", a->request.zone,
      "IANA zone for floating times (default: the station's, for --station and --room)");
  ics->callback([&ctx, a] {
    ctx.flags = {{fields::k_expert, "--expert"},      {fields::k_station, "--station"},
                 {fields::k_room, "--room"},          {fields::k_body, "--body"},
                 {fields::k_first_day, "--from"},     {fields::k_last_day, "--to"},
                 {fields::k_import_source, "--name"}, {fields::k_floating_zone, "--zone"},
                 {fields::k_calendar_file, "FILE"}};
    auto& r = a->request;
    if (!a->expert.empty())
      r.kind = BusyKind::expert, r.subject = a->expert;
    else if (!a->station.empty())
      r.kind = BusyKind::station, r.subject = a->station;
    else if (!a->room.empty())
      r.kind = BusyKind::room, r.subject = a->room;
    else if (!a->body.empty())
      r.kind = BusyKind::body, r.subject = a->body;
    else
      throw InputError({}, "--expert|--station|--room|--body", "",
                       "say whose busy time the files hold");
    if (!a->from.empty()) r.from = parse_date(a->from, "--from");
    if (!a->to.empty()) r.to = parse_date(a->to, "--to");
    auto store = ctx.open();
    const auto reports = import_ics(store, r);
    if (ctx.json) {
      print_json(nlohmann::json(reports));
      return;
    }
    for (const auto& rep : reports) print_report(rep);
  });

  family->add_subcommand("list", "The imported sources: subject, busy times, days they cover")
      ->callback([&ctx] {
        const auto store = ctx.open_read();
        const auto sources = busy_sources(store);
        if (ctx.json) {
          print_json(nlohmann::json(sources));
          return;
        }
        Table t({"SOURCE", "SUBJECT", "BUSY", "FIRST", "LAST"});
        for (const auto& s : sources)
          t.add({s.source, fmt::format("{} {}", to_string(s.kind), s.subject),
                 std::to_string(s.count), to_iso(s.first), to_iso(s.last)});
        if (t.empty())
          std::printf("(no imports)\n");
        else
          t.print();
      });

  auto source = std::make_shared<std::string>();
  auto* remove = family->add_subcommand(
      "remove", "Remove an imported source's busy times (the change log keeps them)");
  remove->add_option("SOURCE", *source, "Source name, as gge import list shows it")->required();
  remove->callback([&ctx, source] {
    ctx.flags = {{fields::k_import_source, "SOURCE"}};
    auto store = ctx.open();
    const auto n = remove_busy_source(store, *source);
    if (ctx.json)
      print_json(import_removed_json(*source, n));
    else
      std::printf("removed %s: %s\n", source->c_str(),
                  counted(static_cast<long long>(n), "busy time").c_str());
  });
}

}  // namespace gge::cli
