// Attributions: removal effects, finite-difference gradients, Shapley values.
#include <algorithm>
#include <cmath>

#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "edit.hpp"

namespace agon {

namespace {

// The target's value after `edit`, re-evaluated from the unedited answer
// (edit.hpp) where the semantics has an incremental path.
double value_after(detail::EditedEvaluation& edited, const detail::SnapshotEdit& edit, std::uint32_t target,
                   const Control& control) {
    edited.evaluate(edit, control);
    return edited.value(target);
}

void check_target(const Snapshot& s, std::uint32_t target) {
    if (target >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
}

}  // namespace

std::vector<Attribution> attributions(const Snapshot& s, const Request& request, std::uint32_t target,
                                      const Control& control, double h) {
    check_target(s, target);
    // Every edit is made and evaluated in the target's part (edit.hpp).
    const detail::TargetPart part(s, request, target);
    const Snapshot& p = part.snapshot();
    const std::uint32_t t = part.target();
    detail::EditedEvaluation edited(p, request);
    detail::SnapshotEdit edit;
    const double full = value_after(edited, edit, t, control);
    std::vector<Attribution> out;
    edit.cut.assign(p.size(), 0);
    edit.base.resize(p.size());
    for (std::uint32_t v = 0; v < p.size(); ++v) edit.base[v] = p.base(v);
    const std::vector<std::uint32_t> influencers = detail::influencers(p, t);
    for (std::uint32_t x : influencers) {
        control.check();
        control.report("attributions", static_cast<double>(out.size()) / static_cast<double>(influencers.size()));
        Attribution a;
        a.claim = part.original(x);
        edit.cut[x] = 1;
        a.removal = full - value_after(edited, edit, t, control);
        edit.cut[x] = 0;
        // Central differences inside [0,1], one-sided at the ends.
        const double b = p.base(x);
        const double lo = std::max(0.0, b - h), hi = std::min(1.0, b + h);
        edit.base[x] = hi;
        const double up = value_after(edited, edit, t, control);
        edit.base[x] = lo;
        const double down = value_after(edited, edit, t, control);
        edit.base[x] = b;
        a.gradient = hi > lo ? (up - down) / (hi - lo) : 0.0;
        out.push_back(a);
    }
    std::stable_sort(out.begin(), out.end(), [](const Attribution& p, const Attribution& q) {
        if (std::abs(p.removal) != std::abs(q.removal)) return std::abs(p.removal) > std::abs(q.removal);
        return std::abs(p.gradient) > std::abs(q.gradient);
    });
    return out;
}

std::vector<std::pair<std::uint32_t, double>> shapley(const Snapshot& s, const Request& request,
                                                      std::uint32_t target, const Control& control,
                                                      std::uint32_t max_players) {
    check_target(s, target);
    const detail::TargetPart part(s, request, target);
    const Snapshot& p = part.snapshot();
    const std::vector<std::uint32_t> players = detail::influencers(p, part.target());
    const auto k = static_cast<std::uint32_t>(players.size());
    if (k > max_players)
        throw Error(ErrorKind::limit, std::to_string(k) + " claims influence the target; exact Shapley values are "
                                          "limited to " + std::to_string(max_players));
    // Value of every coalition (bit i set: player i keeps its edges).
    std::vector<double> value(std::size_t(1) << k);
    detail::EditedEvaluation edited(p, request);
    detail::SnapshotEdit edit;
    edit.cut.assign(p.size(), 0);
    for (std::size_t mask = 0; mask < value.size(); ++mask) {
        control.check();
        control.report("shapley", static_cast<double>(mask) / static_cast<double>(value.size()));
        for (std::uint32_t i = 0; i < k; ++i) edit.cut[players[i]] = (mask >> i) & 1 ? 0 : 1;
        value[mask] = value_after(edited, edit, part.target(), control);
    }
    // phi_i = sum over coalitions S without i of |S|!(k-|S|-1)!/k! (v(S+i) - v(S)).
    std::vector<double> weight(k + 1, 0.0);
    for (std::uint32_t size = 0; size < k; ++size) {
        double w = 1.0;
        for (std::uint32_t j = 1; j <= size; ++j) w *= static_cast<double>(j);
        for (std::uint32_t j = 1; j <= k - size - 1; ++j) w *= static_cast<double>(j);
        for (std::uint32_t j = 1; j <= k; ++j) w /= static_cast<double>(j);
        weight[size] = w;
    }
    std::vector<std::pair<std::uint32_t, double>> out;
    for (std::uint32_t i = 0; i < k; ++i) {
        double phi = 0;
        for (std::size_t mask = 0; mask < value.size(); ++mask) {
            if ((mask >> i) & 1) continue;
            phi += weight[static_cast<std::uint32_t>(__builtin_popcountll(mask))] * (value[mask | (std::size_t(1) << i)] - value[mask]);
        }
        out.emplace_back(part.original(players[i]), phi);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& p, const auto& q) { return std::abs(p.second) > std::abs(q.second); });
    return out;
}

}  // namespace agon
