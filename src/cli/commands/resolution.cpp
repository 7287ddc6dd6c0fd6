// gge resolution add|list|show
#include "cli/commands/commands.hpp"
#include "cli/output.hpp"
#include "gge/report/json.hpp"
#include "gge/services/transaction.hpp"

#include <memory>

namespace gge::cli {
namespace {

struct ResolutionArgs {
  Resolution resolution;
  std::string adopted;
};

}  // namespace

void add_resolution_commands(CLI::App& app, Context& ctx) {
  auto* family = add_family(app, "resolution", "General Assembly resolutions that give mandates");

  auto a = std::make_shared<ResolutionArgs>();
  auto* add = family->add_subcommand("add", "Add a resolution");
  add->add_option("SYMBOL", a->resolution.symbol, "SESSION/NUMBER, e.g. 58/32")->required();
  add->add_option("--adopted", a->adopted, "Adoption date, YYYY-MM-DD")->required();
  add->add_option("--title", a->resolution.title, "Title");
  add->add_option("--agenda-item", a->resolution.agenda_item, "Agenda item");
  add->callback([&ctx, a] {
    a->resolution.adopted = parse_date(a->adopted, "--adopted");
    // The GA session is the part of the symbol before '/'; validate() explains a bad symbol.
    a->resolution.ga_session = std::atoi(a->resolution.symbol.c_str());
    auto store = ctx.open();
    add_one(store, a->resolution);
    print_added(ctx, "resolution", a->resolution.symbol, a->resolution);
  });

  family->add_subcommand("list", "List resolutions")->callback([&ctx] {
    const auto store = ctx.open_read();
    print_list(ctx, store.resolutions(), {"symbol", "adopted", "title"},
               [](const Resolution& r) { return std::vector{r.symbol, to_iso(r.adopted), r.title}; },
               "resolutions");
  });

  auto symbol = std::make_shared<std::string>();
  auto* show = family->add_subcommand("show", "Show a resolution");
  show->add_option("SYMBOL", *symbol, "e.g. 58/32")->required();
  show->callback([&ctx, symbol] {
    const auto store = ctx.open_read();
    for (const auto& r : store.resolutions()) {
      if (r.symbol != *symbol) continue;
      if (ctx.json) print_json(r);
      else
        print_fields({{"symbol", r.symbol}, {"adopted", to_un_long(r.adopted)},
                      {"GA session", std::to_string(r.ga_session)}, {"title", r.title},
                      {"agenda item", r.agenda_item}});
      return;
    }
    throw InputError({}, "resolution", *symbol, "no such resolution");
  });
}

}  // namespace gge::cli
