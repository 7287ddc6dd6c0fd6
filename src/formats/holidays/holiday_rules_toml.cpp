// Holiday data files as TOML (see holiday_rules_toml.hpp).
#include "gge/formats/holidays/holiday_rules_toml.hpp"

#include "gge/core/error.hpp"
#include "gge/core/parse.hpp"
#include "gge/model/validate.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <array>
#include <fstream>
#include <set>
#include <sstream>

namespace gge {
namespace {

std::string at(std::string_view name, const toml::source_region& r) {
  return fmt::format("{}:{}", name, r.begin.line);
}

std::string describe(const toml::node& n) {
  std::ostringstream out;
  n.visit([&](const auto& v) { out << v; });
  std::string s = out.str();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

class Reader {
public:
  explicit Reader(std::string_view name) : m_name(name) {}

  std::string where(const toml::node& n) const { return at(m_name, n.source()); }

  std::string string(const toml::node& n, std::string_view field) const {
    if (auto s = n.value<std::string>()) return *s;
    throw InputError(where(n), std::string{field}, describe(n), "must be a string");
  }

  int integer(const toml::node& n, std::string_view field) const {
    const auto* v = n.as_integer();
    if (!v) throw InputError(where(n), std::string{field}, describe(n), "must be an integer");
    const auto x = v->get();
    if (x < -100000 || x > 100000)
      throw InputError(where(n), std::string{field}, std::to_string(x), "is out of range");
    return static_cast<int>(x);
  }

  int weekday(const toml::node& n, std::string_view field) const {
    static constexpr std::array<std::string_view, 7> k_names{
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    const std::string s = string(n, field);
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i < k_names.size(); ++i)
      if (lower == k_names[i]) return static_cast<int>(i);
    throw InputError(where(n), std::string{field}, s, "must be a weekday name, Monday..Sunday");
  }

  Date day(const toml::node& n, std::string_view field) const {
    if (const auto* d = n.as_date()) {
      const auto v = d->get();
      const auto text = fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
      return parse_date(text, field, where(n));
    }
    return parse_date(string(n, field), field, where(n));
  }

  HolidayRule rule(const toml::table& t, const std::string& station) const {
    HolidayRule r;
    r.station = station;
    const std::string here = where(t);
    const auto* kind_node = t.get("kind");
    if (!kind_node) throw InputError(here, "rule.kind", "", "is required");
    const std::string kind_text = string(*kind_node, "rule.kind");
    const auto kind = parse_holiday_rule_kind(kind_text);
    if (!kind)
      throw InputError(where(*kind_node), "rule.kind", kind_text,
                       "unknown rule kind (fixed, nth_weekday, last_weekday, easter, hijri)");
    r.kind = *kind;
    if (!t.get("name")) throw InputError(here, "rule.name", "", "is required");

    const auto uses = [&](std::string_view key) {
      using K = HolidayRuleKind;
      if (key == "month") return r.kind == K::fixed || r.kind == K::nth_weekday || r.kind == K::last_weekday;
      if (key == "day") return r.kind == K::fixed;
      if (key == "weekday") return r.kind == K::nth_weekday || r.kind == K::last_weekday;
      if (key == "nth") return r.kind == K::nth_weekday;
      if (key == "offset") return r.kind == K::easter || r.kind == K::nth_weekday || r.kind == K::last_weekday;
      if (key == "hijri_month" || key == "hijri_day") return r.kind == K::hijri;
      return true;
    };
    const std::set<std::string_view> required = [&]() -> std::set<std::string_view> {
      switch (r.kind) {
        case HolidayRuleKind::fixed: return {"month", "day"};
        case HolidayRuleKind::nth_weekday: return {"month", "weekday", "nth"};
        case HolidayRuleKind::last_weekday: return {"month", "weekday"};
        case HolidayRuleKind::easter: return {"offset"};
        case HolidayRuleKind::hijri: return {"hijri_month", "hijri_day"};
      }
      return {};
    }();
    for (auto field : required)
      if (!t.get(field))
        throw InputError(here, fmt::format("rule.{}", field), "",
                         fmt::format("is required for kind '{}'", kind_text));

    for (auto&& [key, node] : t) {
      const std::string k{key.str()};
      const std::string field = "rule." + k;
      if (!uses(k))
        throw InputError(where(node), field, describe(node),
                         fmt::format("is not used by kind '{}'", kind_text));
      if (k == "kind") continue;
      else if (k == "name") r.name = string(node, field);
      else if (k == "month") r.month = integer(node, field);
      else if (k == "day") r.day = integer(node, field);
      else if (k == "weekday") r.weekday = weekday(node, field);
      else if (k == "nth") r.nth = integer(node, field);
      else if (k == "offset") {
        r.offset = integer(node, field);
        if (r.offset < -100 || r.offset > 100)  // validate() checks this for easter only
          throw InputError(where(node), field, std::to_string(r.offset),
                           "must be between -100 and 100");
      }
      else if (k == "hijri_month") r.hijri_month = integer(node, field);
      else if (k == "hijri_day") r.hijri_day = integer(node, field);
      else if (k == "from_year") r.from_year = integer(node, field);
      else if (k == "to_year") r.to_year = integer(node, field);
      else if (k == "source") r.source = string(node, field);
      else if (k == "observance") {
        const std::string o = string(node, field);
        const auto parsed = parse_observance(o);
        if (!parsed)
          throw InputError(where(node), field, o,
                           "unknown observance (none, nearest, friday, monday, next_working, "
                           "previous_working)");
        r.observance = *parsed;
      } else {
        throw InputError(where(node), field, describe(node), "unknown key");
      }
    }
    try {
      validate(r, here);
    } catch (const InputError& e) {
      // Point at the offending key's own line when the file has it ("holiday_rule.day" -> day).
      const std::string_view f = e.field();
      const auto dot = f.find('.');
      const auto* node = dot == std::string_view::npos ? nullptr : t.get(f.substr(dot + 1));
      if (node) throw e.at(where(*node));
      throw;
    }
    return r;
  }

  Holiday confirmed(const toml::table& t, const std::string& station) const {
    Holiday h;
    h.station = station;
    h.status = HolidayStatus::confirmed;
    const std::string here = where(t);
    if (!t.get("name")) throw InputError(here, "confirmed.name", "", "is required");
    if (!t.get("date")) throw InputError(here, "confirmed.date", "", "is required");
    for (auto&& [key, node] : t) {
      const std::string k{key.str()};
      const std::string field = "confirmed." + k;
      if (k == "name") h.name = string(node, field);
      else if (k == "date") h.date = day(node, field);
      else if (k == "source") check_text(string(node, field), field, where(node));
      else throw InputError(where(node), field, describe(node), "unknown key");
    }
    validate(h, here);
    return h;
  }

  HolidayData read(std::string_view text) const {
    toml::table doc;
    try {
      doc = toml::parse(text, std::string{m_name});
    } catch (const toml::parse_error& e) {
      throw InputError(at(m_name, e.source()), "", "", std::string{e.description()});
    }
    HolidayData out;
    const auto* st = doc.get("station");
    if (!st) throw InputError(fmt::format("{}:1", m_name), "station", "", "is required");
    out.station = string(*st, "station");
    check_key(out.station, "station", where(*st), 16);
    for (auto&& [key, node] : doc) {
      const std::string k{key.str()};
      if (k == "station") continue;
      if (k == "label") {
        out.label = check_text(string(node, k), k, where(node));
      } else if (k == "rule" || k == "confirmed") {
        const auto* arr = node.as_array();
        if (!arr || !arr->is_array_of_tables())
          throw InputError(where(node), k, describe(node), fmt::format("must be [[{}]] tables", k));
        for (const auto& item : *arr) {
          if (k == "rule")
            out.rules.push_back(rule(*item.as_table(), out.station));
          else
            out.confirmed.push_back(confirmed(*item.as_table(), out.station));
        }
      } else {
        throw InputError(where(node), k, describe(node), "unknown key");
      }
    }
    // Rules are keyed by (station, name, from_year): a repeat is a mistake in the file.
    std::set<std::pair<std::string, int>> seen;
    for (std::size_t i = 0; i < out.rules.size(); ++i)
      if (!seen.insert({out.rules[i].name, out.rules[i].from_year}).second)
        throw InputError(where(*doc["rule"].as_array()->get(i)), "rule.name", out.rules[i].name,
                         fmt::format("is repeated with from_year {}", out.rules[i].from_year));
    return out;
  }

private:
  std::string_view m_name;
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("", "file", path.string(), "cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

HolidayData read_holiday_data(std::string_view text, std::string_view name) {
  return Reader(name).read(text);
}

HolidayData read_holiday_data_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  return read_holiday_data(slurp(path), name);
}

std::vector<HolidayRule> read_holiday_rules(std::string_view text, std::string_view name) {
  return read_holiday_data(text, name).rules;
}

std::vector<HolidayRule> read_holiday_rules_file(const std::filesystem::path& path) {
  return read_holiday_data_file(path).rules;
}

}  // namespace gge
