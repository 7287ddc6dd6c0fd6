// gge session add|list|show|move|cancel|set-status
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/text.hpp"
#include "gge/report/json.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

namespace gge::cli {
namespace {

// "Mon 12 – Fri 16" style weekday span, e.g. "Mon–Fri", and the day count.
std::string day_span(const Session& s) {
  const auto name = [](Date d) {
    static constexpr const char* k_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return k_names[weekday_of(d).c_encoding()];
  };
  const auto days = (s.last - s.first).count() + 1;
  return fmt::format("{}–{}, {}", name(s.first), name(s.last), counted(days, "day"));
}

/// --revision N: the write is refused (exit 2, nothing written) unless the session is at
/// revision N, so a script's change made from what it read cannot overwrite a newer one.
void add_revision_option(CLI::App& cmd, std::optional<long long>& revision) {
  cmd.add_option(
      "--revision", revision,
      "Only if the session is still at this revision (from `session show`); else exit 2");
}

void print_session(const Context& ctx, const Session& s) {
  if (ctx.json) print_json(s);
  else
    std::puts(fmt::format("{}: {} ({}), {}{}, {}, revision {}", ref_of(s),
                          to_un_range(s.first, s.last), day_span(s), s.station,
                          s.room.empty() ? "" : " " + s.room, to_string(s.status), s.revision)
                  .c_str());
}

void add_add(CLI::App& family, Context& ctx) {
  struct Args {
    std::string ref, first, last, station, room, status = "planned";
  };
  auto a = std::make_shared<Args>();
  auto* add = family.add_subcommand("add", "Add a session: BODY#N, first and last day inclusive");
  add->add_option("SESSION", a->ref, "BODY#N, e.g. GGE-ICT-2004#2")->required();
  add->add_option("--first", a->first, "First day, YYYY-MM-DD")->required();
  add->add_option("--last", a->last, "Last day, inclusive, YYYY-MM-DD")->required();
  add->add_option("--station", a->station, "Duty station code, e.g. GVA")->required();
  add->add_option("--room", a->room, "Room at that station");
  add->add_option("--status", a->status, "planned, confirmed, held, postponed or cancelled")
      ->capture_default_str();
  add->callback([&ctx, a] {
    const auto ref = parse_session_ref(a->ref, "SESSION");
    Session s{ref.body,
              ref.number,
              parse_date(a->first, "--first"),
              parse_date(a->last, "--last"),
              a->station,
              a->room,
              require_session_status(a->status, "--status"),
              "",
              0};
    auto store = ctx.open();
    add_one(store, s);
    print_session(ctx, *store.session(ref.body, ref.number));
  });
}

void add_list(CLI::App& family, Context& ctx) {
  struct Args {
    std::string body, station, status, from, to;
  };
  auto a = std::make_shared<Args>();
  auto* list = family.add_subcommand("list", "The schedule: sessions by body, with meeting counts");
  list->add_option("--body", a->body, "Only this body's sessions");
  list->add_option("--station", a->station, "Only sessions at this duty station");
  list->add_option("--status", a->status, "Only sessions with this status (planned, confirmed, held, ...)");
  list->add_option("--from", a->from, "Only sessions that end on or after this day, YYYY-MM-DD");
  list->add_option("--to", a->to, "Only sessions that start on or before this day, YYYY-MM-DD");
  list->callback([&ctx, a] {
    ctx.flags = {
        {fields::k_body, "--body"}, {fields::k_station, "--station"}, {fields::k_last_day, "--to"}};
    SessionFilter filter{a->body, a->station, std::nullopt, std::nullopt, std::nullopt};
    if (!a->from.empty()) filter.from = parse_date(a->from, "--from");
    if (!a->to.empty()) filter.to = parse_date(a->to, "--to");
    if (!a->status.empty()) filter.status = require_session_status(a->status, "--status");
    const auto store = ctx.open_read();
    const auto sessions = list_sessions(store, filter);
    if (ctx.json) {
      print_json(sessions);
      return;
    }
    if (sessions.empty()) {
      std::puts("(no sessions)");
      return;
    }
    std::map<std::pair<std::string, int>, int> meetings;
    for (const auto& m : store.meetings(a->body)) ++meetings[{m.body, m.session}];
    Table t({"session", "dates (inclusive)", "days", "station", "room", "status", "meetings"});
    for (const auto& s : sessions) {
      t.add({to_string(ref_of(s)), to_un_range(s.first, s.last), day_span(s),
             s.station, s.room.empty() ? "-" : s.room, std::string{to_string(s.status)},
             std::to_string(meetings[{s.body, s.number}])});
    }
    t.print();
  });
}

void add_show(CLI::App& family, Context& ctx) {
  auto ref = std::make_shared<std::string>();
  auto* show = family.add_subcommand("show", "Show a session and its meetings");
  show->add_option("SESSION", *ref, "BODY#N")->required();
  show->callback([&ctx, ref] {
    const auto store = ctx.open_read();
    const auto s = require_session(store, parse_session_ref(*ref, "SESSION"), "SESSION");
    const auto meetings = store.meetings(s.body, s.number);
    if (ctx.json) {
      print_json({{"session", s}, {"meetings", meetings}});
      return;
    }
    print_fields({{"session", to_string(ref_of(s))},
                  {"dates", to_un_range(s.first, s.last) + " (" + day_span(s) + ")"},
                  {"station", s.station}, {"room", s.room.empty() ? "-" : s.room},
                  {"status", std::string{to_string(s.status)}}, {"uid", s.uid},
                  {"revision", std::to_string(s.revision)},
                  {"meetings", std::to_string(meetings.size())}});
    for (const auto& m : meetings)
      std::puts(fmt::format("  {:>3}  {}  {}–{}  {}{}", m.number, to_iso(m.date), to_hhmm(m.start),
                            to_hhmm(m.end), m.kind, m.room.empty() ? "" : "  " + m.room).c_str());
  });
}

void add_move(CLI::App& family, Context& ctx) {
  struct Args {
    std::string ref, first, last, station, room;
    std::optional<long long> revision;
  };
  auto a = std::make_shared<Args>();
  auto* move = family.add_subcommand(
      "move", "Move a session (and its meetings); keeps its length unless --last is given");
  move->add_option("SESSION", a->ref, "BODY#N")->required();
  move->add_option("--first", a->first, "New first day, YYYY-MM-DD")->required();
  move->add_option("--last", a->last, "New last day, inclusive (default: same length)");
  move->add_option("--station", a->station, "New duty station");
  move->add_option("--room", a->room, "New room");
  add_revision_option(*move, a->revision);
  move->callback([&ctx, a] {
    ctx.flags = {{fields::k_revision, "--revision"}};
    const auto ref = parse_session_ref(a->ref, "SESSION");
    const Date first = parse_date(a->first, "--first");
    std::optional<Date> last;
    if (!a->last.empty()) last = parse_date(a->last, "--last");
    const auto opt = [](const std::string& s) {
      return s.empty() ? std::nullopt : std::optional<std::string>{s};
    };
    auto store = ctx.open();
    print_session(
        ctx, move_session(store, ref, first, last, opt(a->station), opt(a->room), a->revision));
  });
}

void add_status(CLI::App& family, Context& ctx) {
  struct Args {
    std::string ref, status;
    std::optional<long long> revision;
  };
  auto c = std::make_shared<Args>();
  auto* cancel = family.add_subcommand("cancel", "Cancel a session (it stays, with status cancelled)");
  cancel->add_option("SESSION", c->ref, "BODY#N")->required();
  add_revision_option(*cancel, c->revision);
  cancel->callback([&ctx, c] {
    ctx.flags = {{fields::k_revision, "--revision"}};
    auto store = ctx.open();
    print_session(ctx, set_session_status(store, parse_session_ref(c->ref, "SESSION"),
                                          SessionStatus::cancelled, c->revision));
  });

  auto a = std::make_shared<Args>();
  auto* set = family.add_subcommand("set-status", "Set a session's status");
  set->add_option("SESSION", a->ref, "BODY#N")->required();
  set->add_option("STATUS", a->status, "planned, confirmed, held, postponed or cancelled")
      ->required();
  add_revision_option(*set, a->revision);
  set->callback([&ctx, a] {
    ctx.flags = {{fields::k_revision, "--revision"}};
    const auto session = parse_session_ref(a->ref, "SESSION");
    const auto status = require_session_status(a->status, "STATUS");
    auto store = ctx.open();
    print_session(ctx, set_session_status(store, session, status, a->revision));
  });
}

}  // namespace

void add_session_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "session",
                            "Sessions of a body, named BODY#N (e.g. GGE-ICT-2004#1); days inclusive");
  add_add(*family, ctx);
  add_list(*family, ctx);
  add_show(*family, ctx);
  add_move(*family, ctx);
  add_status(*family, ctx);
}

}  // namespace gge::cli
