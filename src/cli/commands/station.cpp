// gge station add|list|show
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/model/validate.hpp"
#include "gge/report/json.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <memory>

namespace gge::cli {

void add_station_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "station", "Duty stations: where bodies meet, with their time zone");

  struct Args {
    DutyStation station;
    std::string hours_from, hours_to;
  };
  auto a = std::make_shared<Args>();
  auto* v = &a->station;
  auto* add = family->add_subcommand("add", "Add a duty station");
  add->add_option("CODE", v->code, "Short key, e.g. NY, GVA, VIE, NBO")->required();
  add->add_option("--name", v->name, "Full name, e.g. \"New York (UNHQ)\"")->required();
  add->add_option("--zone", v->zone, "IANA time zone, e.g. America/New_York")->required();
  add->add_option("--hours-from", a->hours_from, "Earliest meeting start, HH:MM local (default 09:00)");
  add->add_option("--hours-to", a->hours_to, "Latest meeting end, HH:MM local (default 21:00)");
  add->callback([&ctx, a, v] {
    if (!a->hours_from.empty()) v->hours_from = parse_hhmm(a->hours_from, "--hours-from");
    if (!a->hours_to.empty()) v->hours_to = parse_hhmm(a->hours_to, "--hours-to");
    auto store = ctx.open();
    add_one(store, *v);
    print_added(ctx, "station", v->code, *v);
  });

  family->add_subcommand("list", "List duty stations")->callback([&ctx] {
    const auto store = ctx.open_read();
    print_list(ctx, store.stations(), {"code", "name", "zone"},
               [](const DutyStation& s) { return std::vector{s.code, s.name, s.zone}; }, "stations");
  });

  auto code = std::make_shared<std::string>();
  auto* show = family->add_subcommand("show", "Show a station with its rooms and closures");
  show->add_option("CODE", *code, "Station code")->required();
  show->callback([&ctx, code] {
    const auto store = ctx.open_read();
    const auto s = store.station(*code);
    if (!s) throw InputError({}, "station", *code, "no such station");
    const auto rooms = store.rooms(*code);
    const auto holidays = store.holidays(*code);
    if (ctx.json) {
      print_json({{"station", *s}, {"rooms", rooms}, {"holidays", holidays}});
      return;
    }
    print_fields({{"code", s->code}, {"name", s->name}, {"zone", s->zone},
                  {"meeting hours", to_hhmm(s->hours_from) + "-" + to_hhmm(s->hours_to)},
                  {"rooms", std::to_string(rooms.size())},
                  {"closures", std::to_string(holidays.size())}});
    for (const auto& r : rooms) std::puts(fmt::format("  room {} ({} seats)", r.name, r.capacity).c_str());
  });
}

}  // namespace gge::cli
