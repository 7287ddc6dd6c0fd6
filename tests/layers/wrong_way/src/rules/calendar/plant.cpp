// A fixture, never compiled: a rules file that includes a use case (services sit above rules) and
// a private header of the CLI. tests/CMakeLists.txt runs the layer check on this tree and expects
// it to name both includes.
#include "gge/services/sessions.hpp"
#include "cli/output.hpp"
#include "gge/core/time.hpp"
