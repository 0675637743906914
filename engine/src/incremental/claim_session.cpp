// ClaimSession: claim ids translated to the session's numbers (1, 2, ... in
// the order claims arrive; a removed claim's number is never reused, as the
// session requires of a new argument).
#include "agon/claim_session.hpp"

#include "agon/error.hpp"

namespace agon {

ClaimSession::ClaimSession(const Graph& graph, ExtensionSemantics semantics) : session_(semantics) {
    name_.emplace_back();  // numbers start at 1
    for (const Edge& e : graph.edges())
        if (e.kind == EdgeKind::undercut)
            throw Error(ErrorKind::usage, "a session reads attacks only; edge '" + e.id +
                                              "' is an undercut (evaluate the graph instead)");
    for (const Claim& c : graph.claims()) add_claim(c.id);
    for (const Edge& e : graph.edges())
        if (e.kind == EdgeKind::attack && !has_attack(e.from, e.to)) add_attack(e.from, e.to);
}

std::uint32_t ClaimSession::number(const std::string& id) const {
    auto it = number_.find(id);
    if (it == number_.end()) throw Error(ErrorKind::not_found, "no claim '" + id + "'");
    return it->second;
}

std::vector<std::uint32_t> ClaimSession::numbers(std::span<const std::string> ids) const {
    std::vector<std::uint32_t> out;
    out.reserve(ids.size());
    for (const std::string& id : ids) out.push_back(number(id));
    return out;
}

std::optional<std::vector<std::string>> ClaimSession::names(const std::optional<Extension>& e) const {
    if (!e) return std::nullopt;
    std::vector<std::string> out;
    out.reserve(e->size());
    for (std::uint32_t n : *e) out.push_back(name_[n]);
    return out;
}

void ClaimSession::add_claim(const std::string& id) {
    if (id.empty()) throw Error(ErrorKind::invalid_input, "a claim id cannot be empty");
    if (has_claim(id)) throw Error(ErrorKind::invalid_input, "claim '" + id + "' exists");
    const auto n = static_cast<std::uint32_t>(name_.size());
    session_.add_argument(n);
    name_.push_back(id);
    number_.emplace(id, n);
}

void ClaimSession::remove_claim(const std::string& id) {
    session_.remove_argument(number(id));
    number_.erase(id);
}

bool ClaimSession::has_attack(const std::string& from, const std::string& to) const {
    auto a = number_.find(from), b = number_.find(to);
    return a != number_.end() && b != number_.end() && session_.has_attack(a->second, b->second);
}

void ClaimSession::add_attack(const std::string& from, const std::string& to) {
    const std::uint32_t a = number(from), b = number(to);
    if (session_.has_attack(a, b))
        throw Error(ErrorKind::invalid_input, "attack '" + from + "' -> '" + to + "' exists");
    session_.add_attack(a, b);
}

void ClaimSession::remove_attack(const std::string& from, const std::string& to) {
    const std::uint32_t a = number(from), b = number(to);
    if (!session_.has_attack(a, b)) throw Error(ErrorKind::not_found, "no attack '" + from + "' -> '" + to + "'");
    session_.remove_attack(a, b);
}

bool ClaimSession::credulous(std::span<const std::string> ids, const Control& control) {
    return session_.credulous(numbers(ids), control).accepted;
}

bool ClaimSession::skeptical(std::span<const std::string> ids, const Control& control) {
    return session_.skeptical(numbers(ids), control).accepted;
}

std::optional<std::vector<std::string>> ClaimSession::witness(const Control& control) {
    return names(session_.witness(control));
}

std::optional<std::vector<std::string>> ClaimSession::some_extension(const Control& control) {
    return names(session_.some_extension(control));
}

Label ClaimSession::grounded_label(const std::string& id) { return session_.grounded_label(number(id)); }

}  // namespace agon
