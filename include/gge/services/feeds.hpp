#pragma once
/// `gge feeds DIR`: one subscribable .ics per body, per duty station and per expert, written with
/// `export_ics`, and an index.html with an https:// and a webcal:// link to each.
#include "gge/services/export_ics.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gge {

/// The base URL `write_feeds` uses when none is given: a placeholder to replace with where DIR
/// is served (README "Calendars and feeds").
inline constexpr std::string_view k_default_feed_base_url = "https://calendar.example.org/gge";

/// One file `write_feeds` wrote.
struct FeedFile {
  std::string file;   ///< file name in DIR, e.g. "body-GGE-ICT-2004.ics"
  std::string title;  ///< the calendar's name
  IcsScope::Kind kind = IcsScope::Kind::all;
  std::size_t events = 0;
};

/// The feed file name of a scope: "<kind>-<key>.ics" with kind body, mandate, station or expert
/// ("all.ics" for all); bytes of `key` outside [A-Za-z0-9.-] are written "_XX" (hex), so
/// distinct keys give distinct names and no name holds a path separator.
std::string feed_file_name(IcsScope::Kind kind, const std::string& key);

/// Writes one .ics per body, per station and per expert into `dir` (created when missing),
/// plus index.html listing each with its https:// and webcal:// link (`base_url` + "/" + file;
/// `base_url` must start with "https://", a trailing "/" is ignored). The folder's whole content
/// is replaced at once (an AtomicDirectory): other files in `dir` are gone afterwards, and on
/// any failure `dir` is left as it was. DTSTAMP is `dtstamp`. Returns the feeds in the order of the index (bodies,
/// stations, experts; each by key). InputError: a bad `base_url` (field "--base-url"), an
/// unwritable `dir` (field "DIR").
std::vector<FeedFile> write_feeds(const Store& store, const std::filesystem::path& dir,
                                  Instant dtstamp,
                                  std::string_view base_url = k_default_feed_base_url);

}  // namespace gge
