#pragma once
/// Writing output files so that a failure leaves nothing behind.
#include <filesystem>
#include <string_view>

namespace gge {

/// Writes `content` to a temporary file beside `path`, then renames it over `path`: readers
/// see the old file or the whole new one, never a part. An unwritable place is an InputError
/// naming `field` and the path; the temporary file is removed on every failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::string_view field);

}  // namespace gge
