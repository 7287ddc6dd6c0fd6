// The structural pass over .ics text (see ical_scan.hpp).
#include "ical_scan.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"
#include "gge/formats/text/untrusted_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace gge::detail {
namespace {

std::string upper(std::string_view s) {
  std::string out{s};
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

struct ContentLine {
  std::string name;    ///< upper case
  std::string params;  ///< between the name and the ':' (without the leading ';')
  std::string value;
};

/// Splits "NAME;P=V;Q=\"a:b\":VALUE"; false when the line has no such shape.
bool split_line(std::string_view line, ContentLine& out) {
  std::size_t i = 0;
  while (i < line.size() && is_name_char(line[i])) ++i;
  if (i == 0 || i == line.size() || (line[i] != ':' && line[i] != ';')) return false;
  out.name = upper(line.substr(0, i));
  std::size_t params_begin = i;
  bool quoted = false;
  for (; i < line.size(); ++i) {
    if (line[i] == '"')
      quoted = !quoted;
    else if (line[i] == ':' && !quoted)
      break;
  }
  if (i == line.size()) return false;
  out.params = params_begin < i ? std::string{line.substr(params_begin + 1, i - params_begin - 1)}
                                : std::string{};
  if (line[params_begin] == ':') out.params.clear();
  out.value = std::string{line.substr(i + 1)};
  return true;
}

/// The TZID parameter's value (quotes removed), empty when there is none.
std::string tzid_param(std::string_view params) {
  std::size_t i = 0;
  while (i < params.size()) {
    std::size_t end = i;
    bool quoted = false;
    for (; end < params.size(); ++end) {
      if (params[end] == '"')
        quoted = !quoted;
      else if (params[end] == ';' && !quoted)
        break;
    }
    const std::string_view p = params.substr(i, end - i);
    if (p.size() > 5 && upper(p.substr(0, 5)) == "TZID=") {
      std::string_view v = p.substr(5);
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string{v};
    }
    i = end + 1;
  }
  return {};
}

}  // namespace

std::string preview(std::string_view s) {
  return s.size() > 40 ? std::string{s.substr(0, 40)} + "..." : std::string{s};
}

IcsScan scan_ics(std::string_view text, std::string_view name) {
  IcsScan scan;
  const auto where = [&](int line) { return fmt::format("{}:{}", name, line); };
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
    throw InputError(where(static_cast<int>(line)), "", "",
                     "binary data (a NUL byte): not an iCalendar file");
  }
  struct Open {
    std::string kind;
    int line;
  };
  std::vector<Open> stack;
  bool seen_calendar = false;
  std::size_t components = 0;

  // One logical (unfolded) line at a time: [first physical line, text].
  std::string logical;
  int logical_line = 0;
  const auto finish_line = [&]() {
    if (logical_line == 0) return;
    const int at = logical_line;
    logical_line = 0;
    if (logical.empty()) return;  // blank lines are tolerated, as every client does
    check_text(logical, "line", where(at), k_max_unfolded_line_bytes, /*multiline=*/true);
    ContentLine cl;
    if (!split_line(logical, cl))
      throw InputError(where(at), "line", preview(logical),
                       "is not NAME:VALUE (a broken or unfolded line?)");
    if (cl.name == "BEGIN") {
      const std::string kind = upper(cl.value);
      if (stack.empty() && (kind != "VCALENDAR"))
        throw InputError(where(at), "BEGIN", cl.value, "expected BEGIN:VCALENDAR first");
      if (stack.empty()) seen_calendar = true;
      if (kind == "VEVENT") scan.event_lines.push_back(at);
      if (++components > k_max_components)
        throw InputError(where(at), "BEGIN", cl.value,
                         fmt::format("more than {} components in one file", k_max_components));
      stack.push_back({kind, at});
      return;
    }
    if (stack.empty())
      throw InputError(
          where(at), "line", preview(logical),
          seen_calendar ? "comes after END:VCALENDAR" : "comes before BEGIN:VCALENDAR");
    if (cl.name == "END") {
      const std::string kind = upper(cl.value);
      if (stack.back().kind != kind)
        throw InputError(where(at), "END", cl.value,
                         fmt::format("does not close BEGIN:{} of line {}", stack.back().kind,
                                     stack.back().line));
      stack.pop_back();
      return;
    }
    const bool in_vtimezone = std::any_of(stack.begin(), stack.end(),
                                          [](const Open& o) { return o.kind == "VTIMEZONE"; });
    if (in_vtimezone) {
      if (cl.name == "TZID" && stack.back().kind == "VTIMEZONE")
        scan.vtimezone_ids.insert(cl.value);
      return;
    }
    if (auto tzid = tzid_param(cl.params); !tzid.empty())
      scan.tzid_uses.push_back({std::move(tzid), at});
  };

  int physical = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++physical;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      if (logical_line == 0)
        throw InputError(where(physical), "line", preview(line),
                         "continues a line that does not exist");
      logical.append(line.substr(1));
      if (logical.size() > k_max_unfolded_line_bytes)
        throw InputError(
            where(logical_line), "line", preview(logical),
            fmt::format("is longer than {} bytes unfolded", k_max_unfolded_line_bytes));
      continue;
    }
    finish_line();
    logical.assign(line);
    logical_line = physical;
  }
  finish_line();
  if (!seen_calendar)
    throw InputError(where(1), "", "", "no BEGIN:VCALENDAR: not an iCalendar file");
  if (!stack.empty())
    throw InputError(where(stack.back().line), "BEGIN", stack.back().kind,
                     fmt::format("has no END:{} before the end of the file", stack.back().kind));
  return scan;
}

}  // namespace gge::detail
