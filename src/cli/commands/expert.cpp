// gge expert add|list|show
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/report/json.hpp"
#include "gge/services/transaction.hpp"

#include <fmt/format.h>

#include <memory>

namespace gge::cli {
namespace {

struct ExpertArgs {
  Expert expert;
  std::vector<std::string> bodies;
  std::string role = "member";
};

}  // namespace

void add_expert_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "expert", "Experts and the bodies they sit on");

  auto a = std::make_shared<ExpertArgs>();
  auto* add = family->add_subcommand("add", "Add an expert, optionally with seats on bodies");
  add->add_option("KEY", a->expert.key, "Short key, e.g. br-1")->required();
  add->add_option("--name", a->expert.name, "Full name")->required();
  add->add_option("--country", a->expert.country, "Nominating Member State");
  add->add_option("--body", a->bodies, "Body the expert sits on (repeatable)");
  add->add_option("--role", a->role, "Role on those bodies")->capture_default_str();
  add->callback([&ctx, a] {
    auto store = ctx.open();
    in_transaction(store, [&](WriteTx& tx) {
      Store& s = tx.store();
      s.add(a->expert);
      for (const auto& b : a->bodies) s.add(Membership{a->expert.key, b, a->role});
    });
    print_added(ctx, "expert", a->expert.key, a->expert);
  });

  family->add_subcommand("list", "List experts")->callback([&ctx] {
    const auto store = ctx.open_read();
    print_list(ctx, store.experts(), {"key", "name", "country"},
               [](const Expert& e) { return std::vector{e.key, e.name, e.country}; }, "experts");
  });

  auto key = std::make_shared<std::string>();
  auto* show = family->add_subcommand("show", "Show an expert and their seats");
  show->add_option("KEY", *key, "Expert key")->required();
  show->callback([&ctx, key] {
    const auto store = ctx.open_read();
    const auto experts = store.experts();
    const auto it = std::find_if(experts.begin(), experts.end(),
                                 [&](const Expert& e) { return e.key == *key; });
    if (it == experts.end()) throw InputError({}, "expert", *key, "no such expert");
    auto seats = store.memberships();
    std::erase_if(seats, [&](const Membership& m) { return m.expert != *key; });
    if (ctx.json) {
      print_json({{"expert", *it}, {"memberships", seats}});
      return;
    }
    print_fields({{"key", it->key}, {"name", it->name}, {"country", it->country}});
    for (const auto& m : seats)
      std::puts(fmt::format("  sits on {}{}", m.body, m.role.empty() ? "" : " as " + m.role).c_str());
  });
}

}  // namespace gge::cli
