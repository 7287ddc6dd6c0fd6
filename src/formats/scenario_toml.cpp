// Scaffolding: replaced by the TOML reader/writer.
#include "gge/formats/scenario_toml.hpp"
