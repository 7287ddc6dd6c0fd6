#include "gge/core/error.hpp"

#include "gge/core/text.hpp"

#include <fmt/format.h>

namespace gge {
namespace {
// Values are untrusted: escaped (a NUL would end what(), a CR or ESC would reach the terminal)
// and cut, so the line stays one readable line however hostile the input.
std::string compose(const std::string& where, const std::string& field, const std::string& value,
                    const std::string& problem) {
  constexpr std::size_t k_value_shown = 200;  // bytes of the value in the message
  std::string line = where.empty() ? std::string{} : printable(where, k_value_shown) + ": ";
  line += field.empty() ? problem
                        : fmt::format("{} '{}': {}", field, printable(value, k_value_shown), problem);
  return line;
}
}  // namespace

InputError::InputError(std::string where, std::string field, std::string value, std::string problem)
    : Error(compose(where, field, value, problem)),
      m_where(std::move(where)),
      m_field(std::move(field)),
      m_value(std::move(value)),
      m_problem(std::move(problem)) {}

InputError InputError::at(std::string where) const {
  return InputError(std::move(where), m_field, m_value, m_problem);
}

InputError InputError::with_field(std::string field) const {
  return InputError(m_where, std::move(field), m_value, m_problem);
}

StaleRevision::StaleRevision(std::string key, long long from, long long current)
    : InputError({}, "revision", std::to_string(from),
                 fmt::format("{} is at revision {} now; it changed since, nothing was written "
                             "(reload it and make the change again)",
                             key, current)),
      m_key(std::move(key)),
      m_from(from),
      m_current(current) {}

}  // namespace gge
