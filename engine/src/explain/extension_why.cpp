// Certificates for extension semantics: a witness with the target's
// defence, and a counter-extension.
#include <algorithm>

#include "agon/error.hpp"
#include "agon/explain.hpp"

namespace agon {

namespace {

// Defenders in `witness` that answer the attackers of `target`: greedy (the
// defender answering most unanswered attackers first), then pruned so that
// no defender can be dropped.
void defend(const Snapshot& s, const Extension& witness, std::uint32_t target, ExtensionWhy& why) {
    std::vector<char> member(s.size(), 0);
    for (std::uint32_t v : witness) member[v] = 1;
    std::vector<std::uint32_t> attackers;
    for (std::uint32_t b : s.attackers().neighbours(target))
        if (std::find(attackers.begin(), attackers.end(), b) == attackers.end()) attackers.push_back(b);
    // Candidate defenders: members of the witness attacking some attacker.
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t b : attackers)
        for (std::uint32_t d : s.attackers().neighbours(b))
            if (member[d] && std::find(candidates.begin(), candidates.end(), d) == candidates.end()) candidates.push_back(d);
    auto answers = [&](std::uint32_t d, std::uint32_t b) {
        auto att = s.attacked().neighbours(d);
        return std::find(att.begin(), att.end(), b) != att.end();
    };
    std::vector<char> answered(attackers.size(), 0);
    std::vector<std::uint32_t> chosen;
    for (;;) {
        std::uint32_t best = 0;
        std::size_t best_gain = 0;
        for (std::uint32_t d : candidates) {
            std::size_t gain = 0;
            for (std::size_t i = 0; i < attackers.size(); ++i) gain += !answered[i] && answers(d, attackers[i]);
            if (gain > best_gain) best = d, best_gain = gain;
        }
        if (best_gain == 0) break;
        chosen.push_back(best);
        for (std::size_t i = 0; i < attackers.size(); ++i) answered[i] |= answers(best, attackers[i]);
    }
    // Prune: drop a defender whenever the others still answer every attacker it answers.
    for (std::size_t k = chosen.size(); k-- > 0;) {
        bool needed = false;
        for (std::uint32_t b : attackers) {
            if (!answers(chosen[k], b)) continue;
            bool other = false;
            for (std::size_t j = 0; j < chosen.size() && !other; ++j) other = j != k && answers(chosen[j], b);
            needed |= !other;
        }
        if (!needed) chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k));
    }
    for (std::size_t i = 0; i < attackers.size(); ++i) {
        auto d = std::find_if(chosen.begin(), chosen.end(), [&](std::uint32_t c) { return answers(c, attackers[i]); });
        if (d == chosen.end()) why.undefended.push_back(attackers[i]);
        else why.defence.emplace_back(*d, attackers[i]);
    }
}

}  // namespace

ExtensionWhy explain_extension(const Snapshot& s, ExtensionSemantics semantics, std::uint32_t target,
                               const Control& control) {
    if (target >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    ExtensionWhy why;
    why.target = target;
    why.semantics = semantics;
    Acceptance cred = credulous(s, semantics, target, control);
    why.credulous = cred.accepted;
    if (cred.accepted) {
        why.witness = std::move(cred.witness);
        defend(s, *why.witness, target, why);
    }
    Acceptance sk = skeptical(s, semantics, target, control);
    why.skeptical = sk.accepted;
    if (!sk.accepted) why.counter = std::move(sk.witness);
    // Skeptically accepted without being credulously accepted: no extension exists.
    why.has_extension = why.credulous || !why.skeptical;
    return why;
}

}  // namespace agon
