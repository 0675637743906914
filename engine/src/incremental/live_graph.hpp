// Internal: a claim graph that changes in place, for re-evaluation after
// small changes (incremental/reevaluator.hpp). Claims and edges live in slots
// that keep their number: a switched-off claim keeps its slot and its edges,
// which come back when it is switched on again (as a scenario's base edges
// do). An edge is live when it is not deleted and its endpoints are live (the
// claims alive and not isolated; for an undercut, the edge it targets live). Every change
// records what it touches, so an evaluator recomputes only from there.
// A claim's tags are what a Snapshot's are (snapshot.hpp): its own tags and
// then its evaluation attributes (the Carneades weighing, ...) as `key:value`
// tags, made by snapshot/evaluation_tags.hpp. The ids and tags of the claims
// and edges it starts with are read from the graph or snapshot it starts
// from, not copied (but for the few graph claims with evaluation attributes);
// only later claims and edges, and tags given again, are kept here. Its edge
// lists share one pool per kind (util/slot_lists.hpp): allocating and freeing
// a list per claim was most of what building it cost a large map's first question.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "agon/graph.hpp"
#include "agon/snapshot.hpp"
#include "util/slot_lists.hpp"

namespace agon::detail::incremental {

class LiveGraph {
public:
    /// Claim slot v is claim v of `s`, edge slot e its edge e; all alive, and
    /// all recorded as changes (the first evaluation takes them). `s` must
    /// outlive the graph and stay where it is (not moved): their ids and tags
    /// are read from it.
    explicit LiveGraph(const Snapshot& s);
    LiveGraph(const Snapshot&&) = delete;
    /// The same from a graph whose edge e joins claim from[e] to claim (an
    /// undercut: edge) to[e], as Scenario resolves them once per base graph;
    /// the graph is kept for its ids and tags. Both read each undercut after
    /// the edge it cuts, as graphs and snapshots keep them.
    LiveGraph(std::shared_ptr<const Graph> g, std::span<const std::uint32_t> from, std::span<const std::uint32_t> to);

    std::uint32_t claim_slots() const { return static_cast<std::uint32_t>(base_.size()); }
    std::uint32_t edge_slots() const { return static_cast<std::uint32_t>(edges_.size()); }

    bool alive(std::uint32_t v) const { return alive_[v] != 0; }
    bool isolated(std::uint32_t v) const { return isolated_[v] != 0; }
    double base(std::uint32_t v) const { return base_[v]; }
    std::string claim_id(std::uint32_t v) const;
    /// Claim v's tags; valid until claim v is switched on again.
    std::span<const std::string> tags(std::uint32_t v) const;
    /// True when claim v carries `tag`.
    bool tagged(std::uint32_t v, std::string_view tag) const;

    EdgeKind kind(std::uint32_t e) const { return edges_[e].kind; }
    std::uint32_t from(std::uint32_t e) const { return edges_[e].from; }
    /// Target claim slot, or target edge slot for an undercut.
    std::uint32_t to(std::uint32_t e) const { return edges_[e].to; }
    double weight(std::uint32_t e) const { return edges_[e].weight; }
    bool deleted(std::uint32_t e) const { return edges_[e].deleted != 0; }
    std::string edge_id(std::uint32_t e) const;
    bool live(std::uint32_t e) const { return edges_[e].live != 0; }
    /// The claim an edge finally acts on (follows undercut chains).
    std::uint32_t acted_on(std::uint32_t e) const {
        while (edges_[e].kind == EdgeKind::undercut) e = edges_[e].to;
        return edges_[e].to;
    }
    /// Effective weight under the strengths `sigma` (docs/semantics.md §0):
    /// w(e) * prod over live undercuts u of (1 - min(1, w_eff(u) sigma(src u))).
    double effective_weight(std::uint32_t e, const double* sigma) const {
        return edges_[e].undercut ? undercut_weight(e, sigma) : edges_[e].weight;
    }
    /// The product of raw weights from e along its undercut chain: how much a
    /// change of e's source can move, at most, what the edge acts on.
    double reach(std::uint32_t e) const {
        return edges_[e].kind == EdgeKind::undercut ? chain_reach(e) : edges_[e].weight;
    }

