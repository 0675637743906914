// page.hpp - the workbench page: index.html with its stylesheet and script
// inlined (one file, so it also works as a static export), and boot data.
#pragma once

#include <string>
#include <string_view>

#include "engine_calls.hpp"

namespace agon::workbench {

/// An embedded web file by name ("index.html", "app.css", "app.js"); empty
/// when unknown. Generated at build time from bindings/workbench/web.
std::string_view asset(std::string_view name);

/// The page with `boot` as its start-up data: {"mode": "server"} for
/// agon serve, {"mode": "static", ...} for an exported page.
std::string page_html(const Json& boot);

}  // namespace agon::workbench
