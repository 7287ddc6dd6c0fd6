// The shape limits of untrusted TOML (untrusted_text.hpp `check_toml_limits`): one linear pass
// that knows TOML's strings and comments well enough to count what a recursive parser would
// recurse on (nesting, dotted keys), and to bound strings and key/value pairs.
#include "gge/core/error.hpp"
#include "gge/formats/text/untrusted_text.hpp"

#include <fmt/format.h>

namespace gge {
namespace {

/// The first bytes of a refused value, for the message.
std::string excerpt(std::string_view text, std::size_t from) {
  constexpr std::size_t k_shown = 40;
  std::string_view rest = text.substr(from);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  const std::size_t end = std::min(rest.find('\n'), k_shown);
  return std::string{rest.substr(0, end)} + (end < rest.size() && rest[end] != '\n' ? "..." : "");
}

class TomlScan {
 public:
  TomlScan(std::string_view text, std::string_view name) : m_text(text), m_name(name) {}

  void run() {
    for (m_i = 0; m_i < m_text.size(); ++m_i) {
      const char c = m_text[m_i];
      if (c == '\n') {
        newline();
        continue;
      }
      switch (m_in) {
        case In::comment:
          break;
        case In::code:
          code(c);
          break;
        case In::basic:
        case In::ml_basic:
          if (c == '\\' && m_i + 1 < m_text.size() && m_text[m_i + 1] != '\n')
            ++m_i;  // \" stays inside
          else if (c == '"')
            close_string("\"\"\"");
          break;
        case In::literal:
        case In::ml_literal:
          if (c == '\'') close_string("'''");
          break;
      }
      if (m_in != In::code && m_in != In::comment && m_i - m_string_start > k_max_string_bytes)
        refuse(m_string_line, "string", excerpt(m_text, m_string_start),
               fmt::format("longer than {} bytes", k_max_string_bytes));
    }
  }

 private:
  enum class In { code, comment, basic, literal, ml_basic, ml_literal };

  void newline() {
    ++m_line;
    // A one-line string or a comment ends at the line end (an unclosed string is the parser's
    // error to report); so does a key.
    if (m_in == In::comment || m_in == In::basic || m_in == In::literal) m_in = In::code;
    if (m_in == In::code) start_key(m_i + 1);
  }

  void code(char c) {
    switch (c) {
      case '#':
        m_in = In::comment;
        break;
      case '"':
        open_string(In::basic, In::ml_basic, "\"\"\"");
        break;
      case '\'':
        open_string(In::literal, In::ml_literal, "'''");
        break;
      case '[':
      case '{':
        if (++m_depth > k_max_nesting)
          refuse(m_line, "", "",
                 fmt::format("arrays and inline tables nested more than {} deep", k_max_nesting));
        start_key(m_i + 1);
        break;
      case ']':
      case '}':
        m_depth = m_depth > 0 ? m_depth - 1 : 0;
        start_key(m_i + 1);
        break;
      case '=':
        if (++m_values > k_max_values)
          refuse(m_line, "", "",
                 fmt::format("more than {} key/value pairs in one file", k_max_values));
        start_key(m_i + 1);
        break;
      case ',':
        start_key(m_i + 1);
        break;
      case '.':
        // Outside strings a dot joins key parts (or is a number's one decimal point).
        if (++m_parts > k_max_key_parts)
          refuse(m_line, "key", excerpt(m_text, m_key_start),
                 fmt::format("more than {} dotted parts", k_max_key_parts));
        break;
      default:
        break;
    }
  }

  void open_string(In single, In multi, std::string_view triple) {
    m_string_start = m_i;
    m_string_line = m_line;
    if (m_text.substr(m_i, 3) == triple) {
      m_in = multi;
      m_i += 2;
    } else {
      m_in = single;
    }
  }

  void close_string(std::string_view triple) {
    if (m_in == In::basic || m_in == In::literal) {
      m_in = In::code;
    } else if (m_text.substr(m_i, 3) == triple) {
      m_in = In::code;
      m_i += 2;
    }
  }

  void start_key(std::size_t at) {
    m_parts = 1;
    m_key_start = at;
  }

  [[noreturn]] void refuse(std::size_t line, std::string field, std::string value,
                           std::string problem) const {
    throw InputError(fmt::format("{}:{}", m_name, line), std::move(field), std::move(value),
                     std::move(problem));
  }

  std::string_view m_text, m_name;
  std::size_t m_i = 0, m_line = 1;
  In m_in = In::code;
  int m_depth = 0, m_parts = 1;
  std::size_t m_key_start = 0, m_string_start = 0, m_string_line = 0, m_values = 0;
};

}  // namespace

void check_toml_limits(std::string_view text, std::string_view name) {
  check_text_limits(text, name);
  TomlScan{text, name}.run();
}

}  // namespace gge
