// gge body add|list|show
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/report/json.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace gge::cli {
namespace {

struct BodyArgs {
  Body body;
  std::string kind = "GGE";
};

}  // namespace

void add_body_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "body", "Bodies that meet: GGEs, OEWGs, committees");

  auto a = std::make_shared<BodyArgs>();
  auto* add = family->add_subcommand("add", "Add a body");
  add->add_option("SYMBOL", a->body.symbol, "Short key, e.g. GGE-ICT-2004")->required();
  add->add_option("--name", a->body.name, "Full name")->required();
  add->add_option("--kind", a->kind, "GGE, OEWG, committee or other")->capture_default_str();
  add->add_option("--members", a->body.members, "Seats (a GGE has about 15; 0 = open-ended)");
  add->add_option("--min-gap", a->body.min_gap_days,
                  "Fewest days from the last day of a session to the first of the next (0 = none)");
  add->callback([&ctx, a] {
    const auto kind = parse_body_kind(a->kind);
    if (!kind) throw InputError({}, "--kind", a->kind, "expected GGE, OEWG, committee or other");
    a->body.kind = *kind;
    auto store = ctx.open();
    add_one(store, a->body);
    print_added(ctx, "body", a->body.symbol, a->body);
  });

  family->add_subcommand("list", "List bodies")->callback([&ctx] {
    const auto store = ctx.open_read();
    print_list(ctx, store.bodies(), {"symbol", "kind", "members", "name"},
               [](const Body& b) {
                 return std::vector{b.symbol, std::string{to_string(b.kind)},
                                    std::to_string(b.members), b.name};
               },
               "bodies");
  });

  auto symbol = std::make_shared<std::string>();
  auto* show = family->add_subcommand("show", "Show a body with its mandates, sessions and experts");
  show->add_option("SYMBOL", *symbol, "Body symbol")->required();
  show->callback([&ctx, symbol] {
    const auto store = ctx.open_read();
    const auto b = store.body(*symbol);
    if (!b) throw InputError({}, "body", *symbol, "no such body");
    auto mandates = store.mandates();
    std::erase_if(mandates, [&](const Mandate& m) { return m.body != *symbol; });
    auto members = store.memberships();
    std::erase_if(members, [&](const Membership& m) { return m.body != *symbol; });
    const auto sessions = store.sessions(*symbol);
    if (ctx.json) {
      print_json({{"body", *b}, {"mandates", mandates}, {"sessions", sessions}, {"members", members}});
      return;
    }
    print_fields({{"symbol", b->symbol}, {"name", b->name}, {"kind", std::string{to_string(b->kind)}},
                  {"members", std::to_string(b->members)}});
    for (const auto& m : mandates)
      std::puts(fmt::format("  mandate {} (resolution {}, report to GA {})", m.key, m.resolution,
                            m.report_to_session).c_str());
    for (const auto& s : sessions)
      std::puts(fmt::format("  session {}: {}, {}, {}", s.number, to_un_range(s.first, s.last),
                            s.station, to_string(s.status)).c_str());
    std::puts(fmt::format("  {} experts", members.size()).c_str());
  });
}

}  // namespace gge::cli
