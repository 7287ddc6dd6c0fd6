#include "gge/core/error.hpp"
#include "formats/ical/ical_fixture.hpp"
#include "formats/ical/ical_text.hpp"

#include <catch2/catch.hpp>

using namespace gge;
using detail::append_folded;
using detail::append_ical_text;

namespace {
std::string esc(std::string_view s) {
  std::string out;
  append_ical_text(out, s, "field");
  return out;
}
std::string fold(std::string_view s) {
  std::string out;
  append_folded(out, s);
  return out;
}
/// Splits folded output into physical lines (without CRLF); checks every line ends in CRLF.
std::vector<std::string> physical_lines(const std::string& folded) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    auto crlf = folded.find("\r\n", pos);
    REQUIRE(crlf != std::string::npos);
    lines.push_back(folded.substr(pos, crlf - pos));
    pos = crlf + 2;
  }
  return lines;
}
bool starts_utf8_sequence(unsigned char c) { return (c & 0xC0) != 0x80; }
}  // namespace

TEST_CASE("append_ical_text escapes backslash and semicolon and comma and newline but never colon", "[rules][ical]") {
  CHECK(esc("plain text") == "plain text");
  CHECK(esc("a\\b") == "a\\\\b");
  CHECK(esc("a;b,c") == "a\\;b\\,c");
  CHECK(esc("line 1\nline 2") == "line 1\\nline 2");
  CHECK(esc("line 1\r\nline 2") == "line 1\\nline 2");
  CHECK(esc("10:00-13:00 UTC: mailto:x") == "10:00-13:00 UTC: mailto:x");
  CHECK(esc("tab\there") == "tab\there");
  CHECK(esc("séance plénière, 第4会议室; جلسة") == "séance plénière\\, 第4会议室\\; جلسة");
  CHECK(esc("astral \U0001F600 ok") == "astral \U0001F600 ok");
  CHECK(esc("") == "");
}

TEST_CASE("append_ical_text refuses control characters and bad UTF-8 naming field and value", "[rules][ical]") {
  auto bad = GENERATE(as<std::string>{}, std::string("bell\a"), std::string("nul\0x", 5),
                      std::string("lone\rcr"), std::string("del\x7f"), std::string("esc\x1b[0m"),
                      std::string("c1 \xc2\x85 next line"), std::string("cut \xe4\xbd"),
                      std::string("overlong \xc0\xaf"), std::string("surrogate \xed\xa0\x80"),
                      std::string("latin1 \xe9t\xe9"));
  std::string out;
  try {
    append_ical_text(out, bad, "meeting.kind");
    FAIL("accepted " << bad);
  } catch (const InputError& e) {
    CHECK(e.field() == "meeting.kind");
    CHECK(e.value() == bad);
    CHECK_FALSE(e.problem().empty());
  }
}

TEST_CASE("append_folded keeps short lines and ends each with CRLF", "[rules][ical]") {
  CHECK(fold("SUMMARY:short") == "SUMMARY:short\r\n");
  std::string exactly75(75, 'x');
  CHECK(fold(exactly75) == exactly75 + "\r\n");
  std::string s76(76, 'x');
  CHECK(fold(s76) == std::string(75, 'x') + "\r\n x\r\n");
}

TEST_CASE("append_folded folds at 75 octets and continuation lines count their space", "[rules][ical]") {
  std::string line = "DESCRIPTION:" + std::string(300, 'a');
  auto lines = physical_lines(fold(line));
  REQUIRE(lines.size() == 5);  // 75 + 74*3 = 297 < 312 <= 371
  CHECK(lines[0].size() == 75);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    CHECK(lines[i][0] == ' ');
    CHECK(lines[i].size() <= 75);
  }
  std::string unfolded = lines[0];
  for (std::size_t i = 1; i < lines.size(); ++i) unfolded += lines[i].substr(1);
  CHECK(unfolded == line);
}

TEST_CASE("append_folded never splits a UTF-8 sequence at the boundary", "[rules][ical]") {
  // Shift multi-byte characters across the 75-octet boundary by every offset.
  for (std::string ch : {std::string("é"), std::string("会"), std::string("\U0001F600")}) {
    for (std::size_t prefix = 60; prefix < 80; ++prefix) {
      std::string line = std::string(prefix, 'p');
      for (int i = 0; i < 40; ++i) line += ch;
      auto lines = physical_lines(fold(line));
      std::string unfolded;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("char " << ch << " prefix " << prefix << " line " << i);
        CHECK(lines[i].size() <= 75);
        std::string body = i == 0 ? lines[i] : lines[i].substr(1);
        REQUIRE_FALSE(body.empty());
        CHECK(starts_utf8_sequence(static_cast<unsigned char>(body.front())));
        if (i + 1 < lines.size()) {
          // A line may end short only because the next character would not fit.
          CHECK(lines[i].size() + ch.size() > 75);
        }
        unfolded += body;
      }
      CHECK(unfolded == line);
    }
  }
}

TEST_CASE("DATE and DATE-TIME and UTC-OFFSET values", "[rules][ical]") {
  std::string out;
  detail::append_ical_date(out, test::ymd(2004, 7, 12));
  CHECK(out == "20040712");
  out.clear();
  detail::append_ical_local(out, date::local_days{date::year{2005} / 11 / 7} + std::chrono::hours{15});
  CHECK(out == "20051107T150000");
  out.clear();
  detail::append_ical_utc(out, Instant{std::chrono::seconds{1100000000}});
  CHECK(out == "20041109T113320Z");
  out.clear();
  detail::append_ical_offset(out, std::chrono::seconds{-5 * 3600});
  CHECK(out == "-0500");
  out.clear();
  detail::append_ical_offset(out, std::chrono::seconds{0});
  CHECK(out == "+0000");
  out.clear();
  detail::append_ical_offset(out, std::chrono::seconds{2 * 3600 + 45 * 60 + 12});
  CHECK(out == "+024512");
}
