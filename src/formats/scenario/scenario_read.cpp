// Reading scenario TOML: syntax (toml++), then every row through its table description
// (scenario_tables.hpp) and the model's validate(), then keys and references across the file.
// Rows are handled in line order, so the problem reported is the first one in the file.
#include "formats/scenario/scenario_tables.hpp"
#include "gge/formats/scenario/scenario_toml.hpp"
#include "gge/formats/text/untrusted_text.hpp"
#include "gge/model/validate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace gge {
namespace {

using detail::Presence;
using detail::Table;

/// Where a row and each of its keys sit in the file. Points into the parsed TOML document,
/// which lives as long as the read.
struct RowSite {
  int line = 0;  ///< the [[table]] header
  struct Key {
    std::string_view name;
    int line;
    const toml::node* node;
  };
  std::vector<Key> keys;  ///< in line order; a dozen at most, so a linear search
  [[nodiscard]] const Key* find(std::string_view name) const {
    for (const Key& k : keys)
      if (k.name == name) return &k;
    return nullptr;
  }
  /// The key's value as written, for messages; "" when the key is absent.
  [[nodiscard]] std::string value(std::string_view name) const {
    const Key* k = find(name);
    return k ? detail::render(*k->node) : std::string{};
  }
};

class Reader {
public:
  explicit Reader(std::string_view name) : m_name(name) {}

  Scenario read(std::string_view text) {
    check_toml_limits(text, m_name);  // before the parser can recurse on it
    toml::table root;
    try {
      root = toml::parse(text, std::string_view{m_name});
    } catch (const toml::parse_error& e) {
      const int line = static_cast<int>(e.source().begin.line);
      explain_bad_date(text, line, e.description());
      throw InputError(at(line), "", "", std::string{e.description()});
    }
    collect(root);
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Entry& a, const Entry& b) { return a.line < b.line; });
    for (const Entry& e : m_rows) parse_entry(e);
    index();
    std::map<int, std::size_t> next;  // per table, the next row to check
    for (const Entry& e : m_rows) check_entry(e, next[e.table]++);
    return std::move(m_s);
  }

