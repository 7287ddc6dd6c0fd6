// gge export ics [--body B | --mandate M | --station S | --expert E] [--from D] [--to D]
//                [--alarm 7d] [-o FILE]
// gge feeds DIR [--base-url URL]
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/core/text.hpp"
#include "gge/services/export_ics.hpp"
#include "gge/services/feeds.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace gge::cli {
namespace {

constexpr const char* k_ics_help =
    "Write the plan as an iCalendar file (RFC 5545) that Outlook, Google Calendar, Apple\n"
    "Calendar and Thunderbird import: sessions as all-day events (first to last day), meetings\n"
    "as timed events in the duty station's time zone (with VTIMEZONEs from the tz database),\n"
    "deadlines as all-day 'free' events. Each item keeps its UID across exports; SEQUENCE is its\n"
    "revision, so clients update it in place; cancelled sessions stay, marked CANCELLED.\n"
    "DTSTAMP is $SOURCE_DATE_EPOCH when set (byte-identical output), else now.\n"
    "Scope: everything, or one of --body, --mandate, --station, --expert; --from/--to keep the\n"
    "items on those days (inclusive). A scope that matches nothing gives an empty calendar.\n"
    "Examples:\n"
    "  gge export ics -o plan.ics\n"
    "  gge export ics --body GGE-ICT-2004 --from 2005-01-01 --to 2005-12-31 --alarm 7d -o 2005.ics\n"
    "  gge export ics --expert ru-1 > ru-1.ics";

constexpr const char* k_feeds_help =
    "Write subscription feeds into DIR: one .ics per body (body-SYMBOL.ics), per duty station\n"
    "(station-CODE.ics) and per expert (expert-KEY.ics; the sessions of the bodies they sit on),\n"
    "and index.html listing each with its https:// and webcal:// link. Serve DIR at --base-url\n"
    "and re-run after each change: clients that subscribed pick up moves and cancellations.\n"
    "Every file is replaced atomically. Example:\n"
    "  gge feeds public/ --base-url https://calendars.example.org/gge";

void add_export_ics(CLI::App& family, Context& ctx) {
  struct Args {
    std::string body, mandate, station, expert, from, to, alarm, output;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = family.add_subcommand("ics", k_ics_help);
  auto* body = cmd->add_option("--body", a->body, "Only this body: its sessions, meetings and deadlines");
  auto* mandate = cmd->add_option("--mandate", a->mandate,
                                  "Only this mandate: its body's sessions and meetings, its deadlines");
  auto* station = cmd->add_option("--station", a->station,
                                  "Only sessions held at this duty station (code, e.g. GVA) and their meetings");
  auto* expert = cmd->add_option("--expert", a->expert,
                                 "Only the sessions and meetings of the bodies this expert sits on");
  body->excludes(mandate)->excludes(station)->excludes(expert);
  mandate->excludes(station)->excludes(expert);
  station->excludes(expert);
  cmd->add_option("--from", a->from, "Only items on or after this day, YYYY-MM-DD");
  cmd->add_option("--to", a->to, "Only items on or before this day, YYYY-MM-DD (inclusive)");
  cmd->add_option("--alarm", a->alarm,
                  "A reminder this long before each deadline: 7d (days) or 1w (weeks); default none");
  cmd->add_option("-o,--output", a->output,
                  "Write to this file (atomically: no partial file on error) instead of stdout");
  cmd->callback([&ctx, a] {
    ctx.flags = {{fields::k_body, "--body"},          {fields::k_mandate, "--mandate"},
                 {fields::k_station, "--station"},    {fields::k_expert, "--expert"},
                 {fields::k_first_day, "--from"},     {fields::k_last_day, "--to"},
                 {fields::k_alarm_days, "--alarm"}};
    IcsScope scope;
    const std::pair<IcsScope::Kind, const std::string*> keys[] = {
        {IcsScope::Kind::body, &a->body}, {IcsScope::Kind::mandate, &a->mandate},
        {IcsScope::Kind::station, &a->station}, {IcsScope::Kind::expert, &a->expert}};
    for (const auto& [kind, key] : keys)
      if (!key->empty()) {
        scope.kind = kind;
        scope.key = *key;
      }
    if (!a->from.empty()) scope.from = parse_date(a->from, "--from");
    if (!a->to.empty()) scope.to = parse_date(a->to, "--to");
    if (!a->alarm.empty()) scope.alarm_days = parse_span_days(a->alarm, "--alarm", k_max_alarm_days);
    const Instant dtstamp = dtstamp_from_env();
    const auto store = ctx.open_read();
    IcsExportResult r;
    if (a->output.empty()) {
      r = export_ics(store, scope, dtstamp, write_stdout);
    } else {
      r = export_ics_to_file(store, scope, dtstamp, a->output, "--output");
      if (ctx.json)
        print_json({{"file", a->output}, {"name", r.name}, {"sessions", r.sessions},
                    {"meetings", r.meetings}, {"removed_meetings", r.removed_meetings},
                    {"deadlines", r.deadlines}});
      else
        std::puts(fmt::format("wrote {}: {}, {}{}, {} ({})", a->output, counted(r.sessions, "session"),
                              counted(r.meetings, "meeting"),
                              r.removed_meetings == 0 ? std::string{}
                                                      : fmt::format(" (and {} as cancelled)",
                                                                    counted(r.removed_meetings, "deleted meeting")),
                              counted(r.deadlines, "deadline"), r.name).c_str());
    }
    if (r.events() == 0)
      std::fputs("gge: note: nothing matches this scope; the calendar has no events\n", stderr);
  });
}

void add_feeds(CLI::App& app, Context& ctx) {
  struct Args {
    std::string dir, base_url{k_default_feed_base_url};
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("feeds", k_feeds_help);
  cmd->add_option("DIR", a->dir, "Directory to write the feeds into (created when missing)")->required();
  cmd->add_option("--base-url", a->base_url,
                  "https:// URL where DIR is served; the index links to it (default: a placeholder)")
      ->capture_default_str();
  cmd->callback([&ctx, a] {
    ctx.flags = {{fields::k_base_url, "--base-url"}, {fields::k_feed_dir, "DIR"}};
    const Instant dtstamp = dtstamp_from_env();
    const auto store = ctx.open_read();
    const auto feeds = write_feeds(store, a->dir, dtstamp, a->base_url);
    if (ctx.json) {
      auto list = nlohmann::json::array();
      for (const auto& f : feeds) list.push_back({{"file", f.file}, {"name", f.title}, {"events", f.events}});
      print_json({{"dir", a->dir}, {"feeds", list}});
      return;
    }
    std::size_t events = 0;
    for (const auto& f : feeds) events += f.events;
    std::puts(fmt::format("wrote {} feeds ({} events) and index.html in {}", feeds.size(), events,
                          a->dir).c_str());
  });
}

}  // namespace

void add_export_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "export", "Export the plan for other programs (export ics: iCalendar)");
  add_export_ics(*family, ctx);
  add_feeds(app, ctx);
}

}  // namespace gge::cli
