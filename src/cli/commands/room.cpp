// gge room add|list|show
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/report/json.hpp"
#include "gge/services/transaction.hpp"

#include <memory>

namespace gge::cli {

void add_room_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "room", "Conference rooms of the duty stations");

  auto v = std::make_shared<Room>();
  auto* add = family->add_subcommand("add", "Add a room to a station");
  add->add_option("STATION", v->station, "Station code, e.g. NY")->required();
  add->add_option("NAME", v->name, "Room name, e.g. \"Conference Room 4\"")->required();
  add->add_option("--capacity", v->capacity, "Seats")->required();
  add->callback([&ctx, v] {
    auto store = ctx.open();
    add_one(store, *v);
    print_added(ctx, "room", v->station + " " + v->name, *v);
  });

  auto station = std::make_shared<std::string>();
  auto* list = family->add_subcommand("list", "List rooms");
  list->add_option("--station", *station, "Only this station's rooms");
  list->callback([&ctx, station] {
    const auto store = ctx.open_read();
    print_list(ctx, store.rooms(*station), {"station", "room", "seats"},
               [](const Room& r) { return std::vector{r.station, r.name, std::to_string(r.capacity)}; },
               "rooms");
  });

  auto key = std::make_shared<std::pair<std::string, std::string>>();
  auto* show = family->add_subcommand("show", "Show one room");
  show->add_option("STATION", key->first, "Station code")->required();
  show->add_option("NAME", key->second, "Room name")->required();
  show->callback([&ctx, key] {
    const auto store = ctx.open_read();
    for (const auto& r : store.rooms(key->first)) {
      if (r.name != key->second) continue;
      if (ctx.json) print_json(r);
      else print_fields({{"station", r.station}, {"room", r.name}, {"seats", std::to_string(r.capacity)}});
      return;
    }
    throw InputError({}, "room", key->first + " " + key->second, "no such room");
  });
}

}  // namespace gge::cli
