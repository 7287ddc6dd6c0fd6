# libical for the .ics reader (gge::formats) and the test suite's libical checkers, found by its
# header and library rather than by pkg-config: libical-dev's .pc file is not needed to build gge.
# Defines the imported target gge::libical; a missing libical is one message naming the package.
find_path(GGE_LIBICAL_INCLUDE_DIR libical/ical.h)
find_library(GGE_LIBICAL_LIBRARY ical)
if(NOT GGE_LIBICAL_INCLUDE_DIR OR NOT GGE_LIBICAL_LIBRARY)
  message(FATAL_ERROR "libical not found (libical/ical.h, libical.so): gge reads .ics files with it. "
                      "Install it with scripts/install-deps (Debian: libical-dev).")
endif()
if(TARGET gge::libical)
  return()
endif()
add_library(gge::libical UNKNOWN IMPORTED)
set_target_properties(gge::libical PROPERTIES
  IMPORTED_LOCATION "${GGE_LIBICAL_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${GGE_LIBICAL_INCLUDE_DIR}")
