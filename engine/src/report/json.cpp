// Every section's data as one JSON object, for teams' own templates. Field
// names follow the command-line JSON of eval, explain, hinge and robust.
#include <nlohmann/json.hpp>

#include "sections.hpp"

namespace agon {

namespace {

using Json = nlohmann::ordered_json;

Json status_json(const ReportStatus& s) {
    Json j;
    j["value"] = s.value;
    if (s.label) j["label"] = std::string(to_string(*s.label));
    j["accepted"] = s.accepted;
    return j;
}

Json or_null(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

Json change_json(const Change& c) {
    Json j;
    j["id"] = c.id;
    j["label_before"] = c.label_before ? Json(std::string(to_string(*c.label_before))) : Json(nullptr);
    j["label_after"] = c.label_after ? Json(std::string(to_string(*c.label_after))) : Json(nullptr);
    j["strength_before"] = or_null(c.strength_before);
    j["strength_after"] = or_null(c.strength_after);
    return j;
}

Json hypotheses_json(const ReportHypotheses& h) {
    Json j;
    Json hyps = Json::array();
    for (const ReportHypothesis& x : h.hypotheses)
        hyps.push_back({{"claim", x.claim}, {"status", status_json(x.status)}, {"consistent", x.consistent},
                        {"inconsistent", x.inconsistent}, {"inconsistency", x.inconsistency}});
    j["hypotheses"] = hyps;
    j["evidence"] = h.evidence;
    Json matrix = Json::array();
    for (std::size_t i = 0; i < h.evidence.size(); ++i)
        for (std::size_t k = 0; k < h.hypotheses.size(); ++k) {
            const ReportAchCell& c = h.cells[i][k];
            matrix.push_back({{"evidence", h.evidence[i]}, {"hypothesis", h.hypotheses[k].claim},
                              {"relation", to_string(c.relation)}, {"effect", c.effect},
                              {"support_path", c.support_path}, {"attack_path", c.attack_path}});
        }
    j["matrix"] = matrix;
    Json by_inc = Json::array(), by_str = Json::array();
    for (std::size_t k : h.by_inconsistency) by_inc.push_back(h.hypotheses[k].claim);
    for (std::size_t k : h.by_strength) by_str.push_back(h.hypotheses[k].claim);
    j["by_inconsistency"] = by_inc;
    j["by_strength"] = by_str;
    return j;
}

}  // namespace

std::string report_json(const Report& r) {
    Json j;
    j["title"] = r.title;
    j["target"] = r.target;
    j["target_text"] = report_detail::claim_text(r.graph, r.target);
    j["semantics"] = r.request.semantics;
    j["params"] = r.request.params;
    j["threshold"] = r.threshold;
    j["gradual"] = r.gradual;
    j["method"] = r.method;
    j["converged"] = r.converged;
    j["status"] = status_json(r.status);
    j["summary"] = r.summary;

    Json attributions = Json::array();
    for (const ReportInfluence& i : r.influences) {
        Json a{{"claim", i.claim}, {"removal", i.removal}, {"gradient", i.gradient}};
        if (i.shapley) a["shapley"] = *i.shapley;
        attributions.push_back(a);
    }
    j["influence"] = {{"value", r.status.value}, {"attributions", attributions}};
    j["hinge"] = {{"sets", r.hinge_sets}, {"exact", r.hinge_exact}, {"at_least", r.hinge_at_least},
                  {"max_size", r.hinge_max_size}};

    Json kac = Json::array();
    for (const ReportAssumption& a : r.assumptions) {
        Json row{{"claim", a.claim}, {"text", report_detail::claim_text(r.graph, a.claim)}, {"base", a.base},
                 {"removal", a.removal}, {"gradient", a.gradient}, {"shapley", or_null(a.shapley)},
                 {"in_hinge_set", a.in_hinge_set}, {"verdict", a.verdict.empty() ? Json(nullptr) : Json(a.verdict)}};
        kac.push_back(row);
    }
    j["key_assumptions"] = kac;

    if (r.tornado) {
        Json bars = Json::array();
        for (const ReportTornadoBar& b : *r.tornado)
            bars.push_back({{"input", b.input}, {"kind", b.weight ? "weight" : "base"}, {"value", b.value},
                            {"low", b.low}, {"high", b.high}, {"at_low", b.at_low}, {"at_high", b.at_high},
                            {"swing", b.swing()}});
        j["tornado"] = {{"baseline", r.status.value}, {"bars", bars}};
    } else {
        j["tornado"] = nullptr;
    }
    if (r.robustness) {
        const ReportRobustness& rb = *r.robustness;
        Json x{{"samples", rb.samples}, {"seed", rb.seed}, {"default_spread", rb.default_spread}};
        if (rb.p_in) {
            x["p_in"] = *rb.p_in;
            x["p_undec"] = *rb.p_undec;
            x["p_out"] = *rb.p_out;
        }
        x["mean"] = rb.mean;
        x["stddev"] = rb.stddev;
        x["q05"] = rb.q05;
        x["q95"] = rb.q95;
        x["histogram"] = rb.histogram;
        x["p_accepted"] = or_null(rb.p_accepted);
        j["robustness"] = x;
    } else {
        j["robustness"] = nullptr;
    }
    j["hypotheses"] = r.hypotheses ? hypotheses_json(*r.hypotheses) : Json(nullptr);
    if (r.scenarios) {
        Json rows = Json::array();
        for (const ReportScenarioRow& s : *r.scenarios) {
            Json changes = Json::array();
            for (const Change& c : s.changes) changes.push_back(change_json(c));
            rows.push_back({{"name", s.name}, {"note", s.note},
                            {"target", s.target ? status_json(*s.target) : Json(nullptr)}, {"changes", changes}});
        }
        j["scenarios"] = rows;
    } else {
        j["scenarios"] = nullptr;
    }
    Json sources = Json::array();
    for (const ReportSource& s : r.sources) sources.push_back({{"source", s.source}, {"url", s.url}, {"claims", s.claims}});
    j["sources"] = sources;
    j["notes"] = r.notes;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace agon
