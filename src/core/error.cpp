#include "gge/core/error.hpp"

#include <fmt/format.h>

namespace gge {
namespace {
std::string compose(const std::string& where, const std::string& field, const std::string& value,
                    const std::string& problem) {
  std::string line = where.empty() ? std::string{} : where + ": ";
  line += field.empty() ? problem : fmt::format("{} '{}': {}", field, value, problem);
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

}  // namespace gge
