#include "web/session_writes.hpp"

#include "gge/core/fields.hpp"
#include "gge/core/parse.hpp"
#include "gge/services/session_edits.hpp"
#include "web/respond.hpp"

#include <charconv>
#include <mutex>

namespace gge::web::detail {
namespace {

long long revision_of(const Exchange& ex) {
  const std::string text = ex.required("revision");
  long long n = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 0)
    throw InputError({}, "revision", text,
                     "expected the revision the change was made from (0 or more)");
  return n;
}

/// The form's revision when it carries one (nullopt: the write is not checked against one).
std::optional<long long> optional_revision_of(const Exchange& ex) {
  if (!ex.value("revision")) return std::nullopt;
  return revision_of(ex);
}

SessionRef ref_in_path(const Exchange& ex) {
  return parse_session_ref(ex.params.at(0) + "#" + ex.params.at(1), "session");
}

/// The store for a write: its change-log rows name the caller.
void as_caller(const Exchange& ex, Store& store) {
  store.set_user(ex.caller ? ex.caller->user : "");
}

}  // namespace

Session session_in_path(const Exchange& ex, const Store& store) {
  SessionRef ref;
  try {
    ref = ref_in_path(ex);
  } catch (const InputError& e) {
    throw NotFound{"session", e.value(), e.problem()};
  }
  const auto s = store.session(ref.body, ref.number);
  if (!s) throw NotFound{"session", to_string(ref), "no such session"};
  return *s;
}

namespace {

/// The move form's values, parsed with the CLI's parsers.
struct MoveForm {
  Session session;
  Date first{};
  std::optional<Date> last;
  std::optional<std::string> station, room;
};

MoveForm move_form(Exchange& ex, const Store& store) {
  // The store names the session's columns ("session.station") when a value breaks a rule.
  ex.fields = {{fields::k_revision, "revision"}, {fields::k_station, "station"},
               {"session.station", "station"},   {"session.room", "room"},
               {"session.first", "first"},       {"session.last", "last"}};
  MoveForm f;
  f.session = session_in_path(ex, store);
  f.first = parse_date(ex.required("first"), "first");
  if (const auto v = ex.value("last")) f.last = parse_date(*v, "last");
  f.station = ex.value("station");
  f.room = ex.value("room");
  return f;
}

}  // namespace

Session move_from_form(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const MoveForm f = move_form(ex, *store);
  const long long revision = revision_of(ex);
  as_caller(ex, *store);
  return move_session(*store, ref_of(f.session), f.first, f.last, f.station, f.room, revision);
}

MovePreview preview_from_form(Exchange& ex) {
  auto store = ex.app.stores.lease();
  const MoveForm f = move_form(ex, *store);
  // The preview's move runs in a write transaction (rolled back): it queues with the app's
  // writers (AppState::write_mutex) rather than meet them in SQLite's busy handler.
  const std::lock_guard writing(ex.app.write_mutex);
  return preview_move(*store, ref_of(f.session), f.first, f.last, f.station, f.room,
                      optional_revision_of(ex));
}

namespace {

/// A use case on the meetings of the session `ref`, from the session's revision `from` (nullopt:
/// unchecked); it throws StaleRevision when the session has changed since.
using MeetingsChange = void (*)(Store& store, const SessionRef& ref, std::optional<long long> from);

/// The meetings actions' one path: the session the path names, `change` applied to it from the
/// form's revision (optional), and the session as stored after it.
Session meetings_from_form(Exchange& ex, MeetingsChange change) {
  ex.fields = {{fields::k_revision, "revision"}};
  auto store = ex.app.stores.lease();
  const Session s = session_in_path(ex, *store);
  const std::optional<long long> revision = optional_revision_of(ex);
  as_caller(ex, *store);
  change(*store, ref_of(s), revision);
  return *store->session(s.body, s.number);
}

}  // namespace

Session generate_from_form(Exchange& ex) {
  return meetings_from_form(ex,
                            [](Store& store, const SessionRef& ref, std::optional<long long> from) {
                              (void)generate_meetings(store, ref, from);
                            });
}

Session clear_from_form(Exchange& ex) {
  return meetings_from_form(ex,
                            [](Store& store, const SessionRef& ref, std::optional<long long> from) {
                              (void)remove_meetings(store, ref, std::nullopt, std::nullopt, from);
                            });
}

Session status_from_form(Exchange& ex) {
  ex.fields = {{fields::k_revision, "revision"}};
  auto store = ex.app.stores.lease();
  const Session s = session_in_path(ex, *store);
  const SessionStatus status = require_session_status(ex.required("status"), "status");
  const long long revision = revision_of(ex);
  as_caller(ex, *store);
  return set_session_status(*store, ref_of(s), status, revision);
}

}  // namespace gge::web::detail
