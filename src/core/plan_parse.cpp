// The planner's option values: gaps ("8w", "56d"), months ("aug,dec"), venue patterns, how
// experts' busy time counts.
#include "gge/core/plan_parse.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace gge {
namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const auto at = text.find(sep, start);
    parts.push_back(
        text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<unsigned> parse_months(std::string_view text, std::string_view field) {
  static constexpr std::array<std::string_view, 12> k_names{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::vector<unsigned> months;
  for (auto part : split(text, ',')) {
    const auto word = lower(part);
    unsigned found = 0;
    for (unsigned m = 0; m < 12; ++m)
      if (word.size() >= 3 && k_names[m].substr(0, word.size()) == word) found = m + 1;
    if (found == 0 && !word.empty() &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        word.size() <= 2)
      found = static_cast<unsigned>(std::stoi(word));
    if (found < 1 || found > 12)
      throw InputError({}, std::string(field), std::string(part),
                       "is not a month (jan..dec, january.., or 1..12)");
    if (std::find(months.begin(), months.end(), found) == months.end()) months.push_back(found);
  }
  return months;
}

std::vector<std::vector<std::string>> parse_venues(std::string_view text, std::string_view field) {
  std::vector<std::vector<std::string>> pattern;
  for (auto entry : split(text, ',')) {
    std::vector<std::string> any;
    for (auto code : split(entry, '|')) {
      if (code.empty())
        throw InputError({}, std::string(field), std::string(text), "has an empty venue");
      any.emplace_back(code);
    }
    pattern.push_back(std::move(any));
  }
  return pattern;
}

PlanGaps parse_plan_gaps(std::string_view min_text, std::string_view max_text,
                         std::string_view min_field, std::string_view max_field, int max_days) {
  PlanGaps gaps;
  if (!min_text.empty()) gaps.min_days = parse_span_days(min_text, min_field, max_days);
  if (!max_text.empty()) gaps.max_days = parse_span_days(max_text, max_field, max_days);
  if (gaps.max_days && *gaps.max_days < gaps.min_days)
    throw InputError({}, std::string(max_field), std::string(max_text),
                     "is below " + std::string(min_field) + " " + std::string(min_text));
  return gaps;
}

bool parse_experts_soft(std::string_view text, std::string_view field) {
  if (text != "hard" && text != "soft")
    throw InputError({}, std::string(field), std::string(text), "must be hard or soft");
  return text == "soft";
}

}  // namespace gge
