#include "edit.hpp"

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

}  // namespace agon::detail
