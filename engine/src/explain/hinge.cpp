// Minimum sets of claims whose removal flips the target (argument-deletion
// enforcement), by search over sets of increasing size.
#include <algorithm>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "agon/semantics.hpp"
#include "edit.hpp"

namespace agon {

namespace {

// The status the search tries to change: the label, or the side of the threshold.
int status_of(const detail::EditedEvaluation& e, bool labels, std::uint32_t target, double threshold) {
    if (labels) return static_cast<int>(e.label(target));
    return e.value(target) >= threshold ? 1 : 0;
}

// The claims whose removal may change the target's status. Where a claim's
// status depends only on the claims with a path of edges to it (gradual
// semantics; grounded, complete, preferred and ideal, which are directional,
// with supports ignored or read as evidential), those; otherwise every
// claim: under stable, semi-stable and stage a claim far away can leave no
// extension at all or change which are range-maximal, supports read as
// deductive or necessary attacks reach claims the edges do not lead from,
// and a Carneades position depends on the other positions of its issue.
std::vector<std::uint32_t> removal_pool(const Snapshot& s, const Request& request, std::uint32_t target) {
    const std::string semantics = canonical_semantics(request.semantics);
    bool local = !gives_labels(semantics);
    if (!local && (semantics == "grounded" || semantics == "complete" || semantics == "preferred" ||
                   semantics == "ideal")) {
        const SupportMode mode = support_mode(request);
        local = mode == SupportMode::none || mode == SupportMode::evidential;
    }
    if (local) return detail::influencers(s, target);
    std::vector<std::uint32_t> all;
    for (std::uint32_t v = 0; v < s.size(); ++v)
        if (v != target) all.push_back(v);
    return all;
}

}  // namespace

HingeReport hinges(const Snapshot& s, const Request& request, std::uint32_t target, std::uint32_t max_size,
                   const Control& control, double threshold, std::uint64_t max_evaluations) {
    if (target >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    require_strength_scale(request.semantics, "a hinge search");
    if (max_size == 0) throw Error(ErrorKind::usage, "a hinge search needs a largest set size of 1 or more");
    if (!(threshold >= 0 && threshold <= 1)) throw Error(ErrorKind::usage, "the hinge threshold must be in [0,1]");
    HingeReport report;
    const std::vector<std::uint32_t> pool = removal_pool(s, request, target);
    detail::SnapshotEdit edit;
    edit.cut.assign(s.size(), 0);
    // Each removal set is re-evaluated from the unedited graph, not rebuilt;
    // the status now is that graph's own answer.
    detail::EditedEvaluation edited(s, request);
    const bool labels = gives_labels(request.semantics);
    edited.evaluate(edit, control);
    const int before = status_of(edited, labels, target, threshold);
    const auto n = static_cast<std::uint32_t>(pool.size());
    for (std::uint32_t size = 1; size <= std::min(max_size, n); ++size) {
        report.at_least = size;
        // Enumerate size-subsets of the pool in lexicographic order.
        std::vector<std::uint32_t> pick(size);
        for (std::uint32_t i = 0; i < size; ++i) pick[i] = i;
        for (;;) {
            if (report.evaluations >= max_evaluations) {
                report.exact = false;
                return report;
            }
            control.check();
            // Of the evaluations allowed: the search may end sooner, never later.
            control.report("hinge", static_cast<double>(report.evaluations) / static_cast<double>(max_evaluations));
            for (std::uint32_t i : pick) edit.cut[pool[i]] = 1;
            ++report.evaluations;
            edited.evaluate(edit, control);
            if (status_of(edited, labels, target, threshold) != before) {
                std::vector<std::uint32_t> set;
                for (std::uint32_t i : pick) set.push_back(pool[i]);
                report.sets.push_back(std::move(set));
            }
            for (std::uint32_t i : pick) edit.cut[pool[i]] = 0;
            // Next combination.
            std::int64_t i = size - 1;
            while (i >= 0 && pick[static_cast<std::size_t>(i)] == n - size + static_cast<std::uint32_t>(i)) --i;
            if (i < 0) break;
            ++pick[static_cast<std::size_t>(i)];
            for (auto j = static_cast<std::size_t>(i) + 1; j < size; ++j) pick[j] = pick[j - 1] + 1;
        }
        if (!report.sets.empty()) return report;
    }
    // Nothing up to max_size: exact only if max_size covered the whole pool.
    report.exact = max_size >= n;
    report.at_least = std::min(max_size, n) + 1;
    return report;
}

}  // namespace agon
