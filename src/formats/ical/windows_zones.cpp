// Windows zone names (as Outlook and Exchange write TZIDs) to IANA zones, with ICU's copy of
// CLDR's windowsZones table (Debian libicu): the mapping is data, never typed in here.
#include "gge/formats/ical/ical_import.hpp"

#include <unicode/ucal.h>

#include <array>

namespace gge {

std::string iana_zone_of_windows_zone(std::string_view windows_name) {
  if (windows_name.empty() || windows_name.size() > 128) return {};
  std::array<UChar, 128> win{};
  for (std::size_t i = 0; i < windows_name.size(); ++i) {
    const auto c = static_cast<unsigned char>(windows_name[i]);
    if (c >= 0x80) return {};  // every Windows zone name is ASCII
    win[i] = c;
  }
  std::array<UChar, 128> id{};
  UErrorCode status = U_ZERO_ERROR;
  // Territory "001" is CLDR's default zone for each Windows name.
  const int32_t n =
      ucal_getTimeZoneIDForWindowsID(win.data(), static_cast<int32_t>(windows_name.size()), "001",
                                     id.data(), static_cast<int32_t>(id.size()), &status);
  if (U_FAILURE(status) || n <= 0 || n >= static_cast<int32_t>(id.size())) return {};
  std::string out;
  for (int32_t i = 0; i < n; ++i) out += static_cast<char>(id[static_cast<std::size_t>(i)]);
  return out;
}

}  // namespace gge
