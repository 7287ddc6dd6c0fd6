#include "gge/model/mandates.hpp"

#include <tuple>

namespace gge {

const Mandate* mandate_of_session(Date first_day, std::span<const Mandate* const> of_body) {
  const Mandate* begun = nullptr;     // latest start on or before first_day
  const Mandate* earliest = nullptr;  // earliest start of all
  for (const Mandate* m : of_body) {
    if (!earliest || std::tie(m->start, m->key) < std::tie(earliest->start, earliest->key)) earliest = m;
    // Later start wins; at the same start, the smaller key.
    if (m->start <= first_day &&
        (!begun || m->start > begun->start || (m->start == begun->start && m->key < begun->key)))
      begun = m;
  }
  return begun ? begun : earliest;
}

}  // namespace gge
