// Internal: an answer a face holds already (question.hpp, explain and hinge
// with `answer`), checked against the subject it is said to answer.
#pragma once

#include <cstdint>
#include <string>

#include "agon/error.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon {

/// Throws usage unless `answer` has as many claims as `s` and claim `target`
/// of `s` at the same index. O(1).
inline void check_answer(const Result& answer, const Snapshot& s, std::uint32_t target) {
    if (answer.ids.size() != s.size() || answer.ids[target] != s.id(target))
        throw Error(ErrorKind::usage, "the answer given is not the answer of this graph (claim '" +
                                          std::string(s.id(target)) + "' is not where it should be)");
}

}  // namespace agon
