// Internal: an enum's names, written once in a table and read both ways
// (to_string and the *_from_string parsers of the public headers).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace agon::detail {

template <class E>
using Named = std::pair<E, std::string_view>;

/// The name of `value`; the table lists every value (else its first name).
template <class E, std::size_t N>
constexpr std::string_view name_of(const Named<E> (&names)[N], E value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return names[0].second;
}

/// The value called `name`, or std::nullopt.
template <class E, std::size_t N>
constexpr std::optional<E> value_named(const Named<E> (&names)[N], std::string_view name) {
    for (const auto& [v, n] : names)
        if (n == name) return v;
    return std::nullopt;
}

}  // namespace agon::detail
