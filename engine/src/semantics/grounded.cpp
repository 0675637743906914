// Grounded semantics (Dung 1995): the least complete labelling, computed in
// O(n + m) by propagating from unattacked arguments.
#include "agon/error.hpp"
#include "registry.hpp"

namespace agon::detail {

Result grounded(const Snapshot& s, const Request& request, const Control& control) {
    request.only({"support"});
    const std::string support = request.text("support", "none");
    if (support != "none")
        throw Error(ErrorKind::usage, "support interpretation '" + support + "' is not available for grounded");
    const std::uint32_t n = s.size();
    const Adjacency& out = s.attacked();
    Result r;
    r.method = "propagation";
    r.labels.assign(n, Label::undec);
    std::vector<std::uint32_t> live(n);  // attackers not yet out
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        live[v] = s.attackers().degree(v);
        if (live[v] == 0) {
            r.labels[v] = Label::in;
            queue.push_back(v);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        if ((head & 0xFFFF) == 0) control.check();
        for (std::uint32_t t : out.neighbours(queue[head])) {
            if (r.labels[t] != Label::undec) continue;
            r.labels[t] = Label::out;
            for (std::uint32_t u : out.neighbours(t))
                if (r.labels[u] == Label::undec && --live[u] == 0) {
                    r.labels[u] = Label::in;
                    queue.push_back(u);
                }
        }
    }
    return r;
}

}  // namespace agon::detail
