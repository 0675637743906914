#include "page.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace agon::workbench {

namespace {

// Replace each marker of the template `page` by its text. The places are
// found in the template first and filled from the last: a claim's text that
// spells a marker ("/*AGON_JS*/") is data, never a place to fill.
void fill(std::string& page, std::vector<std::pair<std::string_view, std::string_view>> parts) {
    std::vector<std::tuple<std::size_t, std::size_t, std::string_view>> places;
    for (const auto& [marker, text] : parts)
        if (const std::size_t at = page.find(marker); at != std::string::npos) places.emplace_back(at, marker.size(), text);
    std::sort(places.rbegin(), places.rend());
    for (const auto& [at, size, text] : places) page.replace(at, size, text);
}

}  // namespace

std::string page_html(const Json& boot) {
    std::string page(asset("index.html"));
    // Inside <script> the data must neither close the element ("</") nor
    // open an HTML comment ("<!--", which hid the rest of the script and left
    // a blank page): every "<" becomes "\u003c". JSON has "<" only inside
    // strings, where the escape means the same.
    const std::string dumped = boot.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string data;
    data.reserve(dumped.size());
    for (const char c : dumped) {
        if (c == '<') data += "\\u003c";
        else data += c;
    }
    fill(page, {{"/*AGON_CSS*/", asset("app.css")}, {"/*AGON_BOOT*/", data}, {"/*AGON_JS*/", asset("app.js")}});
    return page;
}

}  // namespace agon::workbench
