// Claim tags plus the attributes semantics read, for snapshots of graphs.
#include "evaluation_tags.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace agon::detail {

namespace {

bool evaluation_key(std::string_view key) {
    static constexpr std::array<std::string_view, 4> keys = {"format", "weighing", "preference", "criteria"};
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

std::vector<std::string> evaluation_tags(const Claim& c) {
    std::vector<std::string> tags = c.tags;
    for (const auto& [key, value] : c.attributes) {
        if (!evaluation_key(key)) continue;
        for (std::size_t at = 0; at <= value.size();) {
            const std::size_t end = std::min(value.find('\n', at), value.size());
            tags.push_back(key + ":" + value.substr(at, end - at));
            at = end + 1;
        }
    }
    return tags;
}

bool has_evaluation_attributes(const Claim& c) {
    return std::any_of(c.attributes.begin(), c.attributes.end(), [](const auto& kv) { return evaluation_key(kv.first); });
}

}  // namespace agon::detail
