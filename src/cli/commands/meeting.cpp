// gge meeting add|list|generate
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/text.hpp"
#include "gge/report/json.hpp"
#include "gge/services/session_edits.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <memory>

namespace gge::cli {
namespace {

void print_removed(const Context& ctx, const std::string& session, std::size_t removed) {
  if (ctx.json) {
    print_json(nlohmann::json{{"session", session}, {"removed", removed}});
    return;
  }
  std::puts(fmt::format("removed {} of {}", counted(static_cast<long long>(removed), "meeting"), session).c_str());
}

std::vector<std::string> meeting_row(const Meeting& m) {
  return {to_string(ref_of(m)), std::to_string(m.number), to_iso(m.date),
          to_hhmm(m.start) + "–" + to_hhmm(m.end), m.kind, m.room.empty() ? "-" : m.room};
}
const std::vector<std::string> k_meeting_header{"session", "no.", "date", "time (local)", "kind", "room"};

}  // namespace

void add_meeting_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "meeting",
                            "Meetings: 3-hour slots of a session, in the station's local time");

  struct Args {
    std::string ref, date, start = "10:00", end = "13:00", room, kind = "plenary";
    int number = 0;
  };
  auto a = std::make_shared<Args>();
  auto* add = family->add_subcommand("add", "Add a meeting to a session");
  add->add_option("SESSION", a->ref, "BODY#N")->required();
  add->add_option("--date", a->date, "Day, YYYY-MM-DD, within the session")->required();
  add->add_option("--start", a->start, "Local start, HH:MM")->capture_default_str();
  add->add_option("--end", a->end, "Local end, HH:MM")->capture_default_str();
  add->add_option("--room", a->room, "Room (default: the session's)");
  add->add_option("--kind", a->kind, "plenary, informal, ...")->capture_default_str();
  add->add_option("--number", a->number, "Meeting number within the session");
  add->callback([&ctx, a] {
    const auto ref = parse_session_ref(a->ref, "SESSION");
    Meeting m{ref.body, ref.number, parse_date(a->date, "--date"), parse_hhmm(a->start, "--start"),
              parse_hhmm(a->end, "--end"), a->room, a->kind, a->number, "", 0};
    auto store = ctx.open();
    require_session(store, ref, "SESSION");
    add_one(store, m);
    print_added(ctx, "meeting", fmt::format("{} {} {}", a->ref, a->date, a->start), m);
  });

  auto list_ref = std::make_shared<std::string>();
  auto* list = family->add_subcommand("list", "List meetings, of one session or of all");
  list->add_option("SESSION", *list_ref, "BODY#N, or BODY for all its sessions");
  list->callback([&ctx, list_ref] {
    const auto store = ctx.open_read();
    std::vector<Meeting> meetings;
    if (list_ref->find('#') != std::string::npos) {
      const auto ref = parse_session_ref(*list_ref, "SESSION");
      require_session(store, ref, "SESSION");
      meetings = store.meetings(ref.body, ref.number);
    } else {
      meetings = store.meetings(*list_ref);
    }
    print_list(ctx, meetings, k_meeting_header, meeting_row, "meetings");
  });

  auto gen_ref = std::make_shared<std::string>();
  auto* gen = family->add_subcommand(
      "generate", "Create the standard 10:00-13:00 and 15:00-18:00 meetings on every working day\n"
                  "of a session (skips weekends, the station's closures and existing meetings)");
  gen->add_option("SESSION", *gen_ref, "BODY#N")->required();
  gen->callback([&ctx, gen_ref] {
    auto store = ctx.open();
    const auto ref = parse_session_ref(*gen_ref, "SESSION");
    const auto created = generate_meetings(store, ref);
    if (ctx.json) {
      print_json(created);
      return;
    }
    std::puts(fmt::format("created {} meetings for {}", created.size(), *gen_ref).c_str());
    if (!created.empty()) {
      Table t(k_meeting_header);
      for (const auto& m : created) t.add(meeting_row(m));
      t.print();
    }
  });

  auto clear_ref = std::make_shared<std::string>();
  auto* clear = family->add_subcommand(
      "clear", "Remove every meeting of a session (the session stays), e.g. before making it\n"
               "shorter; `gge meeting generate` creates the standard ones again");
  clear->add_option("SESSION", *clear_ref, "BODY#N")->required();
  clear->callback([&ctx, clear_ref] {
    ctx.flags = {{fields::k_session, "SESSION"}};
    auto store = ctx.open();
    const auto ref = parse_session_ref(*clear_ref, "SESSION");
    print_removed(ctx, *clear_ref, remove_meetings(store, ref));
  });

  struct RemoveArgs {
    std::string ref, date, start;
  };
  auto r = std::make_shared<RemoveArgs>();
  auto* remove = family->add_subcommand(
      "remove", "Remove a session's meetings on one day, or the one at --start (exports then show\n"
                "them as cancelled)");
  remove->add_option("SESSION", r->ref, "BODY#N")->required();
  remove->add_option("--date", r->date, "Day, YYYY-MM-DD")->required();
  remove->add_option("--start", r->start, "Only the meeting starting at this local time, HH:MM");
  remove->callback([&ctx, r] {
    ctx.flags = {{fields::k_session, "SESSION"}, {fields::k_meeting_day, "--date"}, {fields::k_meeting_start, "--start"}};
    const auto ref = parse_session_ref(r->ref, "SESSION");
    const Date day = parse_date(r->date, "--date");
    const std::optional<Minutes> start =
        r->start.empty() ? std::nullopt : std::optional{parse_hhmm(r->start, "--start")};
    auto store = ctx.open();
    print_removed(ctx, r->ref, remove_meetings(store, ref, day, start));
  });
}

}  // namespace gge::cli
