// The engine (rules, services, report, formats) speaks of the domain: no error of it names a CLI flag or a CLI
// argument; the CLI renames the engine's fields to its flags when it prints an error.
#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/services/check_store.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("no string in the engine's layers names a CLI flag or argument", "[services]") {
  // A flag in a string literal ("--from", "is before --from") or an argument word ("MANDATE").
  const std::regex cli_word{R"re("(--[a-z]|[^"]*\s--[a-z])|"(MANDATE|SESSION|DIR)")re"};
  int files = 0;
  for (const char* layer : {"src/model", "src/rules", "src/report", "src/formats", "src/store", "src/services"})
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

TEST_CASE("an engine error names the field in the domain's words, and a front-end renames it", "[services]") {
  const auto store = gge::Store::in_memory();
  gge::CheckFilter filter;
  filter.body = "NOPE";
  try {
    (void)gge::check_store(store, filter);
    FAIL("accepted an unknown body");
  } catch (const gge::InputError& e) {
    CHECK(e.field() == gge::fields::k_body);
    CHECK(std::string{e.what()} == "body 'NOPE': no such body");
    CHECK(std::string{e.with_field("--body").what()} == "--body 'NOPE': no such body");
  }
}
