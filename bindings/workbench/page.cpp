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
    // Inside <script> the data must not close the element: "</" becomes "<\/".
    std::string data = boot.dump(-1, ' ', false, Json::error_handler_t::replace);
    for (std::size_t at = 0; (at = data.find("</", at)) != std::string::npos; at += 3) data.replace(at, 2, "<\\/");
    put(page, "/*AGON_CSS*/", asset("app.css"));
    put(page, "/*AGON_BOOT*/", data);
    put(page, "/*AGON_JS*/", asset("app.js"));
    return page;
}

}  // namespace agon::workbench
