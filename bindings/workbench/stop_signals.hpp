// stop_signals.hpp - Ctrl-C and SIGTERM for `agon serve`, the way mature
// servers take them: the first asks for a graceful stop, the second quits at
// once. A second is needed because Graphviz cannot be interrupted: a layout
// drawn in this process may hold the last request for seconds. The handlers
// only set flags, write(2) a line and _exit, which is safe in a signal handler.
#pragma once

#include "agon/control.hpp"

namespace agon::workbench {

/// Install the handlers of SIGINT and SIGTERM and return the token the first
/// signal cancels (running evaluations and forked layouts then stop; the
/// server polls it to stop accepting). The first signal prints "agon serve:
/// stopping (press Ctrl-C again to quit now)" on stderr; the second prints
/// "agon serve: quitting now" and exits at once with 128 + the signal's
/// number (130 for Ctrl-C), unless a QuitAfter is held: then it exits as the
/// last one is released, and a third signal exits regardless. Call once.
CancelToken install_stop_signals();

/// Held while a file is written, so that quitting at once never leaves the
/// file's temporary copy behind: a second signal waits for the write to end.
/// The file itself is safe either way (writes are renamed into place whole).
class QuitAfter {
public:
    QuitAfter();
    /// Exits (see install_stop_signals) when a quit waited for this one.
    ~QuitAfter();
    QuitAfter(const QuitAfter&) = delete;
    QuitAfter& operator=(const QuitAfter&) = delete;
};

}  // namespace agon::workbench
