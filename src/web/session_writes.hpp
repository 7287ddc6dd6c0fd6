#pragma once
// The session writes shared by the JSON API and the HTML forms: the form fields parsed with the
// CLI's parsers, the engine's fields named as the form names them, one service call each.
#include "gge/model/sessions.hpp"
#include "gge/services/session_edits.hpp"
#include "web/exchange.hpp"

namespace gge::web::detail {

/// The session the path names (params 0 and 1: body and number); NotFound when there is none.
Session session_in_path(const Exchange& ex, const Store& store);

/// Form fields: first (required), last, station, room, revision (required). move_session.
Session move_from_form(Exchange& ex);
/// The same form fields; preview_move (writes nothing; revision optional: the stored one).
MovePreview preview_from_form(Exchange& ex);
/// Form fields: revision (optional: when given, StaleRevision if the session has changed since).
/// generate_meetings on the session's current days (it skips slots already taken, so a repeated
/// or late request adds nothing twice); returns the session.
Session generate_from_form(Exchange& ex);
/// Form fields: revision (optional, as for generate). remove_meetings, all of the session's;
/// returns the session.
Session clear_from_form(Exchange& ex);
/// Form fields: status (required), revision (required). set_session_status.
Session status_from_form(Exchange& ex);

}  // namespace gge::web::detail
