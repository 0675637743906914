#include "graph/checks.hpp"

#include <cmath>

#include "agon/error.hpp"
#include "util/number_text.hpp"

namespace agon::detail {

namespace {
[[noreturn]] void bad(const std::string& message) { throw Error(ErrorKind::invalid_input, message); }

}  // namespace

void check_base(const std::string& id, double base) {
    if (!(base >= 0.0 && base <= 1.0)) bad("claim '" + id + "': base score " + exact_number(base) + " is outside [0,1]");
}

void check_weight(const std::string& id, double weight) {
    if (!std::isfinite(weight) || weight < 0.0)
        bad("edge '" + id + "': weight " + exact_number(weight) + " must be finite and >= 0");
}

void check_claim_id(const std::string& id) {
    if (id.empty()) bad("claim with an empty id");
}

void duplicate_claim(const std::string& id) { bad("duplicate claim id '" + id + "'"); }
void duplicate_edge(const std::string& id) { bad("duplicate edge id '" + id + "'"); }

void unknown_endpoint(const Edge& edge, const char* end) {
    const bool edge_target = edge.kind == EdgeKind::undercut && std::string_view(end) == "to";
    bad("edge '" + edge.id + "': unknown " + (edge_target ? "edge '" : "claim '") +
        (std::string_view(end) == "to" ? edge.to : edge.from) + "' in '" + end + "'");
}

void undercut_on_claim(const Edge& edge) {
    bad("edge '" + edge.id + "': an undercut must point at an edge, but '" + edge.to + "' is a claim");
}

void no_claim(std::string_view id) { throw Error(ErrorKind::not_found, "no claim '" + std::string(id) + "'"); }
void no_edge(std::string_view id) { throw Error(ErrorKind::not_found, "no edge '" + std::string(id) + "'"); }

std::string fresh_edge_id(std::size_t edges, const std::function<bool(const std::string&)>& taken) {
    for (std::size_t n = edges + 1;; ++n) {
        std::string id = "e" + std::to_string(n);
        if (!taken(id)) return id;
    }
}

}  // namespace agon::detail
