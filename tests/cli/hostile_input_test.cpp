// Hostile input: files and values made to crash, exhaust or confuse gge. Each is refused with
// its documented exit code and exactly one line on stderr (values escaped), and the database
// file is byte-identical afterwards.
#include "cli/support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

using gge::test::quote;
using gge::test::Scratch;

namespace {

std::string repeat(const std::string& part, int n, const std::string& separator) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? separator : "") + part;
  return out;
}

std::string nested(const std::string& open, const std::string& inner, const std::string& close,
                   int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += open;
  out += inner;
  for (int i = 0; i < depth; ++i) out += close;
  return out;
}

struct Case {
  std::string name;
  std::string file_text;  ///< written to the scratch dir as FILE when not empty
  std::string args;       ///< FILE in it is replaced by the file's path
  int code;
  std::string message;   ///< a part of the one stderr line (FILE replaced too)
  std::string before{};  ///< shell commands run before gge (a resource limit)
};

std::string with_file(std::string text, const std::string& path) {
  for (auto at = text.find("FILE"); at != std::string::npos;
       at = text.find("FILE", at + path.size()))
    text.replace(at, 4, path);
  return text;
}

}  // namespace

TEST_CASE("hostile files and values: documented exit code, one line, database byte-identical",
          "[cli][hostile]") {
  const std::string spaces(30000, ' ');
  const auto c = GENERATE_COPY(
      // The inputs that crashed gge (stack overflows in a regex and in the TOML parser).
      Case{"30,000 spaces before a bad date", "a" + spaces + "= 2005-02-30\n", "load FILE", 2,
           "FILE:1: line of 30013 bytes; at most 16384 bytes per line"},
      Case{"a dotted key of 40,000 parts", repeat("a", 40000, ".") + " = 1\n", "load FILE", 2,
           "FILE:1: line of 80003 bytes; at most 16384 bytes per line"},
      Case{"the same key imported as holidays", repeat("a", 40000, ".") + " = 1\n",
           "holidays import FILE", 2, "FILE:1: line of 80003 bytes"},
      Case{"a dotted key of 5,000 parts (a short line)", repeat("a", 5000, ".") + " = 1\n",
           "load FILE", 2,
           "FILE:1: key 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a....': more than 32 dotted parts"},
      Case{"the same key imported as holidays", repeat("a", 5000, ".") + " = 1\n",
           "holidays import FILE", 2, "FILE:1: key 'a.a.a."},
      Case{"a [table] header of 5,000 parts", "[" + repeat("a", 5000, ".") + "]\n", "load FILE", 2,
           "FILE:1: key 'a.a.a."},
      Case{"a dotted key in an inline table", "x = {" + repeat("a", 5000, ".") + " = 1}\n",
           "load FILE", 2, "FILE:1: key 'a.a.a."},
      Case{"arrays nested 300 deep", "a = " + nested("[", "", "]", 300) + "\n", "load FILE", 2,
           "FILE:1: arrays and inline tables nested more than 32 deep"},
      Case{"inline tables nested 300 deep", "a = " + nested("{b=", "1", "}", 300) + "\n",
           "load FILE", 2, "FILE:1: arrays and inline tables nested more than 32 deep"},
      Case{"nesting in a holiday file", "station = " + nested("[", "", "]", 300) + "\n",
           "holidays import FILE", 2, "FILE:1: arrays and inline tables nested more than 32 deep"},
      Case{"a multi-line string of 70,000 bytes",
           "[[body]]\nname = \"\"\"\n" + repeat(std::string(69, 'x'), 1000, "\n") + "\"\"\"\n",
           "load FILE", 2, "FILE:2: string '\"\"\"': longer than 65536 bytes"},
      // Read errors are errors.
      Case{"a directory as the scenario file", "", "load .", 2,
           ".: cannot read the scenario file: it is a directory"},
      Case{"a directory as a holiday file", "", "holidays import .", 2,
           ".: cannot read the holiday file: it is a directory"},
      Case{"an endless file (the size limit stops it)", "", "load /dev/zero", 2,
           "/dev/zero: the scenario file is larger than 64 MiB, the limit for one input file"},
      Case{"an endless holiday file", "", "holidays import /dev/zero", 2,
           "/dev/zero: the holiday file is larger than 64 MiB"},
      Case{"a read that fails after the open (EIO)", "", "load /proc/self/mem", 3,
           "/proc/self/mem: cannot read the scenario file (Input/output error)"},
      Case{"a missing file", "", "holidays import nowhere.toml", 2,
           "nowhere.toml: cannot read the holiday file (No such file or directory)"},
      // .ics files keep the same limits (--from/--to: the example's window would do too).
      Case{"an endless calendar file", "", "import ics /dev/zero --expert by-1", 2,
           "/dev/zero: the calendar file is larger than 64 MiB, the limit for one input file"},
      Case{"a directory as a calendar file", "", "import ics . --expert by-1", 2,
           ".: cannot read the calendar file: it is a directory"},
      Case{"a calendar read that fails after the open (EIO)", "",
           "import ics /proc/self/mem --expert by-1", 3,
           "/proc/self/mem: cannot read the calendar file (Input/output error)"},
      Case{"a calendar line of 30,000 bytes",
           "BEGIN:VCALENDAR\r\nX-A:" + spaces + "\r\nEND:VCALENDAR\r\n",
           "import ics FILE --expert by-1", 2,
           "FILE:2: line of 30005 bytes; at most 16384 bytes per line"},
      Case{"a terminal escape in a calendar",
           "BEGIN:VCALENDAR\r\nSUMMARY:\x1b[2J\r\nEND:VCALENDAR\r\n",
           "import ics FILE --expert by-1", 2,
           "FILE:2: line 'SUMMARY:\\x1b[2J': control character U+001B"},
      // A store refusal of a row from a file names the file and the row's line.
      Case{"a row that clashes with the database",
           "[[station]]\ncode = \"NY\"\nname = \"N\"\nzone = \"America/New_York\"\n", "load FILE",
           2, "FILE:2: station.code 'NY': a station NY already exists"},
#ifndef __SANITIZE_ADDRESS__  // ASan reserves terabytes of address space: no ulimit -v under it
      // A failed allocation is said, not swallowed: 60 MB to hold with 60 MB of address space (gge
      // itself, with ICU's data and the web app, maps about 50 MB before it reads a byte).
      Case{"an allocation that fails", "", "load zeros.toml", 3,
           "out of memory; nothing was written",
           "truncate -s 60M zeros.toml && ulimit -v 60000 && "},
#endif
      // Values are printed escaped, on one line.
      Case{"a terminal escape and CR LF in a value", "",
           "session move " + quote("X\x1b[2J\r\nY#1") + " --first 2005-01-03", 2,
           "session 'X\\x1b[2J\\r\\nY#1': no body X\\x1b[2J\\r\\nY"},
      Case{"bytes that are not UTF-8", "",
           "session move " + quote("X\xff\xc3#1") + " --first 2005-01-03", 2,
           "session 'X\\xff\\xc3#1': no body X\\xff\\xc3"},
      Case{"a NUL from a file", "[[body]]\nsymbol = \"B\\u0000C\"\nname = \"N\"\n", "load FILE", 2,
           "FILE:2: body.symbol 'B\\0C': "},
      Case{"an argument of 5,000 bytes", "", "body add X --name " + std::string(5000, 'n'), 2,
           "argument 7 'nnnnnnnnnn"},
      // Usage errors: one line each.
      Case{"no command", "", "", 2, "A subcommand is required (see --help)"},
      Case{"an unknown command", "", "frobnicate", 2, "A subcommand is required (see --help)"},
      Case{"an unknown option", "", "session list --bogus", 2,
           "The following argument was not expected: --bogus (see --help)"},
      Case{"a missing required option", "", "session add GGE-ICT-2004#4", 2, "--first is required"},
      Case{"an option without its value", "", "session list --station", 2, "--station"},
      Case{"a missing positional argument", "", "session show", 2, "(see --help)"});
  Scratch s;
  REQUIRE(s.gge("load " + quote(gge::test::example_scenario())).code == 0);
  const auto db = std::filesystem::path{s.db()};
  const std::string before = gge::test::bytes_of(db);
  REQUIRE(!before.empty());
  const std::string path = c.file_text.empty() ? "" : s.write("hostile.toml", c.file_text);
  const auto r = s.gge(with_file(c.args, path), c.before);
  INFO(c.name << "\nstderr: " << r.err.substr(0, 300));
  CHECK(r.code == c.code);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.rfind("gge: ", 0) == 0);
  CHECK(r.err.find(with_file(c.message, path)) != std::string::npos);
  CHECK(std::none_of(r.err.begin(), r.err.end() - 1,
                     [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; }));
  CHECK(gge::test::bytes_of(db) == before);
  CHECK(!std::filesystem::exists(s.db() + "-wal"));
}
