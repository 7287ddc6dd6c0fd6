// The engine (rules, services) speaks of the domain: no error of it names a CLI flag or a CLI
// argument; the CLI renames the engine's fields to its flags when it prints an error.
#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/rules/timeline.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("no string in rules or services names a CLI flag or argument", "[services]") {
  // A flag in a string literal ("--from", "is before --from") or an argument word ("MANDATE").
  const std::regex cli_word{R"re("(--[a-z]|[^"]*\s--[a-z])|"(MANDATE|SESSION|DIR)")re"};
  int files = 0;
  for (const char* layer : {"src/rules", "src/services"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(GGE_SOURCE_DIR) / layer)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        const auto comment = line.find("//");
        const std::string code = line.substr(0, comment);
        INFO(entry.path().string() << ":" << n << ": " << line);
        CHECK_FALSE(std::regex_search(code, cli_word));
      }
    }
  CHECK(files > 40);
}

TEST_CASE("an engine error names the field in the domain's words; a front-end renames it", "[services]") {
  using date::literals::operator""_y;
  try {
    (void)gge::make_timeline_scale(gge::Date{2005_y / 3 / 1}, gge::Date{2005_y / 2 / 1});
    FAIL("accepted a period that ends before it begins");
  } catch (const gge::InputError& e) {
    CHECK(e.field() == gge::fields::k_last_day);
    CHECK(std::string{e.what()} == "last day '2005-02-01': is before the first day 2005-03-01");
    CHECK(std::string{e.with_field("--to").what()} == "--to '2005-02-01': is before the first day 2005-03-01");
  }
}
