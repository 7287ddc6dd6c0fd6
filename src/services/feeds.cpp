#include "gge/services/feeds.hpp"

#include "gge/core/error.hpp"
#include "gge/core/fields.hpp"
#include "gge/core/html.hpp"
#include "gge/core/text.hpp"
#include "gge/services/output_file.hpp"

#include <fmt/format.h>

#include <iterator>
#include <utility>

namespace gge {

std::string feed_file_name(IcsScope::Kind kind, const std::string& key) {
  std::string name;
  switch (kind) {
    case IcsScope::Kind::all: return "all.ics";
    case IcsScope::Kind::body: name = "body-"; break;
    case IcsScope::Kind::mandate: name = "mandate-"; break;
    case IcsScope::Kind::station: name = "station-"; break;
    case IcsScope::Kind::expert: name = "expert-"; break;
  }
  for (unsigned char c : key) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-';
    if (keep) name.push_back(static_cast<char>(c));
    else fmt::format_to(std::back_inserter(name), "_{:02X}", c);
  }
  return name + ".ics";
}

namespace {

std::string feeds_index(const std::vector<FeedFile>& feeds, std::string_view base, Instant dtstamp) {
  const std::string_view host_path = base.substr(std::string_view{"https://"}.size());
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>gge calendars</title>\n</head>\n<body>\n<h1>gge calendars</h1>\n"
      "<p>Subscribe with the <b>webcal</b> link (Apple Calendar, Outlook, Thunderbird open it "
      "directly), or paste the <b>https</b> link into Google Calendar (Other calendars, From "
      "URL). Clients refresh the feeds themselves; cancelled sessions stay in the feed, marked "
      "cancelled.</p>\n";
  html += fmt::format("<p>Exported {}.</p>\n", to_iso(dtstamp));
  const std::pair<IcsScope::Kind, const char*> sections[] = {
      {IcsScope::Kind::body, "Bodies"}, {IcsScope::Kind::station, "Duty stations"},
      {IcsScope::Kind::expert, "Experts"}};
  for (const auto& [kind, heading] : sections) {
    html += fmt::format("<h2>{}</h2>\n<ul>\n", heading);
    for (const auto& f : feeds) {
      if (f.kind != kind) continue;
      html += fmt::format(
          "<li>{} ({}): <a href=\"https://{}/{}\">https</a> | "
          "<a href=\"webcal://{}/{}\">webcal</a></li>\n",
          html_escape(f.title), counted(f.events, "event"), html_escape(host_path), f.file,
          html_escape(host_path), f.file);
    }
    html += "</ul>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace

std::vector<FeedFile> write_feeds(const Store& store, const std::filesystem::path& dir,
                                  Instant dtstamp, std::string_view base_url) {
  std::string_view base = base_url;
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  const std::string_view scheme = "https://";
  bool bad = base.size() <= scheme.size() || base.substr(0, scheme.size()) != scheme;
  for (unsigned char c : base) bad = bad || c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>';
  if (bad)
    throw InputError({}, fields::k_base_url, std::string{base_url},
                     "expected an https:// URL where the feeds are served, e.g. https://example.org/gge");
  // Every file goes into a staging folder beside `dir`, swapped in as a whole at the end: a
  // subscriber (or a web server) sees the old set of feeds or the new one, never a mix.
  AtomicDirectory staged(dir, fields::k_feed_dir);
  const Store::Snapshot snapshot(store);  // every feed shows the same state of the plan
  std::vector<std::pair<IcsScope::Kind, std::string>> scopes;
  for (const auto& b : store.bodies()) scopes.emplace_back(IcsScope::Kind::body, b.symbol);
  for (const auto& st : store.stations()) scopes.emplace_back(IcsScope::Kind::station, st.code);
  for (const auto& e : store.experts()) scopes.emplace_back(IcsScope::Kind::expert, e.key);
  std::vector<FeedFile> feeds;
  for (const auto& [kind, key] : scopes) {
    IcsScope scope;
    scope.kind = kind;
    scope.key = key;
    FeedFile f;
    f.file = feed_file_name(kind, key);
    f.kind = kind;
    const auto r = export_ics_to_file(store, scope, dtstamp, staged.staging() / f.file, fields::k_feed_dir);
    f.title = r.name;
    f.events = r.events();
    feeds.push_back(std::move(f));
  }
  const std::string index = feeds_index(feeds, base, dtstamp);
  write_file_atomically(staged.staging() / "index.html", index, fields::k_feed_dir);
  staged.commit();
  return feeds;
}

}  // namespace gge
