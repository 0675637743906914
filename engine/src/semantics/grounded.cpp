// Grounded semantics (Dung 1995): the least complete labelling, computed in
// O(n + m) by propagating from unattacked arguments.
#include "agon/error.hpp"
#include "registry.hpp"

namespace agon::detail {

std::vector<Label> grounded_labelling(const Snapshot& s, const Control& control, std::vector<std::uint32_t>* levels) {
    const std::uint32_t n = s.size();
    const Adjacency& out = s.attacked();
    std::vector<Label> labels(n, Label::undec);
    if (levels) levels->assign(n, 0);
    std::vector<std::uint32_t> live(n);  // attackers not yet out
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        live[v] = s.attackers().degree(v);
        if (live[v] == 0) {
            labels[v] = Label::in;
            queue.push_back(v);
        }
    }
    // FIFO order makes levels monotone: a claim made in by `v` gets level
    // level[v] + 1, and every attacker of it is defeated by a lower level.
    for (std::size_t head = 0; head < queue.size(); ++head) {
        if ((head & 0xFFFF) == 0) control.check();
        const std::uint32_t v = queue[head];
        for (std::uint32_t t : out.neighbours(v)) {
            if (labels[t] != Label::undec) continue;
            labels[t] = Label::out;
            for (std::uint32_t u : out.neighbours(t))
                if (labels[u] == Label::undec && --live[u] == 0) {
                    labels[u] = Label::in;
                    if (levels) (*levels)[u] = (*levels)[v] + 1;
                    queue.push_back(u);
                }
        }
    }
    return labels;
}

Result grounded(const Snapshot& s, const Request& request, const Control& control) {
    request.only({});  // `support` is handled before (evaluate.cpp)
    Result r;
    r.method = "propagation";
    r.labels = grounded_labelling(s, control, nullptr);
    return r;
}

}  // namespace agon::detail
