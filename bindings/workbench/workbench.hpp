// workbench.hpp - the commands the workbench adds to the agon program.
#pragma once

namespace CLI {
class App;
}

namespace agon::workbench {

/// agon serve: the workbench server (cmd_serve.cpp).
void add_serve(CLI::App& app);
/// agon export FILE --html OUT.html: the self-contained page (cmd_export.cpp).
void add_export(CLI::App& app);

}  // namespace agon::workbench
