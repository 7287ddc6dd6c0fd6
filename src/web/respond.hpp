#pragma once
// Answers: JSON and HTML bodies, and the one place that turns an error into a status code and
// the error shape {field, value, problem} (README "gge serve", JSON API).
#include "web/exchange.hpp"

#include <nlohmann/json.hpp>

#include <exception>
#include <string>

namespace gge::web::detail {

/// A resource named in the path that does not exist: 404 with the error shape.
struct NotFound {
  std::string field, value, problem;
};

/// `j` as the body, application/json, `status`.
void respond_json(Exchange& ex, const nlohmann::json& j, int status = 200);
/// A whole HTML page: the app's layout around `body_html` (already escaped), `status`.
void respond_page(Exchange& ex, const std::string& title, const std::string& body_html,
                  int status = 200);
/// The error shape with `status`: JSON for /api/ and /feeds/, an HTML page otherwise.
/// `extra` members are added to the JSON object (409: "current", "changes").
void respond_error(Exchange& ex, int status, const std::string& field, const std::string& value,
                   const std::string& problem,
                   const nlohmann::json& extra = nlohmann::json::object());
/// The answer to an exception a handler threw: NotFound 404, StaleRevision 409 (with the
/// session as stored and the change-log rows since), InputError 400 (its field renamed to the
/// route's form field), RefusedByFindings 409, anything else 500 (logged on stderr, not shown).
void respond_exception(Exchange& ex, std::exception_ptr e);

}  // namespace gge::web::detail
