// Rendering entry points for builds without Graphviz (AGON_WITH_GRAPHVIZ=OFF).
#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/render.hpp"

namespace agon {

bool render_available() noexcept { return false; }

std::string render(const Graph& graph, const RenderOptions& options) {
    if (options.format == "dot") return to_dot(graph, options);
    throw Error(ErrorKind::unsupported, "this agon was built without Graphviz; use --to dot and the dot program");
}

std::string render_dot(const std::string& dot, const std::string& format, const std::string&) {
    if (format == "dot") return dot;
    throw Error(ErrorKind::unsupported, "this agon was built without Graphviz; write the DOT text and use the dot program");
}

void render_to_file(const Graph& graph, const RenderOptions& options, const std::string& path) {
    write_file_atomic(path, render(graph, options));
}

}  // namespace agon
