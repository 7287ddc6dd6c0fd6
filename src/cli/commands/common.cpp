#include "cli/commands/commands.hpp"
#include "cli/output.hpp"

#include <fmt/format.h>

namespace gge::cli {

void print_added(const Context& ctx, std::string_view kind, const std::string& key,
                 const nlohmann::json& stored) {
  if (ctx.json) print_json(stored);
  else std::puts(fmt::format("added {} {}", kind, key).c_str());
}

CLI::App* add_family(CLI::App& app, const std::string& name, const std::string& description) {
  auto* family = app.add_subcommand(name, description);
  family->require_subcommand(1);
  return family;
}

}  // namespace gge::cli