private:
  struct Entry {
    int line;
    int table;  ///< position in for_each_table order
    const toml::table* row;
  };

  std::string at(int line) const { return fmt::format("{}:{}", m_name, line); }
  std::string at(const RowSite& site, std::string_view key) const {
    const RowSite::Key* k = site.find(key);
    return at(k ? k->line : site.line);
  }

  // toml++ refuses 2005-02-30 as a date literal with a bare description; say it as the model
  // would ("February 2005 has 28 days"), naming the table and key, when the line allows it.
  // Hand-written and linear: the line is untrusted text.
  void explain_bad_date(std::string_view text, int line, std::string_view description) const {
    if (description.find("parsing date") == std::string_view::npos) return;
    const std::vector<std::string_view> lines = lines_up_to(text, line);
    if (line < 1 || line > static_cast<int>(lines.size())) return;
    std::string_view rest = lines[static_cast<std::size_t>(line - 1)];
    const std::string_view key = take_name(skip_blanks(rest));
    rest = skip_blanks(rest.substr(key.size()));
    if (key.empty() || rest.empty() || rest.front() != '=') return;
    rest = skip_blanks(rest.substr(1));
    const std::string_view date = rest.substr(0, 10);
    const bool date_shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                             std::all_of(date.begin(), date.end(), [](char c) {
                               return c == '-' || (c >= '0' && c <= '9');
                             });
    if (!date_shaped || (rest.size() > 10 && is_name_char(rest[10]))) return;
    std::string table;
    for (int i = line - 1; i >= 1 && table.empty(); --i)
      table = header_name(lines[static_cast<std::size_t>(i - 1)]);
    parse_date(date, (table.empty() ? "" : table + ".") + std::string{key}, at(line));  // throws
  }

  static bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }
  static std::string_view skip_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
  }
  static std::string_view take_name(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && is_name_char(s[n])) ++n;
    return s.substr(0, n);
  }
  /// NAME of a "[[NAME]]" header line, else "".
  static std::string header_name(std::string_view s) {
    s = skip_blanks(s);
    if (s.substr(0, 2) != "[[") return {};
    s = skip_blanks(s.substr(2));
    const std::string_view name = take_name(s);
    s = skip_blanks(s.substr(name.size()));
    return !name.empty() && s.substr(0, 2) == "]]" ? std::string{name} : std::string{};
  }
  /// The first `count` lines of `text` (fewer when it has fewer), without their line ends.
  static std::vector<std::string_view> lines_up_to(std::string_view text, int count) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size() && static_cast<int>(lines.size()) < count;) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      std::string_view l = text.substr(start, end - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      lines.push_back(l);
      start = end + 1;
    }
    return lines;
  }

  // Every top-level key must be one of our tables, written as [[table]] rows.
  void collect(const toml::table& root) {
    for (auto&& entry : root) {
      // Named, not a structured binding: clang 14 (the fuzz build) cannot capture bindings.
      const toml::key& key = entry.first;
      const toml::node& node = entry.second;
      const int line = static_cast<int>(node.source().begin.line);
      int index = -1, i = 0;
      detail::for_each_table([&]<class T>() {
        if (key.str() == Table<T>::name) index = i;
        ++i;
      });
      if (index < 0)
        throw InputError(at(line), "table", std::string{key.str()},
                         "unknown; the tables are " + table_names());
      const auto* rows = node.as_array();
      if (!rows || !rows->is_array_of_tables())
        throw InputError(at(line), "table", std::string{key.str()},
                         fmt::format("expected rows written as [[{}]]", key.str()));
      for (const auto& row : *rows)
        m_rows.push_back({static_cast<int>(row.source().begin.line), index, row.as_table()});
    }
  }

  static std::string table_names() {
    std::vector<std::string_view> names;
    detail::for_each_table([&]<class T>() { names.push_back(Table<T>::name); });
    return detail::one_of(names.data(), names.size());
  }

  template <class F>
  static void dispatch(int table, F&& f) {
    int i = 0;
    detail::for_each_table([&]<class T>() {
      if (i++ == table) f.template operator()<T>();
    });
  }

  void parse_entry(const Entry& e) {
    dispatch(e.table, [&]<class T>() { parse_row<T>(*e.row, e.line); });
  }

  template <class T>
  void parse_row(const toml::table& tbl, int header) {
    using D = Table<T>;
    T row{};
    RowSite site;
    site.line = header;
    for (auto&& [key, node] : tbl)
      site.keys.push_back({key.str(), static_cast<int>(node.source().begin.line), &node});
    std::stable_sort(site.keys.begin(), site.keys.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    for (const RowSite::Key& k : site.keys) {
      const auto f = std::find_if(D::fields.begin(), D::fields.end(),
                                  [&](const auto& fd) { return fd.name == k.name; });
      if (f == D::fields.end())
        throw InputError(at(k.line), fmt::format("{}.{}", D::name, k.name),
                         detail::render(*k.node),
                         fmt::format("unknown key (a {} has {})", D::name, field_names<T>()));
      // Locations are made only for a message: a large file has hundreds of thousands of keys.
      try {
        f->read(row, *k.node, qualified_names<T>()[static_cast<std::size_t>(f - D::fields.begin())],
                {});
      } catch (const InputError& err) {
        throw err.at(at(k.line));
      }
    }
    for (const auto& f : D::fields)
      if (f.presence == Presence::required && !site.find(f.name))
        throw InputError(at(header), "", "",
                         fmt::format("{}.{}: missing (a {} needs {})", D::name, f.name, D::name,
                                     required_names<T>()));
    try {
      check_row(row, {});
    } catch (const InputError& err) {
      // validate() knows the field, not the line: put the line of that key back.
      const auto dot = err.field().find('.');
      const std::string_view key = dot == std::string::npos
                                       ? std::string_view{}
                                       : std::string_view{err.field()}.substr(dot + 1);
      throw err.at(at(site, key));
    }
    (m_s.*D::rows).push_back(std::move(row));
    sites<T>().push_back(std::move(site));
  }

  /// "session.first", ... in the order of Table<T>::fields, made once.
  template <class T>
  static const std::vector<std::string>& qualified_names() {
    static const std::vector<std::string> names = [] {
      std::vector<std::string> out;
      for (const auto& f : Table<T>::fields) out.push_back(fmt::format("{}.{}", Table<T>::name, f.name));
      return out;
    }();
    return names;
  }

  template <class T>
  static std::string field_names() {
    std::vector<std::string_view> names;
    for (const auto& f : Table<T>::fields) names.push_back(f.name);
    return fmt::format("{}", fmt::join(names, ", "));
  }
  template <class T>
  static std::string required_names() {
    std::vector<std::string_view> names;
    for (const auto& f : Table<T>::fields)
      if (f.presence == Presence::required) names.push_back(f.name);
    return detail::one_of(names.data(), names.size(), "and");
  }

  // The model's invariants, plus what the model leaves to the formats: deadlines, UIDs.
  template <class T>
  static void check_row(const T& row, Where where) {
    validate(row, where);
  }
  static void check_row(const Deadline& d, Where where) {
    check_key(d.mandate, "deadline.mandate", where);
    check_key(d.kind, "deadline.kind", where);
    check_text(d.source, "deadline.source", where, 1000);
  }
  template <class T>
  static void check_identity(const T& row, std::string_view table, Where where) {
    check_text(row.uid, fmt::format("{}.uid", table), where, 255);
    if (row.revision < 0)
      throw InputError(std::string{where}, fmt::format("{}.revision", table),
                       std::to_string(row.revision), "must be at least 0");
  }
  static void check_row(const Session& s, Where where) {
    validate(s, where);
    check_identity(s, "session", where);
  }
  static void check_row(const Meeting& m, Where where) {
    validate(m, where);
    check_identity(m, "meeting", where);
  }

  // --- Keys and references, once every row is read.

  template <class T>
  std::vector<RowSite>& sites() {
    return m_sites[table_index<T>()];
  }
  template <class T>
  static int table_index() {
    int i = 0, found = -1;
    detail::for_each_table([&]<class U>() {
      if (std::is_same_v<T, U>) found = i;
      ++i;
    });
    return found;
  }

  void index() {
    for (const auto& s : m_s.stations) m_stations.insert(s.code);
    for (const auto& r : m_s.rooms) m_rooms.insert({r.station, r.name});
    for (const auto& b : m_s.bodies) m_bodies.insert(b.symbol);
    for (const auto& e : m_s.experts) m_experts.insert(e.key);
    for (const auto& r : m_s.resolutions) m_resolutions.insert(r.symbol);
    for (const auto& m : m_s.mandates) m_mandates.insert(m.key);
    for (const auto& s : m_s.sessions) m_sessions.emplace(std::pair{s.body, s.number}, s.station);
  }

  void check_entry(const Entry& e, std::size_t i) {
    dispatch(e.table, [&]<class T>() {
      const T& row = (m_s.*Table<T>::rows)[i];
      const RowSite& site = sites<T>()[i];
      check_unique(row, site);
      check_refs(row, site);
    });
  }

  template <class T>
  void check_unique(const T& row, const RowSite& site) {
    using D = Table<T>;
    auto& seen = unique_map<T>();
    const auto [it, fresh] = seen.emplace(D::key(row), site.line);
    if (fresh) return;
    if (D::key_fields.size() == 1) {
      const std::string_view k = D::key_fields[0];
      throw InputError(at(site, k), fmt::format("{}.{}", D::name, k), site.value(k),
                       fmt::format("already used on line {}", it->second));
    }
    std::vector<std::string> values;
    for (const auto k : D::key_fields) values.push_back(site.value(k));
    throw InputError(at(site.line), std::string{D::name}, fmt::format("{}", fmt::join(values, ", ")),
                     fmt::format("the key ({}) is already used on line {}",
                                 fmt::join(D::key_fields, ", "), it->second));
  }

  // One map of seen keys per row type, created on first use.
  template <class T>
  auto& unique_map() {
    using Map = std::map<decltype(Table<T>::key(std::declval<const T&>())), int>;
    auto& slot = m_unique[table_index<T>()];
    if (!slot) slot = std::make_shared<Map>();
    return *std::static_pointer_cast<Map>(slot);
  }

  [[noreturn]] void missing(const RowSite& site, std::string_view table, std::string_view key,
                            const std::string& value, std::string problem) const {
    throw InputError(at(site, key), fmt::format("{}.{}", table, key), value, std::move(problem));
  }
  void need(const std::set<std::string>& set, const std::string& value, const RowSite& site,
            std::string_view table, std::string_view key, std::string_view what) const {
    if (!set.count(value))
      missing(site, table, key, value, fmt::format("no such {} in this file", what));
  }
  void need_room(const std::string& station, const std::string& room, const RowSite& site,
                 std::string_view table) const {
    if (!room.empty() && !m_rooms.count({station, room}))
      missing(site, table, "room", room,
              fmt::format("no room of that name at station {} in this file", station));
  }

  template <class T>
  void check_refs(const T&, const RowSite&) {}  // stations, bodies, experts, ...: no references
  void check_refs(const Room& r, const RowSite& site) {
    need(m_stations, r.station, site, "room", "station", "station");
  }
  void check_refs(const Membership& m, const RowSite& site) {
    need(m_experts, m.expert, site, "membership", "expert", "expert");
    need(m_bodies, m.body, site, "membership", "body", "body");
  }
  void check_refs(const Mandate& m, const RowSite& site) {
    need(m_bodies, m.body, site, "mandate", "body", "body");
    need(m_resolutions, m.resolution, site, "mandate", "resolution", "resolution");
  }
  void check_refs(const Deadline& d, const RowSite& site) {
    need(m_mandates, d.mandate, site, "deadline", "mandate", "mandate");
  }
  void check_refs(const Session& s, const RowSite& site) {
    need(m_bodies, s.body, site, "session", "body", "body");
    need(m_stations, s.station, site, "session", "station", "station");
    need_room(s.station, s.room, site, "session");
    need_unique_uid(s.uid, site, "session");
  }
  void check_refs(const Meeting& m, const RowSite& site) {
    need(m_bodies, m.body, site, "meeting", "body", "body");
    const auto s = m_sessions.find({m.body, m.session});
    if (s == m_sessions.end())
      missing(site, "meeting", "session", std::to_string(m.session),
              fmt::format("body {} has no session {} in this file", m.body, m.session));
    need_room(s->second, m.room, site, "meeting");
    need_unique_uid(m.uid, site, "meeting");
  }
  // An iCalendar UID names one event: no two sessions or meetings may share one.
  void need_unique_uid(const std::string& uid, const RowSite& site, std::string_view table) {
    if (uid.empty()) return;
    const int line = site.find("uid")->line;
    const auto [it, fresh] = m_uids.emplace(uid, line);
    if (!fresh) missing(site, table, "uid", uid, fmt::format("already used on line {}", it->second));
  }
  void check_refs(const Holiday& h, const RowSite& site) {
    need(m_stations, h.station, site, "holiday", "station", "station");
  }
  void check_refs(const HolidayRule& r, const RowSite& site) {
    need(m_stations, r.station, site, "holiday_rule", "station", "station");
  }
  void check_refs(const Blackout& b, const RowSite& site) {
    if (!b.station.empty()) need(m_stations, b.station, site, "blackout", "station", "station");
  }
  void check_refs(const BusyTime& b, const RowSite& site) {
    switch (b.kind) {
      case BusyKind::expert:
        need(m_experts, b.subject, site, "busy", "subject", "expert");
        break;
      case BusyKind::station:
        need(m_stations, b.subject, site, "busy", "subject", "station");
        break;
      case BusyKind::body:
        need(m_bodies, b.subject, site, "busy", "subject", "body");
        break;
      case BusyKind::room: {
        const auto slash = b.subject.find('/');
        if (slash == std::string::npos ||
            !m_rooms.count({b.subject.substr(0, slash), b.subject.substr(slash + 1)}))
          missing(site, "busy", "subject", b.subject, "no such room (STATION/Room) in this file");
        break;
      }
    }
  }

  std::string m_name;
  Scenario m_s;
  std::vector<Entry> m_rows;
  std::array<std::vector<RowSite>, 15> m_sites;
  std::array<std::shared_ptr<void>, 15> m_unique;
  std::set<std::string> m_stations, m_bodies, m_experts, m_resolutions, m_mandates;
  std::set<std::pair<std::string, std::string>> m_rooms;
  std::map<std::pair<std::string, int>, std::string> m_sessions;  // -> station
  std::map<std::string, int> m_uids;                               // -> line
};

}  // namespace

Scenario read_scenario(std::string_view text, std::string_view name) {
  return Reader{name}.read(text);
}

Scenario read_scenario_file(const std::filesystem::path& path) {
  return read_scenario(read_untrusted_file(path, "scenario file"), path.string());
}

}  // namespace gge
