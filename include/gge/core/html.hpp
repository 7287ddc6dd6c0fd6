#pragma once
/// HTML text for the pages gge writes (the timeline, the feeds' index).
#include <string>
#include <string_view>

namespace gge {

/// `text` with & < > " ' escaped, safe in HTML text and in quoted attribute values. Bytes are
/// otherwise copied as they are (UTF-8 passes through).
std::string html_escape(std::string_view text);

}  // namespace gge
