#include "gge/core/html.hpp"

#include <catch2/catch.hpp>

using gge::html_escape;

TEST_CASE("html_escape escapes the five special characters and nothing else", "[core]") {
  CHECK(html_escape("a\"b'c") == "a&quot;b&#39;c");
  CHECK(html_escape("<b>R&D</b>") == "&lt;b&gt;R&amp;D&lt;/b&gt;");
  CHECK(html_escape("&amp;") == "&amp;amp;");  // text, not markup: escaped again
  CHECK(html_escape("Genève — 日内瓦, 12:00; x/y") == "Genève — 日内瓦, 12:00; x/y");
  CHECK(html_escape("").empty());
}
