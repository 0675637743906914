// Analysis of Competing Hypotheses: evidence rows x hypothesis columns.
// A cell reads the paths of edges from the evidence to the hypothesis (an even
// number of attacks on the way supports it, an odd number opposes it) and
// the evidence's effect on the hypothesis under the semantics (the removal
// effect of agon::attributions: the hypothesis's value minus its value with
// the evidence cut off), which also decides mixed cases. One evaluation per
// piece of evidence serves every hypothesis.
#include <algorithm>
#include <cmath>
#include <deque>

#include "../explain/edit.hpp"
#include "agon/error.hpp"
#include "sections.hpp"

namespace agon::report_detail {

namespace {

// reach[v * 2 + parity]: claim v is reachable from `from` along a path with
// that parity of attacks (undercutting a support lowers its claim: odd;
// undercutting an attack raises it: even). O(n + m).
std::vector<char> parity_reach(const Snapshot& s, std::uint32_t from) {
    // Out-edges per claim, with the claim each edge ends up moving and the parity it adds.
    std::vector<std::vector<std::pair<std::uint32_t, int>>> out(s.size());
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        std::uint32_t into = e;
        int parity = 0;
        while (s.edge_kind(into) == EdgeKind::undercut) {
            parity ^= 1;  // undercutting an edge turns its effect around
            into = s.edge_to(into);
        }
        parity ^= s.edge_kind(into) == EdgeKind::attack;
        out[s.edge_from(e)].push_back({s.edge_to(into), parity});
    }
    std::vector<char> reach(2 * std::size_t(s.size()), 0);
    std::deque<std::pair<std::uint32_t, int>> queue{{from, 0}};
    reach[2 * std::size_t(from)] = 1;
    while (!queue.empty()) {
        const auto [v, p] = queue.front();
        queue.pop_front();
        for (const auto& [w, q] : out[v]) {
            const std::size_t key = 2 * std::size_t(w) + static_cast<std::size_t>(p ^ q);
            if (!reach[key]) {
                reach[key] = 1;
                queue.push_back({w, p ^ q});
            }
        }
    }
    return reach;
}

Consistency relation_of(bool support, bool attack, double effect) {
    if (support && !attack) return Consistency::consistent;
    if (attack && !support) return Consistency::inconsistent;
    if (support && attack && std::abs(effect) > 1e-9)
        return effect > 0 ? Consistency::consistent : Consistency::inconsistent;
    return Consistency::neutral;
}

}  // namespace

void check_ach_tags(const Graph& graph) {
    // Counted on both sides, a claim would weigh for or against itself.
    for (const Claim& c : graph.claims())
        if (c.has_tag("hypothesis") && c.has_tag("evidence"))
            throw Error(ErrorKind::invalid_input, "claim '" + c.id + "' is tagged both 'hypothesis' and 'evidence'; "
                                                  "an ACH matrix needs each claim on one side: drop one of the tags");
}

ReportHypotheses competing_hypotheses(const Graph& graph, const Snapshot& s, const Request& request,
                                      const Result& baseline, double threshold, const Control& control) {
    ReportHypotheses out;
    std::vector<std::uint32_t> hyp, ev;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        const Claim& c = graph.claims()[v];
        if (c.has_tag("hypothesis")) {
            hyp.push_back(v);
            out.hypotheses.push_back({c.id, status_of(baseline, v, threshold), 0, 0, 0});
        } else if (c.has_tag("evidence")) {
            ev.push_back(v);
            out.evidence.push_back(c.id);
        }
    }
    if (hyp.empty() || ev.empty()) return out;
    // Each piece of evidence cut off, re-evaluated from the unedited answer (edit.hpp).
    detail::EditedEvaluation without(s, request);
    detail::SnapshotEdit edit;
    edit.cut.assign(s.size(), 0);
    for (std::size_t i = 0; i < ev.size(); ++i) {
        control.check();
        control.report("hypotheses", static_cast<double>(i) / static_cast<double>(ev.size()));
        edit.cut[ev[i]] = 1;
        without.evaluate(edit, control);
        edit.cut[ev[i]] = 0;
        const std::vector<char> reach = parity_reach(s, ev[i]);
        std::vector<ReportAchCell> row;
        for (std::size_t j = 0; j < hyp.size(); ++j) {
            ReportAchCell cell;
            cell.support_path = reach[2 * std::size_t(hyp[j])];
            cell.attack_path = reach[2 * std::size_t(hyp[j]) + 1];
            if (cell.support_path || cell.attack_path)
                cell.effect = baseline.value(hyp[j]) - without.value(hyp[j]);
            cell.relation = relation_of(cell.support_path, cell.attack_path, cell.effect);
            ReportHypothesis& h = out.hypotheses[j];
            if (cell.relation == Consistency::consistent) ++h.consistent;
            if (cell.relation == Consistency::inconsistent) {
                ++h.inconsistent;
                h.inconsistency += std::abs(cell.effect);
            }
            row.push_back(cell);
        }
        out.cells.push_back(std::move(row));
    }
    for (std::size_t j = 0; j < hyp.size(); ++j) {
        out.by_inconsistency.push_back(j);
        out.by_strength.push_back(j);
    }
    const auto& h = out.hypotheses;
    std::stable_sort(out.by_inconsistency.begin(), out.by_inconsistency.end(), [&](std::size_t a, std::size_t b) {
        if (h[a].inconsistent != h[b].inconsistent) return h[a].inconsistent < h[b].inconsistent;
        return h[a].inconsistency < h[b].inconsistency;
    });
    std::stable_sort(out.by_strength.begin(), out.by_strength.end(),
                     [&](std::size_t a, std::size_t b) { return h[a].status.value > h[b].status.value; });
    return out;
}

}  // namespace agon::report_detail
