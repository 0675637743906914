#include "edit.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "agon/bipolar.hpp"

namespace agon::detail {

EditedEvaluation::EditedEvaluation(const Snapshot& s, const Request& request) : graph_(s), answer_(request) {
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        order_.push_back(v);
        base_.push_back(s.base(v));
    }
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) weight_.push_back(s.edge_weight(e));
    base_now_ = base_;
    cut_now_.assign(s.size(), 0);
    weight_now_ = weight_;
}

void EditedEvaluation::evaluate(const SnapshotEdit& edit, const Control& control) {
    auto order = [this] { return order_; };
    if (first_) {
        answer_.update(graph_, order, control);  // the unedited answer
        if (!answer_.gives_labels()) answer_.save();
        first_ = false;
    }
    // From the unedited fixpoint everything that differs from the unedited
    // graph is a change; for labels only what differs from the last edit.
    const bool rewind = !answer_.gives_labels();
    if (rewind) answer_.restore();
    const std::vector<double>& base = edit.base.empty() ? base_ : edit.base;
    const std::vector<double>& weight = edit.weight.empty() ? weight_ : edit.weight;
    for (std::uint32_t v = 0; v < base_.size(); ++v) {
        const char cut = edit.cut.empty() ? 0 : edit.cut[v];
        if (base[v] != base_now_[v] || (rewind && base[v] != base_[v])) graph_.set_base(v, base[v]);
        if (cut != cut_now_[v] || (rewind && cut)) graph_.isolate(v, cut);
        cut_now_[v] = cut;
    }
    for (std::uint32_t e = 0; e < weight_.size(); ++e)
        if (weight[e] != weight_now_[e] || (rewind && weight[e] != weight_[e])) graph_.set_weight(e, weight[e]);
    base_now_ = base;
    weight_now_ = weight;
    answer_.update(graph_, order, control);
}

std::vector<std::uint32_t> influencers(const Snapshot& s, std::uint32_t target) {
    // Walk dependencies backwards: who reads into target, through any edge kind.
    std::vector<char> seen(s.size(), 0);
    std::vector<std::uint32_t> stack{target};
    seen[target] = 1;
    auto visit_edge = [&](std::uint32_t e, auto&& self) -> void {
        std::uint32_t from = s.edge_from(e);
        if (!seen[from]) {
            seen[from] = 1;
            stack.push_back(from);
        }
        for (std::uint32_t u : s.undercutters().edge_ids(e)) self(u, self);
    };
    while (!stack.empty()) {
        std::uint32_t v = stack.back();
        stack.pop_back();
        for (std::uint32_t e : s.attackers().edge_ids(v)) visit_edge(e, visit_edge);
        for (std::uint32_t e : s.supporters().edge_ids(v)) visit_edge(e, visit_edge);
    }
    std::vector<std::uint32_t> out;
    for (std::uint32_t v = 0; v < s.size(); ++v)
        if (seen[v] && v != target) out.push_back(v);
    return out;
}

bool depends_on_ancestors_only(const Request& request) {
    const std::string semantics = canonical_semantics(request.semantics);
    if (ranks_only(semantics)) return false;
    if (!gives_labels(semantics)) return true;
    if (semantics != "grounded" && semantics != "complete" && semantics != "preferred" && semantics != "ideal")
        return false;
    const SupportMode mode = support_mode(request);
    return mode == SupportMode::none || mode == SupportMode::evidential;
}

namespace {

constexpr std::uint32_t kOutside = std::numeric_limits<std::uint32_t>::max();

bool prima_facie(const Snapshot& s, std::uint32_t v) {
    const auto tags = s.tags(v);
    return std::find(tags.begin(), tags.end(), "prima_facie") != tags.end();
}

// Evidential support takes every claim without supporters as prima facie
// when no claim of the graph is tagged so: the part must agree with the
// whole on whether one is.
bool same_prima_facie_rule(const Snapshot& s, const std::vector<std::uint32_t>& part, const Request& request) {
    if (!gives_labels(request.semantics) || support_mode(request) != SupportMode::evidential) return true;
    bool in_part = false, in_whole = false;
    for (std::uint32_t v : part) in_part |= prima_facie(s, v);
    for (std::uint32_t v = 0; v < s.size() && !in_whole; ++v) in_whole |= prima_facie(s, v);
    return in_part == in_whole;
}

}  // namespace

TargetPart::TargetPart(const Snapshot& s, const Request& request, std::uint32_t target) : whole_(s), target_(target) {
    if (!depends_on_ancestors_only(request)) return;
    claims_ = influencers(s, target);
    // Everything reaches the target: the part would be a copy of the whole.
    if (claims_.size() + 1 == s.size()) return;
    claims_.insert(std::upper_bound(claims_.begin(), claims_.end(), target), target);
    if (!same_prima_facie_rule(s, claims_, request)) return;
    std::vector<std::uint32_t> claim_at(s.size(), kOutside);
    SnapshotBuilder b;
    for (std::uint32_t v : claims_) {
        const auto tags = s.tags(v);
        claim_at[v] = b.add_claim(s.id(v), s.base(v), s.kind(v), std::vector<std::string>(tags.begin(), tags.end()));
    }
    target_ = claim_at[target];
    // An edge reads into the part when it ends there (its source is then an
    // influencer), an undercut when the edge it cuts is in the part; undercuts
    // come after the edge they cut.
    edge_at_.assign(s.edge_count(), kOutside);
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        const bool undercut = s.edge_kind(e) == EdgeKind::undercut;
        const std::uint32_t to = undercut ? edge_at_[s.edge_to(e)] : claim_at[s.edge_to(e)];
        if (to == kOutside) continue;
        edge_at_[e] = b.add_edge(s.edge_id(e), s.edge_kind(e), claim_at[s.edge_from(e)], to, s.edge_weight(e));
    }
    part_.emplace(std::move(b).build());
}

std::optional<std::uint32_t> TargetPart::edge_in_part(std::uint32_t e) const {
    if (!part_) return e;
    if (edge_at_[e] == kOutside) return std::nullopt;
    return edge_at_[e];
}

}  // namespace agon::detail
