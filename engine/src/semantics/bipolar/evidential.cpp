// Evidential support (Oren & Norman 2008; Polberg & Oren 2014), evaluated
// directly as a grounded-style least fixpoint (docs/semantics.md §3).
//
// Every rule is monotone (more in/out labels only ever add labels), so the
// least fixpoint does not depend on the order the rules fire in. The local
// rules run from a work queue with counters, O(n + m) in all; the non-local
// rule (no evidential chain left) is a BFS, repeated only while it labels
// something new.
#include "agon/bipolar.hpp"

namespace agon {

namespace {

class Evidential {
public:
    Evidential(const Snapshot& s, std::uint32_t originals) : s_(s), n_(s.size()) {
        bool tagged = false;
        for (std::uint32_t v = 0; v < n_ && v < originals && !tagged; ++v)
            for (const auto& t : s.tags(v)) tagged |= t == "prima_facie";
        prima_.assign(n_, 0);
        for (std::uint32_t v = 0; v < n_; ++v) {
            if (v >= originals) prima_[v] = 1;  // auxiliary claims of undercuts
            else if (!tagged) prima_[v] = s.supporters().degree(v) == 0;
            else
                for (const auto& t : s.tags(v)) prima_[v] |= t == "prima_facie";
        }
        label_.assign(n_, Label::undec);
        att_live_.resize(n_);
        sup_live_.resize(n_);
        att_in_.assign(n_, 0);
        sup_in_.assign(n_, 0);
        for (std::uint32_t v = 0; v < n_; ++v) {
            att_live_[v] = s.attackers().degree(v);
            sup_live_[v] = s.supporters().degree(v);
        }
    }

    std::vector<Label> run(const Control& control) {
        for (std::uint32_t v = 0; v < n_; ++v) decide(v);
        do {
            propagate(control);
        } while (cut_unfounded(control));
        return std::move(label_);
    }

private:
    // IN iff every attacker is out and (prima facie or a supporter is in);
    // OUT iff an attacker is in or (not prima facie and every supporter is out).
    void decide(std::uint32_t v) {
        if (label_[v] != Label::undec) return;
        if (att_live_[v] == 0 && (prima_[v] || sup_in_[v] > 0)) set(v, Label::in);
        else if (att_in_[v] > 0 || (!prima_[v] && sup_live_[v] == 0)) set(v, Label::out);
    }

    void set(std::uint32_t v, Label l) {
        label_[v] = l;
        queue_.push_back(v);
    }

    void propagate(const Control& control) {
        for (std::size_t head = 0; head < queue_.size(); ++head) {
            if ((head & 0xFFFF) == 0) control.check();
            // queue_[head] was just labelled (each claim enters the queue
            // once): update the counters of the claims it attacks and supports.
            const std::uint32_t v = queue_[head];
            for (std::uint32_t t : s_.attacked().neighbours(v)) {
                if (label_[v] == Label::in) ++att_in_[t];
                else --att_live_[t];
                decide(t);
            }
            for (std::uint32_t w : s_.supported().neighbours(v)) {
                if (label_[v] == Label::in) ++sup_in_[w];
                else --sup_live_[w];
                decide(w);
            }
        }
        queue_.clear();
    }

    // Claims that no support chain from a prima facie claim reaches through
    // claims not out have no evidence left: out. True when some claim changed.
    bool cut_unfounded(const Control& control) {
        control.check();
        std::vector<char> reached(n_, 0);
        std::vector<std::uint32_t> stack;
        for (std::uint32_t v = 0; v < n_; ++v)
            if (prima_[v] && label_[v] != Label::out) {
                reached[v] = 1;
                stack.push_back(v);
            }
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            for (std::uint32_t w : s_.supported().neighbours(v))
                if (!reached[w] && label_[w] != Label::out) {
                    reached[w] = 1;
                    stack.push_back(w);
                }
        }
        for (std::uint32_t v = 0; v < n_; ++v)
            if (!reached[v] && label_[v] == Label::undec) set(v, Label::out);
        return !queue_.empty();
    }

    const Snapshot& s_;
    const std::uint32_t n_;
    std::vector<char> prima_;
    std::vector<Label> label_;
    std::vector<std::uint32_t> att_live_, sup_live_;  // attackers / supporters not out
    std::vector<std::uint32_t> att_in_, sup_in_;      // attackers / supporters in
    std::vector<std::uint32_t> queue_;
};

}  // namespace

std::vector<Label> evidential_grounded(const Snapshot& s, const Control& control, std::uint32_t originals) {
    return Evidential(s, originals).run(control);
}

}  // namespace agon
