// GET/HEAD /feeds/NAME.ics: the calendar `gge export ics` writes for the same scope, byte for
// byte, with validators (ETag, Last-Modified) and 304 answers; GET /feeds: the subscribe links.
// GET/HEAD /feeds/TOKEN/NAME.ics: the same feed without a login, for the holder of the feed's
// secret token (stored in the database, schema 0008; compared in constant time; a wrong or
// missing token is 404, as for a feed that does not exist). A planner rotates a feed's token
// (POST /feeds/NAME.ics/rotate, /api/feeds/NAME.ics/rotate): the old link stops working.
//
// DTSTAMP is SOURCE_DATE_EPOCH when set (as for the CLI), else the time of the database's newest
// change: RFC 5545 3.8.7.2 ("the date and time that the information associated with the calendar
// component was last revised in the calendar store"), and it keeps a feed's bytes, hence its
// ETag, the same until something changes.
#include "gge/core/html.hpp"
#include "gge/core/parse.hpp"
#include "gge/services/export_ics.hpp"
#include "gge/services/feeds.hpp"
#include "web/answer_cache.hpp"
#include "web/respond.hpp"
#include "web/routes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gge::web::detail {
namespace {

struct FeedEntry {
  std::string file;
  std::string title;
  IcsScope scope;
};

/// Every feed of the database: the whole plan, then each body, station, expert (by key).
std::vector<FeedEntry> feed_entries(const Store& store) {
  std::vector<FeedEntry> out;
  out.push_back({feed_file_name(IcsScope::Kind::all, ""), "The whole plan", {}});
  const auto add = [&](IcsScope::Kind kind, const std::string& key, std::string title) {
    IcsScope scope;
    scope.kind = kind;
    scope.key = key;
    out.push_back({feed_file_name(kind, key), std::move(title), scope});
  };
  for (const auto& b : store.bodies())
    add(IcsScope::Kind::body, b.symbol, b.symbol + " — " + b.name);
  for (const auto& s : store.stations())
    add(IcsScope::Kind::station, s.code, "Sessions at " + s.name);
  for (const auto& e : store.experts()) add(IcsScope::Kind::expert, e.key, "Expert " + e.key);
  return out;
}

/// Renders feed `name` (answer_cached keeps it until the database changes, with its validators).
void render_feed(Exchange& ex, const std::string& name) {
  auto store = ex.app.stores.lease();
  const Store::Snapshot view(*store);
  const auto entries = feed_entries(*store);
  const auto entry = std::find_if(entries.begin(), entries.end(),
                                  [&](const FeedEntry& e) { return e.file == name; });
  if (entry == entries.end())
    throw NotFound{"feed", name, "no such feed (see /feeds for the list)"};
  const auto newest = store->changes(1);
  const std::string at = newest.empty() ? std::string{"1970-01-01T00:00:00Z"} : newest.front().at;
  const Instant dtstamp = read_source_date_epoch().value_or(parse_instant(at, "change_log.at"));
  std::string body;
  export_ics(*store, entry->scope, dtstamp, [&](std::string_view chunk) { body += chunk; });
  ex.res.set_header("Cache-Control", "no-cache");  // keep it, but ask each time (ETag)
  ex.res.set_content(std::move(body), "text/calendar; charset=utf-8");
}

void serve_named_feed(Exchange& ex, const std::string& name) {
  answer_cached(ex, "/feeds/" + name, [&](Exchange& inner) { render_feed(inner, name); });
}

void serve_feed(Exchange& ex) { serve_named_feed(ex, ex.params.at(0)); }

/// GET /feeds/TOKEN/NAME: NAME for the holder of its token; 404 otherwise, whatever is wrong.
void serve_feed_by_token(Exchange& ex) {
  const std::string& token = ex.params.at(0);
  const std::string& name = ex.params.at(1);
  std::optional<std::string> stored;
  {
    auto store = ex.app.stores.lease();
    stored = store->feed_token(name);
  }
  if (!stored || !same_secret(token, *stored))
    throw NotFound{"feed", name, "no such feed, or the link is not (or no longer) valid"};
  serve_named_feed(ex, name);
}

/// The link of `file`, its webcal:// twin, and its secret link ("" without a token).
struct FeedLinks {
  std::string url, webcal, secret;
};

FeedLinks links_of(const Exchange& ex, const std::string& file,
                   const std::map<std::string, std::string>& tokens) {
  const std::string& base = ex.app.options.base_url;
  FeedLinks l;
  l.url = base + "/feeds/" + file;
  l.webcal = "webcal" + l.url.substr(l.url.find("://"));
  if (const auto it = tokens.find(file); it != tokens.end())
    l.secret = base + "/feeds/" + it->second + "/" + file;
  return l;
}

/// Gives feed params[0] a new random token; NotFound for a feed that does not exist.
FeedLinks rotate(Exchange& ex) {
  const std::string& name = ex.params.at(0);
  auto store = ex.app.stores.lease();
  const auto entries = feed_entries(*store);
  if (std::none_of(entries.begin(), entries.end(),
                   [&](const FeedEntry& e) { return e.file == name; }))
    throw NotFound{"feed", name, "no such feed (see /feeds for the list)"};
  const std::string token = random_token();
  store->set_feed_token(name, token);
  ex.app.database_may_have_changed();
  return links_of(ex, name, {{name, token}});
}

void rotate_api(Exchange& ex) {
  const auto l = rotate(ex);
  respond_json(
      ex,
      {{"feed", ex.params.at(0)}, {"url", l.url}, {"webcal", l.webcal}, {"secret_url", l.secret}});
}

void rotate_form(Exchange& ex) {
  (void)rotate(ex);
  ex.res.status = 303;
  ex.res.set_header("Location", "/feeds");
}

void feeds_api(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto tokens = store->feed_tokens();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : feed_entries(*store)) {
    const auto l = links_of(ex, e.file, tokens);
    out.push_back({{"feed", e.file},
                   {"title", e.title},
                   {"url", l.url},
                   {"webcal", l.webcal},
                   {"secret_url", l.secret.empty() ? nlohmann::json() : nlohmann::json(l.secret)}});
  }
  respond_json(ex, out);
}

