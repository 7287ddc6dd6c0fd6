// Locating a refusal that comes after reading (the store's: "a station NY already exists") in
// the scenario text it came from (scenario_toml.hpp `locate_in_scenario`).
#include "formats/scenario/scenario_tables.hpp"
#include "gge/formats/scenario/scenario_toml.hpp"
#include "gge/formats/text/untrusted_text.hpp"

#include <fmt/format.h>

namespace gge {

std::string locate_in_scenario(std::string_view text, std::string_view name, std::string_view field,
                               std::string_view value) {
  const std::string unlocated{name};
  const auto dot = field.find('.');
  if (dot == std::string_view::npos) return unlocated;
  const std::string_view table = field.substr(0, dot), key = field.substr(dot + 1);
  try {
    check_toml_limits(text, name);
    const toml::table root = toml::parse(text, name);
    const auto* rows = root.get_as<toml::array>(table);
    if (!rows) return unlocated;
    int line = 0, matches = 0;
    for (const auto& row : *rows) {
      const auto* t = row.as_table();
      const toml::node* n = t ? t->get(key) : nullptr;
      if (n && detail::render(*n) == value && ++matches == 1)
        line = static_cast<int>(n->source().begin.line);
    }
    // Several rows with that value: which one the refusal meant is not known; say no line.
    return matches == 1 ? fmt::format("{}:{}", name, line) : unlocated;
  } catch (const std::exception&) {
    return unlocated;  // the text was read before; a locating failure must not hide the refusal
  }
}

}  // namespace gge
