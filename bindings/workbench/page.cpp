#include "page.hpp"

namespace agon::workbench {

namespace {

// Replace the one occurrence of `marker` in `page` by `text`.
void put(std::string& page, std::string_view marker, std::string_view text) {
    const std::size_t at = page.find(marker);
    if (at != std::string::npos) page.replace(at, marker.size(), text);
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
    put(page, "/*AGON_CSS*/", asset("app.css"));
    put(page, "/*AGON_BOOT*/", data);
    put(page, "/*AGON_JS*/", asset("app.js"));
    return page;
}

}  // namespace agon::workbench
