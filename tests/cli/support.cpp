#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace gge::test {
namespace fs = std::filesystem;

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string repo(const std::string& relative) { return std::string{GGE_SOURCE_DIR} + "/" + relative; }

std::string holiday_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(repo("data/holidays")))
    if (e.path().extension() == ".toml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::string out;
  for (const auto& f : files) out += (out.empty() ? "" : " ") + quote(f);
  return out;
}

void load_with_holidays(const Scratch& s, const std::string& scenario) {
  const auto load = s.gge("load " + quote(scenario));
  INFO(load.err);
  REQUIRE(load.code == 0);
  const auto files = holiday_files();
  REQUIRE(!files.empty());
  const auto imp = s.gge("holidays import " + files);
  INFO(imp.err);
  REQUIRE(imp.code == 0);
}

Scratch::Scratch() {
  std::random_device rd;
  m_dir = fs::temp_directory_path() / ("gge-cli-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(m_dir);
}

Scratch::~Scratch() {
  std::error_code ec;
  fs::remove_all(m_dir, ec);
}

std::string quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

Run Scratch::shell(const std::string& command) const {
  const auto out = m_dir / "stdout.txt", err = m_dir / "stderr.txt";
  const std::string cmd = "cd " + quote(m_dir.string()) + " && { " + command + "\n} >" +
                          quote(out.string()) + " 2>" + quote(err.string());
  const int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = bytes_of(out);
  r.err = bytes_of(err);
  return r;
}

Run Scratch::gge(const std::string& args, const std::string& before) const {
  return shell(before + quote(GGE_BINARY) + " --db " + quote(db()) + " " + args);
}

std::string Scratch::write(const std::string& name, const std::string& text) const {
  const auto p = m_dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::string example_scenario() {
  return std::string(GGE_SOURCE_DIR) + "/examples/gge-2004-2005/scenario.toml";
}

std::string golden_diff(const std::string& name, const std::string& actual) {
  const fs::path p = fs::path(GGE_SOURCE_DIR) / "tests/cli/golden" / name;
  if (const char* u = std::getenv("GGE_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << actual;
    return {};
  }
  if (!fs::exists(p)) return "no golden file " + p.string() + " (run with GGE_UPDATE_GOLDEN=1)";
  const std::string expected = bytes_of(p);
  if (expected == actual) return {};
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    const bool ge = static_cast<bool>(std::getline(e, le));
    const bool ga = static_cast<bool>(std::getline(a, la));
    if (!ge && !ga) return name + ": differs in line endings";
    if (le != la || ge != ga)
      return name + ":" + std::to_string(line) + ": expected <" + (ge ? le : "EOF") + "> got <" +
             (ga ? la : "EOF") + ">";
  }
}

}  // namespace gge::test
