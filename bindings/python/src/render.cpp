// agon.render: argument maps as SVG, PNG, PDF or DOT, returned as bytes or
// written atomically to a file.
#include "agon/render.hpp"
#include "interrupt.hpp"
#include "py_agon.hpp"

namespace agon::python {

namespace {

std::shared_ptr<const Graph> graph_of(const SubjectArg& x) {
    if (py::isinstance<GraphState>(x)) return x.cast<const GraphState&>().graph;
    if (py::isinstance<ScenarioState>(x))
        return std::make_shared<const Graph>(x.cast<const ScenarioState&>().scenario.to_graph());
    throw py::type_error("render needs an agon.Graph or agon.Scenario");
}

}  // namespace

void bind_render(py::module_& m) {
    m.def("render",
          [](const SubjectArg& subject, std::optional<PathArg> path, const std::shared_ptr<ResultState>& r,
             const std::shared_ptr<ResultState>& b, std::optional<std::string> focus, int depth,
             const std::string& layout, const std::string& rankdir, const std::string& title, bool legend,
             bool cluster_by_tag, std::vector<std::string> highlight, std::optional<std::string> format,
             Timeout timeout) -> py::object {
              std::shared_ptr<const Graph> graph = graph_of(subject);
              const std::optional<std::string> file = path ? std::optional(path->string()) : std::nullopt;
              if (depth < 0) throw py::value_error("depth must be a number, 0 or more");  // as the command line
              RenderOptions o;
              o.format = format ? *format : file ? map_format(*file) : "svg";
              o.layout = layout;
              o.rankdir = rankdir;
              o.focus = std::move(focus);
              o.depth = depth;
              o.cluster_by_tag = cluster_by_tag;
              o.legend = legend;
              o.title = title;
              o.result = r ? &r->result : nullptr;
              o.before = b ? &b->result : nullptr;
              o.highlight = std::move(highlight);
              o.timeout = time_limit(timeout);  // as evaluate's: 0 or None is no limit
              // Graphviz cannot be cancelled: large maps are laid out in a child killed after `timeout`.
              std::string bytes;
              {
                  py::gil_scoped_release release;
                  if (file) render_to_file(*graph, o, *file);
                  else bytes = render(*graph, o);
              }
              if (file) return py::none();
              return py::bytes(bytes);
          },
          py::arg("graph"), py::arg("file") = py::none(), py::arg("result") = py::none(), py::arg("before") = py::none(),
          py::arg("focus") = py::none(), py::arg("depth") = 2, py::arg("layout") = "auto", py::arg("rankdir") = "TB",
          py::arg("title") = "", py::arg("legend") = false, py::arg("cluster_by_tag") = false,
          py::arg("highlight") = std::vector<std::string>{}, py::arg("format") = py::none(), py::arg("timeout") = 60.0,
          "Draw the map of a graph or scenario (see the README's Maps section). `result` colours claims by\n"
          "an evaluation, `before` adds the diff view, `highlight` outlines claims by id. The format comes\n"
          "from `format`, else from the file's extension, else SVG. Returns the bytes, or None after\n"
          "writing `file` atomically.");
    m.def("render_available", &render_available, "True when this build draws maps through Graphviz.");
}

}  // namespace agon::python
