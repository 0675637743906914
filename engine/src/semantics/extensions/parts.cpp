#include "parts.hpp"

#include <algorithm>

#include "agon/framework.hpp"

namespace agon::detail::ext {

std::optional<Parts> split_off(const Snapshot& s, std::uint32_t v) {
    const std::uint32_t n = s.size();
    std::vector<char> in_part(n, 0);
    const std::size_t size = mark_part(in_part, v, n, [&](std::uint32_t a, auto&& visit) {
        for (std::uint32_t b : s.attackers().neighbours(a)) visit(b);
        for (std::uint32_t b : s.attacked().neighbours(a)) visit(b);
    });
    if (size == n) return std::nullopt;
    Parts out;
    std::vector<std::uint32_t> local(n);
    for (std::uint32_t a = 0; a < n; ++a) {
        auto& ids = in_part[a] ? out.part_ids : out.rest_ids;
        local[a] = static_cast<std::uint32_t>(ids.size());
        ids.push_back(a);
    }
    Framework part, rest;
    part.size = static_cast<std::uint32_t>(out.part_ids.size());
    rest.size = static_cast<std::uint32_t>(out.rest_ids.size());
    for (std::uint32_t b = 0; b < n; ++b)
        for (std::uint32_t a : s.attackers().neighbours(b)) (in_part[b] ? part : rest).attacks.emplace_back(local[a], local[b]);
    out.part = Snapshot::of(part);
    out.rest = Snapshot::of(rest);
    out.v = local[v];
    return out;
}

Extension joined(const Parts& parts, const Extension& in_part, const Extension& in_rest) {
    Extension out;
    out.reserve(in_part.size() + in_rest.size());
    for (std::uint32_t a : in_part) out.push_back(parts.part_ids[a]);
    for (std::uint32_t a : in_rest) out.push_back(parts.rest_ids[a]);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace agon::detail::ext
