#include "web/page_parts.hpp"

#include "gge/core/error.hpp"
#include "gge/core/html.hpp"
#include "gge/core/text.hpp"
#include "gge/model/refs.hpp"

#include <fmt/format.h>

#include <charconv>

namespace gge::web::detail {

std::string esc(std::string_view text) { return html_escape(text); }

std::string session_link(const Session& s) {
  return fmt::format("<a href=\"/sessions/{}/{}\">{}</a>", esc(s.body), s.number,
                     esc(to_string(ref_of(s))));
}

std::string csrf_field(const Exchange& ex) {
  return fmt::format("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", esc(ex.caller->csrf));
}

int int_field(const Exchange& ex, const std::string& name, int low, int high, int fallback) {
  const auto v = ex.value(name);
  if (!v) return fallback;
  int n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc{} || end != v->data() + v->size() || n < low || n > high)
    throw InputError({}, name, *v, fmt::format("expected a whole number from {} to {}", low, high));
  return n;
}

bool can_write(const Exchange& ex) { return ex.caller && ex.caller->role == Role::planner; }

std::string finding_item(const Exchange& ex, const Store& store, const Finding& f) {
  std::string item = fmt::format(
      "<li class=\"{}\" data-code=\"{}\"><strong>{}</strong> {} <code>{}</code> — {}",
      to_string(f.severity), esc(f.code), esc(to_string(f.severity)),
      esc(f.body + (f.session ? "#" + std::to_string(f.session) : "")), esc(f.code), esc(f.reason));
  if (!f.fix.empty()) item += " <em>Fix: " + esc(f.fix) + "</em>";
  if (f.fix_move && can_write(ex)) {
    // The fix names a stored session; the form carries its revision as read now, so a fix
    // shown before someone else moved the session is refused (409) rather than applied.
    const auto ref = parse_session_ref(f.fix_move->session, "session");
    if (const auto s = store.session(ref.body, ref.number))
      item += fmt::format(
          " <form class=\"fix\" method=\"post\" action=\"/sessions/{}/{}/move\">{}"
          "<input type=\"hidden\" name=\"revision\" value=\"{}\">"
          "<input type=\"hidden\" name=\"first\" value=\"{}\">"
          "<input type=\"hidden\" name=\"last\" value=\"{}\">"
          "<button data-fix=\"{}\">Apply: move {} to {}</button></form>",
          esc(s->body), s->number, csrf_field(ex), s->revision, to_iso(f.fix_move->first),
          to_iso(f.fix_move->last), esc(f.fix_move->session), esc(f.fix_move->session),
          esc(to_un_range(f.fix_move->first, f.fix_move->last)));
  }
  return item + "</li>\n";
}

std::string finding_list(const Exchange& ex, const Store& store,
                         const std::vector<Finding>& findings, std::string_view empty_text) {
  if (findings.empty()) return fmt::format("<p class=\"no-findings\">{}</p>\n", esc(empty_text));
  std::string out = "<ul class=\"findings\">\n";
  for (const auto& f : findings) out += finding_item(ex, store, f);
  return out + "</ul>\n";
}

}  // namespace gge::web::detail
