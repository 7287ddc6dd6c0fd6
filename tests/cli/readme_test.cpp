// README's sample outputs are what the tool prints: every ```console block of README.md is run.
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using gge::test::Scratch;

namespace {

struct Sample {
  int line = 0;          // README line of the "$ gge ..." command
  std::string args;      // after "$ gge "
  std::string expected;  // the lines after it, up to the next "$ " line or the fence
};

// Every "$ gge ARGS" line of a ```console block, with the output lines that follow it.
std::vector<Sample> console_samples(const std::string& readme) {
  std::vector<Sample> samples;
  std::istringstream in(readme);
  std::string line;
  bool inside = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!inside) {
      inside = line == "```console";
      continue;
    }
    if (line.starts_with("```")) {
      inside = false;
    } else if (line.starts_with("$ ")) {
      REQUIRE(line.starts_with("$ gge "));  // the test runs gge only
      samples.push_back({n, line.substr(6), ""});
    } else {
      REQUIRE_FALSE(samples.empty());  // output before any command
      samples.back().expected += line + "\n";
    }
  }
  return samples;
}

}  // namespace

TEST_CASE("README's console samples are gge's real output on the example", "[cli]") {
  const auto samples = console_samples(gge::test::bytes_of(gge::test::repo("README.md")));
  REQUIRE(samples.size() >= 5);
  // As README says above its samples: the example and the holiday calendars, loaded.
  Scratch s;
  gge::test::load_with_holidays(s, gge::test::example_scenario());
  for (const auto& sample : samples) {
    INFO("README.md:" << sample.line << ": $ gge " << sample.args);
    const auto run = s.gge(sample.args);
    INFO(run.err);
    CHECK(run.out == sample.expected);
  }
}

TEST_CASE("README console samples: a changed output line is caught", "[cli]") {
  const std::string readme = "```console\n$ gge ga 60\nwrong\n```\n";
  const auto samples = console_samples(readme);
  REQUIRE(samples.size() == 1);
  Scratch s;
  CHECK(s.gge(samples[0].args).out != samples[0].expected);
}
