// The member names of a JSON document's top-level object, found without
// building the document: format detection must not depend on key order, and
// must not parse a large file twice.
#include "formats.hpp"

namespace agon::detail {

std::size_t json_string_end(std::string_view t, std::size_t at) {
    for (std::size_t i = at + 1; i < t.size(); ++i) {
        if (t[i] == '\\') ++i;
        else if (t[i] == '"') return i + 1;
    }
    return t.size();
}

std::vector<std::string> top_level_keys(std::string_view t) {
    std::vector<std::string> keys;
    std::size_t i = t.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (i == std::string_view::npos || t[i] != '{') return keys;
    int depth = 0;
    bool expect_key = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '"') {
            const std::size_t end = json_string_end(t, i);
            if (depth == 1 && expect_key) keys.emplace_back(t.substr(i + 1, end - i - 2));
            expect_key = false;
            i = end - 1;
        } else if (c == '{' || c == '[') {
            ++depth;
            expect_key = depth == 1;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) break;
        } else if (c == ',' && depth == 1) {
            expect_key = true;
        }
    }
    return keys;
}

std::vector<std::size_t> array_items_at(std::string_view t, std::initializer_list<std::string_view> path) {
    std::vector<std::size_t> items;
    const std::vector<std::string_view> keys(path);
    std::size_t i = t.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (keys.empty() || i == std::string_view::npos || t[i] != '{') return items;
    // Containers 1..on_path are the objects the path walks through (then its array).
    const std::size_t target = keys.size() + 1;
    std::size_t depth = 0, on_path = 0;
    std::vector<bool> object;  // per open container
    bool expect_key = false, named = false;
    auto next_item = [&](std::size_t from) {
        const std::size_t at = t.find_first_not_of(" \t\r\n", from);
        if (at != std::string_view::npos && t[at] != ']') items.push_back(at);
    };
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '"') {
            const std::size_t end = json_string_end(t, i);
            if (expect_key && depth == on_path && depth < target) named = t.substr(i + 1, end - i - 2) == keys[depth - 1];
            expect_key = false;
            i = end - 1;
        } else if (c == '{' || c == '[') {
            const bool next_on_path = (depth == 0 || named) && depth == on_path;
            ++depth;
            object.push_back(c == '{');
            expect_key = c == '{';
            named = false;
            if (next_on_path) {
                ++on_path;
                if (depth == target) {
                    if (c != '[') return items;
                    next_item(i + 1);
                }
            }
        } else if (c == '}' || c == ']') {
            if (depth == on_path) return items;  // the path's container closed: nothing further along it
            --depth;
            object.pop_back();
            named = false;
        } else if (c == ',') {
            expect_key = object.back();
            named = false;
            if (depth == target && on_path == target) next_item(i + 1);
        }
    }
    return items;
}

std::vector<std::size_t> top_level_array_items(std::string_view t, std::string_view key) { return array_items_at(t, {key}); }

}  // namespace agon::detail
