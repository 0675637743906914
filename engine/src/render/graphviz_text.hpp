// graphviz_text.hpp - internal to the Graphviz renderer: a text layout plugin
// that measures each line of text once. Graphviz sizes every line of every
// label through Pango on each drawing, a fifth of the time the workbench takes
// to draw a 1,000-claim map again after an edit, though nearly every line is
// one it drew before.
#pragma once

#include <graphviz/gvcext.h>

#include <cstddef>

namespace agon::detail {

/// The builtin plugins to pass to gvContextPlugins: a text layout that asks
/// Graphviz's own Pango plugin for the size of a line it has not seen (same
/// text, font, size and style) and remembers the answer. An empty list when
/// that plugin cannot be loaded, so Graphviz then measures as it always does.
const lt_symlist_t* remembered_text_plugins();

/// Whether remembered sizes are used: on for SVG, which draws a line from its
/// size alone; off for PNG and PDF, whose Cairo renderer draws the layout
/// Pango made for the line, so every line is measured anew.
void remember_text_sizes(bool on);

/// How many lines Pango has measured through the plugin since the process
/// started (for tests: a line drawn again is not measured again).
std::size_t text_lines_measured();

}  // namespace agon::detail
