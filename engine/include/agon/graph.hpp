// agon/graph.hpp - the editable argument graph: claims joined by support,
// attack and undercut edges.
//
// A Graph owns its claims and edges and keeps them in insertion order, which is
// the order every output (JSON, DOT, labels) uses. Ids are unique across claims
// and across edges (a claim and an edge may share an id). Every mutator
// validates its input and throws agon::Error (ErrorKind::invalid_input or
// not_found) without changing the graph when the input is bad.
//
// Costs: lookup by id is O(1) on average; add is amortised O(1); removal is
// O(claims + edges) because it keeps the insertion order dense.
// Evaluation never works on a Graph directly: it builds a Snapshot first.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace agon {

/// A statement is a proposition; an argument is an inference node whose
/// premises support it and which supports its conclusion (Argdown, AIF, Carneades).
enum class ClaimKind { statement, argument };

/// support: `from` raises `to`; attack: `from` lowers `to`;
/// undercut: `from` attacks the inference of edge `to` (an edge id).
enum class EdgeKind { support, attack, undercut };

/// One claim. `base` is the prior strength in [0,1] used by gradual semantics.
struct Claim {
    std::string id;
    std::string text;
    double base = 0.5;
    ClaimKind kind = ClaimKind::statement;
    std::vector<std::string> tags;
    /// Free-form key/value pairs (source, url, ...), kept in insertion order.
    std::vector<std::pair<std::string, std::string>> attributes;

    /// The value of attribute `key`, or nullptr.
    const std::string* attribute(std::string_view key) const;
    /// True when `tag` is among the tags.
    bool has_tag(std::string_view tag) const;
};

/// One edge. For support and attack `to` names a claim; for undercut it names
/// an edge. `weight` is >= 0 (default 1); product-based semantics need <= 1.
struct Edge {
    std::string id;
    EdgeKind kind = EdgeKind::attack;
    std::string from;
    std::string to;
    double weight = 1.0;
};

/// Names used in files and on the command line ("statement", "support", ...).
std::string_view to_string(ClaimKind kind);
std::string_view to_string(EdgeKind kind);
/// Parse a kind name; std::nullopt when the name is unknown.
std::optional<ClaimKind> claim_kind_from_string(std::string_view name);
std::optional<EdgeKind> edge_kind_from_string(std::string_view name);

/// The editable graph. Copyable and movable; not safe for concurrent mutation,
/// safe for concurrent reads.
class Graph {
public:
    Graph() = default;

    /// Graph title shown on maps and exported files.
    const std::string& title() const noexcept { return title_; }
    void set_title(std::string title) { title_ = std::move(title); }

    /// Document-level key/value pairs, in insertion order: what a source
    /// format says about the whole graph (an OVA analysis' source `text`, ...).
    const std::vector<std::pair<std::string, std::string>>& attributes() const noexcept { return attributes_; }
    /// The value of graph attribute `key`, or nullptr.
    const std::string* attribute(std::string_view key) const;
    /// Set graph attribute `key`: its value is replaced, or it is appended.
    void set_attribute(std::string key, std::string value);

    /// Add a claim. Throws invalid_input on an empty or duplicate id, or a
    /// base outside [0,1]. Returns the stored claim.
    const Claim& add_claim(Claim claim);
    /// Add an edge. Throws invalid_input on an empty or duplicate id, a weight
    /// that is negative or not finite, a missing endpoint, an undercut whose
    /// `to` is not an edge, a support/attack whose `to` is not a claim, or an
    /// undercut cycle. An empty id is replaced by a fresh "eN".
    const Edge& add_edge(Edge edge);

    /// Replace a claim's fields except its id. Throws not_found / invalid_input.
    void update_claim(const Claim& claim);
    /// Change an edge's weight. Throws not_found / invalid_input.
    void set_weight(std::string_view edge_id, double weight);
    /// Change a claim's base score. Throws not_found / invalid_input.
    void set_base(std::string_view claim_id, double base);

    /// Remove a claim together with every edge touching it and every undercut
    /// of those edges (recursively). Throws not_found.
    void remove_claim(std::string_view id);
    /// Remove an edge and, recursively, the undercuts aimed at it. Throws not_found.
    void remove_edge(std::string_view id);

    /// Lookup; nullptr when absent.
    const Claim* find_claim(std::string_view id) const;
    const Edge* find_edge(std::string_view id) const;
    /// Dense index in insertion order; std::nullopt when absent.
    std::optional<std::size_t> claim_index(std::string_view id) const;
    std::optional<std::size_t> edge_index(std::string_view id) const;

    const std::vector<Claim>& claims() const noexcept { return claims_; }
    const std::vector<Edge>& edges() const noexcept { return edges_; }

    /// A fresh edge id not used by any edge: the first "eN" from N = number
    /// of edges + 1 up (a scenario picks its ids by the same rule).
    std::string fresh_edge_id() const;

private:
    void reindex();

    std::string title_;
    std::vector<std::pair<std::string, std::string>> attributes_;
    std::vector<Claim> claims_;
    std::vector<Edge> edges_;
    std::unordered_map<std::string, std::size_t> claim_at_;
    std::unordered_map<std::string, std::size_t> edge_at_;
};

/// Two graphs are equal when titles, graph attributes, claims and edges match
/// field by field, in order.
bool operator==(const Claim& a, const Claim& b);
bool operator==(const Edge& a, const Edge& b);
bool operator==(const Graph& a, const Graph& b);

}  // namespace agon
