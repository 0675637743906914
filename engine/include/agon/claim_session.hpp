// agon/claim_session.hpp - an incremental session (session.hpp) over a claim
// graph's attacks, with claims named by their ids instead of numbers: what the
// Lua face's g:session{} is. It reads a graph as extension semantics read it
// with support=none (supports ignored); graphs with undercut edges are
// refused, since flattening them adds auxiliary claims a change would have to
// keep in step.
// Not thread-safe: one thread at a time per session.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "agon/graph.hpp"
#include "agon/session.hpp"

namespace agon {

class ClaimSession {
public:
    /// The claims of `graph` and its attack edges (an attack given by two
    /// edges counts once) under `semantics`. Throws usage when the graph has
    /// an undercut edge. O(n + m).
    ClaimSession(const Graph& graph, ExtensionSemantics semantics);

    /// The semantics questions are answered under.
    ExtensionSemantics semantics() const noexcept { return session_.semantics(); }
    /// Change the semantics; the next question re-encodes (O(n + m)).
    void set_semantics(ExtensionSemantics semantics) { session_.set_semantics(semantics); }

    /// Add a claim. Throws invalid_input when the id exists (or is empty).
    void add_claim(const std::string& id);
    /// Remove a claim and its attacks. Throws not_found.
    void remove_claim(const std::string& id);
    /// Add the attack from -> to. Throws not_found for an unknown claim and
    /// invalid_input when the attack exists.
    void add_attack(const std::string& from, const std::string& to);
    /// Remove an attack. Throws not_found.
    void remove_attack(const std::string& from, const std::string& to);

    /// Is there a claim `id`?
    bool has_claim(const std::string& id) const { return number_.count(id) != 0; }
    /// Is there an attack from -> to? (False when either claim is unknown.)
    bool has_attack(const std::string& from, const std::string& to) const;
    /// The number of claims.
    std::size_t claim_count() const { return number_.size(); }
    /// The number of attacks.
    std::size_t attack_count() const { return session_.attack_count(); }

    /// Are all of `ids` together in some extension? Session::credulous; throws
    /// not_found ("no claim 'x'") for an unknown id.
    bool credulous(std::span<const std::string> ids, const Control& control = {});
    /// Are all of `ids` in every extension? Session::skeptical.
    bool skeptical(std::span<const std::string> ids, const Control& control = {});
    /// The witness of the last answer (Session::witness), claim ids in the
    /// order the claims were added.
    std::optional<std::vector<std::string>> witness(const Control& control = {});
    /// One extension (Session::some_extension), claim ids in the order the claims were added.
    std::optional<std::vector<std::string>> some_extension(const Control& control = {});
    /// The claim's grounded label, repaired below the changes. Throws not_found.
    Label grounded_label(const std::string& id);

    /// The underlying session's counters (Session::Stats).
    Session::Stats stats() const noexcept { return session_.stats(); }

private:
    std::uint32_t number(const std::string& id) const;
    std::vector<std::uint32_t> numbers(std::span<const std::string> ids) const;
    std::optional<std::vector<std::string>> names(const std::optional<Extension>& e) const;

    Session session_;
    std::unordered_map<std::string, std::uint32_t> number_;
    std::vector<std::string> name_;  // by number; numbers are never reused
};

}  // namespace agon
