#include "static_export.hpp"

#include <algorithm>
#include <memory>

#include "agon/error.hpp"
#include "api.hpp"
#include "live_answers.hpp"
#include "page.hpp"
#include "whatif.hpp"

namespace agon::workbench {

std::uint64_t export_hinge_evaluations(std::size_t claims) {
    return std::clamp<std::uint64_t>(kExportHingeBudget / std::max<std::size_t>(claims, 1), 50, 5000);
}

std::string static_page(const Graph& graph, const std::string& file_name, const std::vector<std::string>& semantics,
                        const Control& control, unsigned hinge_size, std::uint64_t hinge_evaluations) {
    if (hinge_evaluations == 0) hinge_evaluations = export_hinge_evaluations(graph.claims().size());
    const auto map = std::make_shared<const Graph>(graph);
    MapView view{map, 0, file_name, "", {}, false, false};
    Json boot = {{"mode", "static"}, {"map", map_json(view, true)}};
    boot["legend"] = {{"labels", draw_legend(false)}, {"strengths", draw_legend(true)}};
    // One copy of the graph for every claim's explanation and hinge search,
    // and one index of its edges for every switch-off.
    const cli::Input in = explanation_input(graph);
    const Scenario start(map, "what-if");
    Json views = Json::object();
    // Switching one claim off after another: each what-if is answered from the last.
    LiveAnswers answers;
    for (std::size_t k = 0; k < semantics.size(); ++k) {
        const Request req{semantics[k], {}};
        control.report("export " + semantics[k], static_cast<double>(k) / static_cast<double>(semantics.size()));
        const Result base = answers.map_answer(0, map, req, control);
        if (k == 0) {  // one drawing; the page recolours it for every view
            MapStyle style;
            style.result = &base;
            // The export's own limit (none by default) and Ctrl-C, not the server's 30 s.
            style.timeout = control.seconds_left();
            style.cancel = control.cancel;
            boot["svg"] = draw_map(graph, style);
        }
        Json v = {{"result", result_json(base)}, {"looks", looks_json(base, nullptr)}};
        Json explain = Json::object(), hinge = Json::object(), whatif = Json::object();
        // The reading (and grounded labelling) every claim's explanation starts from.
        const Explainer why(Subject(in.snapshot), req, &base, control);
        for (const Claim& c : graph.claims()) {
            control.check();
            explain[c.id] = explain_claim(in, why, c.id, control);
            try {
                hinge[c.id] = hinge_claim(in, req, c.id, hinge_size, base, control, hinge_evaluations);
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::cancelled) throw;
                hinge[c.id] = {{"text", std::string("Not computed for the export: ") + e.what()}, {"sets", Json::array()}};
            }
            WhatIf w;
            w.off = {c.id};
            const Result after = answers.what_if_answer(0, whatif_scenario(start, w), req, control);
            // Only what moved: the page takes the rest from the view above.
            const Json diff = diff_json(base, after);
            std::vector<std::string> moved;
            for (const Json& d : diff) moved.push_back(d["id"].get<std::string>());
            whatif[c.id] = {{"diff", diff}, {"looks", looks_json(after, &base, &moved)}};
        }
        v["explain"] = explain;
        v["hinge"] = hinge;
        v["whatif"] = whatif;
        views[semantics[k]] = v;
    }
    control.report("export", 1);
    boot["views"] = views;
    return page_html(boot);
}

}  // namespace agon::workbench
