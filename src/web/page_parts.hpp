#pragma once
// Pieces the HTML pages share: escaping, the CSRF field, a finding with its fix as a one-click
// form. Every value is escaped once, here or by the caller (html_escape).
#include "gge/model/finding.hpp"
#include "gge/model/sessions.hpp"
#include "gge/store/store.hpp"
#include "web/exchange.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gge::web::detail {

/// `text` escaped for HTML text and attribute values.
std::string esc(std::string_view text);
/// A link to the session's page, labelled BODY#N.
std::string session_link(const Session& s);
/// The hidden field with the login session's CSRF token (every form that writes carries it).
std::string csrf_field(const Exchange& ex);
/// The whole number in form field `name`, `fallback` when absent; InputError naming the field
/// when it is not a number from `low` to `high`.
int int_field(const Exchange& ex, const std::string& name, int low, int high, int fallback);
/// True when the caller may write (a planner).
bool can_write(const Exchange& ex);
/// One finding as a list item: severity, code, where, reason, and its fix; when the fix is a
/// move (Finding::fix_move) and the caller may write, a form that applies it in one click
/// (POST the session's move form with the fix's days and the session's stored revision).
std::string finding_item(const Exchange& ex, const Store& store, const Finding& f);
/// `findings` as a <ul class="findings">, or `empty_text` in a paragraph when there are none.
std::string finding_list(const Exchange& ex, const Store& store,
                         const std::vector<Finding>& findings, std::string_view empty_text);

}  // namespace gge::web::detail
