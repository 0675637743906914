// Minimum sets of claims whose removal flips the target (argument-deletion
// enforcement), by search over sets of increasing size.
#include <algorithm>

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

// The claims whose removal may change the target's status, in the target's
// part (edit.hpp): where a claim's status depends only on the claims with a
// path of edges to it, those; otherwise every claim.
std::vector<std::uint32_t> removal_pool(const detail::TargetPart& part, const Request& request) {
    const Snapshot& s = part.snapshot();
    if (detail::depends_on_ancestors_only(request)) return detail::influencers(s, part.target());
    std::vector<std::uint32_t> all;
    for (std::uint32_t v = 0; v < s.size(); ++v)
        if (v != part.target()) all.push_back(v);
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
    // Every removal set is made and evaluated in the target's part.
    const detail::TargetPart part(s, request, target);
    const std::vector<std::uint32_t> pool = removal_pool(part, request);
    detail::SnapshotEdit edit;
    edit.cut.assign(part.snapshot().size(), 0);
    // Each removal set is re-evaluated from the unedited graph, not rebuilt;
    // the status now is that graph's own answer.
    detail::EditedEvaluation edited(part.snapshot(), request);
    const std::uint32_t t = part.target();
    const bool labels = gives_labels(request.semantics);
    edited.evaluate(edit, control);
    const int before = status_of(edited, labels, t, threshold);
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
            if (status_of(edited, labels, t, threshold) != before) {
                std::vector<std::uint32_t> set;
                for (std::uint32_t i : pick) set.push_back(part.original(pool[i]));
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
