// Support closure by BFS, memoised per claim (closure.hpp).
#include "closure.hpp"

namespace agon::detail {

SupportClosure::SupportClosure(const Snapshot& s, bool forward)
    : adj_(forward ? s.supported() : s.supporters()), stamp_(s.size(), 0), cache_(s.size()), done_(s.size(), 0) {}

std::span<const std::uint32_t> SupportClosure::of(std::uint32_t v) {
    std::vector<std::uint32_t>& out = cache_[v];
    if (done_[v]) return out;
    done_[v] = 1;
    ++round_;
    out.push_back(v);
    stamp_[v] = round_;
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::uint32_t w : adj_.neighbours(out[i]))
            if (stamp_[w] != round_) {
                stamp_[w] = round_;
                out.push_back(w);
            }
    out.shrink_to_fit();
    return out;
}

}  // namespace agon::detail