void feeds_page(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const auto entries = feed_entries(*store);
  const auto tokens = store->feed_tokens();
  const bool planner = ex.caller && ex.caller->role == Role::planner;
  std::string body =
      "<p>Subscribe in your calendar program (Outlook, Google Calendar, Apple Calendar, "
      "Thunderbird) with one of these links; it picks up moves and cancellations. A secret link "
      "works without logging in: share it only with whom should see the calendar; a planner "
      "can replace it, and the old one stops working.</p>\n<table>\n"
      "<tr><th>Calendar</th><th>Link</th><th>webcal</th><th>Secret link</th></tr>\n";
  for (const auto& e : entries) {
    const auto l = links_of(ex, e.file, tokens);
    std::string secret =
        l.secret.empty()
            ? std::string{"none"}
            : fmt::format("<a href=\"{}\">{}</a>", html_escape(l.secret), html_escape(l.secret));
    if (planner)
      secret += fmt::format(
          " <form method=\"post\" action=\"/feeds/{}/rotate\"><input type=\"hidden\" "
          "name=\"csrf\" value=\"{}\"><button>{}</button></form>",
          html_escape(e.file), html_escape(ex.caller->csrf),
          l.secret.empty() ? "Make one" : "Replace");
    body += fmt::format(
        "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">webcal</a></td>"
        "<td>{}</td></tr>\n",
        html_escape(e.title), html_escape(l.url), html_escape(l.url), html_escape(l.webcal),
        secret);
  }
  body += "</table>\n";
  respond_page(ex, "Feeds", body);
}

}  // namespace

void add_feed_routes(std::vector<Route>& out) {
  out.push_back({"GET", "/feeds/*", Access::feed, serve_feed});
  out.push_back({"GET", "/feeds/*/*", Access::open, serve_feed_by_token});
  out.push_back({"POST", "/feeds/*/rotate", Access::write, rotate_form});
  out.push_back({"GET", "/feeds", Access::read, feeds_page});
  out.push_back({"GET", "/api/feeds", Access::read, feeds_api});
  out.push_back({"POST", "/api/feeds/*/rotate", Access::write, rotate_api});
}

}  // namespace gge::web::detail
