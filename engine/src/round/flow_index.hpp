// Internal: who answered, extended or conceded what, and when - the facts
// the analysis, the judge and the flow sheet all read from a Round.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "agon/round.hpp"

namespace agon::detail {

/// One answer on the flow: claim `by` (an attack, turn or cross-applied
/// claim) answers `target` in speech number `speech` (flowed order).
struct Answer {
    std::string by, target;
    int speech = 0;
    bool turn = false;
    bool support = false;  ///< a support of the target (own side), not an answer
    /// Given in a rebuttal although the answering side had spoken since the
    /// target was made without answering it (a late, new-in-rebuttal answer).
    bool late = false;
};

/// The flow up to a speech, indexed.
struct FlowIndex {
    const Round* round = nullptr;
    int last = -1;  ///< flowed speeches 0..last are included
    /// Claims in flow order (moves that make claims, up to `last`).
    std::vector<const Move*> claims;
    std::map<std::string, int> speech_of;  ///< claim id -> flowed speech number
    std::vector<Answer> answers;           ///< attacks, turns, cross-applications and supports
    /// claim id -> positions in `answers` of the answers to it / given by it (flow order),
    /// so that reading one claim's answers does not scan them all.
    std::map<std::string, std::vector<std::size_t>, std::less<>> answers_to, answers_by;
    /// claim id -> flowed speeches where its side extended it explicitly.
    std::map<std::string, std::vector<int>> extends;
    /// claim id -> flowed speech where the other side conceded it.
    std::map<std::string, int> conceded;

    /// The answers to (`to` true) or by claim `id`, in flow order.
    std::vector<const Answer*> of(const std::string& id, bool to) const {
        std::vector<const Answer*> out;
        const auto& map = to ? answers_to : answers_by;
        if (auto it = map.find(id); it != map.end())
            for (std::size_t k : it->second) out.push_back(&answers[k]);
        return out;
    }
    const std::string& speech(int i) const { return round->speeches()[static_cast<std::size_t>(i)]; }
    std::string side(int i) const { return round->side_of(speech(i)); }
    const SpeechSpec& spec(int i) const { return *round->format().speech(speech(i)); }
    /// Whether flowed speeches `s` < `t` are one block of one side (every
    /// speech after `s` up to `t` shares_block with the one before it).
    bool same_block(int s, int t) const {
        for (int k = s + 1; k <= t; ++k)
            if (side(k) != side(s) || !spec(k).shares_block) return false;
        return true;
    }
};

/// The item of `items` with id `id`, through `index` (id -> position, built
/// with the items: O(log n)); a scan when items were added or removed since.
/// Analysis::find and Decision::find.
template <class T>
const T* find_indexed(const std::vector<T>& items, const std::map<std::string, std::size_t, std::less<>>& index,
                      std::string_view id) {
    if (index.size() == items.size()) {
        auto it = index.find(id);
        if (it == index.end()) return nullptr;
        if (it->second < items.size() && items[it->second].id == id) return &items[it->second];
        // An entry replaced by hand since: the index no longer says where it is.
    }
    for (const T& x : items)
        if (x.id == id) return &x;
    return nullptr;
}

/// Index `round` up to flowed speech number `last` (inclusive).
FlowIndex index_flow(const Round& round, int last);

}  // namespace agon::detail
