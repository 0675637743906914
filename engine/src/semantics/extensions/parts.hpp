// Internal: a framework's part that one question is about. Stage and
// semi-stable extensions of a framework whose parts have no attack between
// them are the unions of one extension of each part (ranges, and complete
// extensions, split the same way), so a question about one argument is
// answered on its part alone and a witness adds one extension of the rest.
// Frameworks of many small parts took minutes on the whole where the part
// took milliseconds (a credulous stage "no" on 124 arguments in 13 parts:
// 55 s against 0.03 s).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "agon/extensions.hpp"
#include "agon/snapshot.hpp"

namespace agon::detail::ext {

/// Mark argument v's weakly connected part in `in_part` (sized to the
/// numbering, all 0): `each_neighbour(a, visit)` calls visit(b) for every b
/// that attacks a or that a attacks. Returns the part's size, or stops at
/// `whole` when the part is everything. O(the part).
template <class EachNeighbour>
std::size_t mark_part(std::vector<char>& in_part, std::uint32_t v, std::size_t whole, EachNeighbour&& each_neighbour) {
    std::vector<std::uint32_t> stack{v};
    in_part[v] = 1;
    std::size_t size = 1;
    while (!stack.empty() && size < whole) {
        const std::uint32_t a = stack.back();
        stack.pop_back();
        each_neighbour(a, [&](std::uint32_t b) {
            if (in_part[b]) return;
            in_part[b] = 1;
            ++size;
            stack.push_back(b);
        });
    }
    return size;
}

/// Argument v's weakly connected part of `s` and the rest, each numbered
/// afresh (attack edges only: what extension semantics read).
struct Parts {
    Snapshot part, rest;
    std::vector<std::uint32_t> part_ids, rest_ids;  // index there -> index in s
    std::uint32_t v = 0;                           // v's index in `part`
};

/// v's part and the rest, or std::nullopt when v's part is the whole
/// framework. O(n + m).
std::optional<Parts> split_off(const Snapshot& s, std::uint32_t v);

/// An extension of the whole from `in_part` (an extension of the part) and
/// `in_rest` (one of the rest), in the whole's numbering, ascending.
Extension joined(const Parts& parts, const Extension& in_part, const Extension& in_rest);

}  // namespace agon::detail::ext
