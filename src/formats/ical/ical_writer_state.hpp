#pragma once
/// The inside of IcalWriter (private): the output buffer, the sink and the declared zones.
#include "gge/formats/ical/ical.hpp"

#include <string>
#include <vector>

namespace gge::detail {

struct IcalWriterState {
  IcalSink sink;
  IcalOptions options;
  std::size_t chunk_bytes = 0;
  std::string buffer;           ///< complete events not yet handed to the sink
  std::string line;             ///< the content line being built
  std::string dtstamp;          ///< "DTSTAMP:...Z\r\n", formatted once
  std::string organizer;        ///< the folded ORGANIZER line(s) with CRLF, formatted once
  std::vector<std::string> zones;  ///< zones declared in begin(), in order
  std::size_t events = 0;
  bool begun = false, finished = false;

  /// Folds `line` into the buffer and clears it.
  void end_line();
  /// Hands the buffer to the sink when it holds at least chunk_bytes (only between events).
  void maybe_flush();
};

}  // namespace gge::detail