    /// Attack / support edges into claim v, edges out of v (every kind), and
    /// the undercuts aimed at edge e; deleted edges excluded, hidden ones not.
    /// Each is valid until the next add_edge.
    std::span<const std::uint32_t> attacks_into(std::uint32_t v) const { return att_in_[v]; }
    std::span<const std::uint32_t> supports_into(std::uint32_t v) const { return sup_in_[v]; }
    std::span<const std::uint32_t> edges_out(std::uint32_t v) const { return out_[v]; }
    std::span<const std::uint32_t> undercuts_of(std::uint32_t e) const {
        return edges_[e].undercut ? und_[e] : std::span<const std::uint32_t>();
    }

    /// Non-deleted attack or support edges heavier than 1 (which
    /// product-based semantics refuse).
    std::uint32_t heavy_count() const { return heavy_; }

    // ---- changes (the caller validates ids and ranges; a Claim's tags are
    // detail::evaluation_tags(claim), as Snapshot::of takes them) ----
    std::uint32_t add_claim(std::string id, double base, ClaimKind kind, const std::vector<std::string>& tags);
    /// Switch a claim off (its edges hide) or on again as a new claim of the same id.
    void switch_on(std::uint32_t v, double base, ClaimKind kind, const std::vector<std::string>& tags);
    void switch_off(std::uint32_t v);
    /// Cut a claim off from its edges (they hide) while it stays, or join it
    /// again: what robustness samples do to an absent claim.
    void isolate(std::uint32_t v, bool cut);
    std::uint32_t add_edge(std::string id, EdgeKind kind, std::uint32_t from, std::uint32_t to, double weight);
    /// Delete an edge for good (undercuts aimed at it hide with it).
    void delete_edge(std::uint32_t e);
    void set_base(std::uint32_t v, double base);
    void set_weight(std::uint32_t e, double weight);

    /// Claims whose life or base score changed, and edges that may have
    /// changed life or weight, since the last take (each may repeat).
    struct Changes {
        std::vector<std::uint32_t> claims, edges;
    };
    /// Move the changes into `into` (its old contents dropped, its buffers reused).
    void take_changes(Changes& into) {
        into.claims.clear();
        into.edges.clear();
        std::swap(into, changes_);
    }
    bool changed() const { return !changes_.claims.empty() || !changes_.edges.empty(); }
    /// Every claim and edge slot as changed: for an evaluator starting over.
    Changes everything() const;

    /// The live claims in `order` (slots) as a Snapshot, with the live edges
    /// in slot order: what a from-scratch evaluation reads. O(n + m).
    Snapshot snapshot(std::span<const std::uint32_t> order) const;

private:
    // What the evaluation loops read of an edge, in one place.
    struct EdgeCore {
        std::uint32_t from, to;
        double weight;
        EdgeKind kind;
        std::uint8_t deleted, live;
        std::uint8_t undercut;  // a non-deleted undercut is aimed at it
    };

    // After the constructors filled the claim and edge columns: the
    // adjacency lists (each allocated once), liveness and changes, in bulk.
    void index_all();
    std::span<const std::string> base_tags(std::uint32_t v) const;
    // Give claim v these tags, kept here unless they are those read anyway.
    void set_tags(std::uint32_t v, const std::vector<std::string>& tags);
    double undercut_weight(std::uint32_t e, const double* sigma) const;
    double chain_reach(std::uint32_t e) const;
    void count(std::uint32_t e, int sign);
    // Record v and the edges at it.
    void touch_claim(std::uint32_t v);
    // Recompute e's liveness, record it, and do the same for the undercuts aimed at it.
    void touch_edge(std::uint32_t e);

    // Where the first claim_base_ claims' and edge_base_ edges' ids and
    // tags are: one of the two.
    std::shared_ptr<const Graph> graph_;
    const Snapshot* snapshot_ = nullptr;
    std::uint32_t claim_base_ = 0, edge_base_ = 0;
    // Ids of the claims and edges added since, from those counts on.
    std::vector<std::string> added_claim_id_, added_edge_id_;
    // Evaluation tags of the graph's claims that have evaluation attributes
    // (the others' are their own tags, read from the graph).
    std::unordered_map<std::uint32_t, std::vector<std::string>> graph_tags_;
    // Tags of added claims and of claims switched on again, where they
    // differ from the first claims' own (or, for added claims, from none).
    std::unordered_map<std::uint32_t, std::vector<std::string>> own_tags_;

    std::vector<double> base_;
    std::vector<char> alive_, isolated_;
    std::vector<ClaimKind> claim_kind_;
    SlotLists att_in_, sup_in_, out_;

    std::vector<EdgeCore> edges_;
    SlotLists und_;  // lists up to the last edge an undercut was aimed at

    std::uint32_t heavy_ = 0;
    Changes changes_;
};

}  // namespace agon::detail::incremental
