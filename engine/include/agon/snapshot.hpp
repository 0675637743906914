// agon/snapshot.hpp - the immutable, compressed view every evaluation works on.
//
// A Snapshot numbers claims 0..size()-1 and edges 0..edge_count()-1 (both in
// the order of the source) and keeps compressed-sparse-row adjacency for
// attacks and supports in both directions, plus the undercuts aimed at each
// edge. It is built once per evaluation (O(n + m), in the layout of Boost.Graph's
// compressed_sparse_row_graph) and shared read-only: all methods are const and
// safe to call from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "agon/graph.hpp"

namespace agon {

struct Framework;

/// Claim names shared between a snapshot and the results computed from it.
/// Cheap to copy. Without stored names, claim i is called "i+1" (ICCMA style).
class IdTable {
public:
    IdTable() = default;
    IdTable(std::shared_ptr<const std::vector<std::string>> names, std::uint32_t size)
        : names_(std::move(names)), size_(size) {}

    std::uint32_t size() const noexcept { return size_; }
    /// True when names are stored (false: ICCMA numbering).
    bool named() const noexcept { return names_ != nullptr; }
    std::string operator[](std::uint32_t i) const {
        return names_ ? (*names_)[i] : std::to_string(static_cast<std::uint64_t>(i) + 1);
    }

private:
    std::shared_ptr<const std::vector<std::string>> names_;
    std::uint32_t size_ = 0;
};

/// One direction of one relation in CSR form: the entries of vertex v are
/// [offsets[v], offsets[v+1]); `nodes` holds the neighbour and `edges` the
/// snapshot edge index of each entry.
struct Adjacency {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> nodes;
    std::vector<std::uint32_t> edges;

    std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
        return {nodes.data() + offsets[v], nodes.data() + offsets[v + 1]};
    }
    std::span<const std::uint32_t> edge_ids(std::uint32_t v) const {
        return {edges.data() + offsets[v], edges.data() + offsets[v + 1]};
    }
    std::uint32_t degree(std::uint32_t v) const { return offsets[v + 1] - offsets[v]; }
};

class Snapshot;

namespace detail {
/// The claim and edge columns a SnapshotBuilder fills and its Snapshot takes
/// over whole. Empty base, kinds, tags, edge_ids or edge_weight mean 1.0,
/// statement, none, "eN" and 1.0 (abstract frameworks).
struct SnapshotColumns {
    std::vector<double> base;
    std::vector<ClaimKind> kinds;
    std::vector<std::vector<std::string>> tags;
    std::vector<std::string> edge_ids;
    std::vector<EdgeKind> edge_kind;
    std::vector<std::uint32_t> edge_from, edge_to;
    std::vector<double> edge_weight;
};
}  // namespace detail

/// Collects claims and edges by dense index and builds a Snapshot. Used by
/// Snapshot::of and by scenarios, which overlay edits without copying a Graph.
class SnapshotBuilder {
public:
    /// Add claim number size() so far; returns its index.
    std::uint32_t add_claim(std::string id, double base, ClaimKind kind = ClaimKind::statement,
                            std::vector<std::string> tags = {});
    /// Add an edge between claim indices (or, for an undercut, from a claim to
    /// an edge index that must already exist); returns its index.
    std::uint32_t add_edge(std::string id, EdgeKind kind, std::uint32_t from, std::uint32_t to, double weight);
    void reserve(std::size_t claims, std::size_t edges);
    /// Build the snapshot. Claim ids must be unique (Graph and Scenario
    /// guarantee it). Throws invalid_input on indices out of range.
    Snapshot build() &&;

private:
    friend class Snapshot;
    std::vector<std::string> ids_;
    detail::SnapshotColumns c_;
};

class Snapshot {
public:
    /// Snapshot of a claim graph. O(n + m). Each claim's tags are followed by
    /// its `format`, `weighing`, `preference` and `criteria` attributes as
    /// `key:value` tags, one per line of the value (the Carneades evaluation
    /// reads them; docs/formats.md §1).
    static Snapshot of(const Graph& graph);
    /// Snapshot of an abstract framework: attack edges only, every base 1.0,
    /// an attack listed twice once. Names are not copied when the framework
    /// uses ICCMA numbering.
    static Snapshot of(const Framework& af);

    std::uint32_t size() const noexcept { return n_; }
    std::uint32_t edge_count() const noexcept { return static_cast<std::uint32_t>(c_.edge_kind.size()); }

    const IdTable& ids() const noexcept { return ids_; }
    std::string id(std::uint32_t v) const { return ids_[v]; }
    /// Dense index of a claim id; std::nullopt when absent.
    std::optional<std::uint32_t> index_of(std::string_view id) const;

    double base(std::uint32_t v) const { return c_.base.empty() ? 1.0 : c_.base[v]; }
    ClaimKind kind(std::uint32_t v) const { return c_.kinds.empty() ? ClaimKind::statement : c_.kinds[v]; }
    /// Tags of claim v (empty for frameworks).
    std::span<const std::string> tags(std::uint32_t v) const;

    EdgeKind edge_kind(std::uint32_t e) const { return c_.edge_kind[e]; }
    std::uint32_t edge_from(std::uint32_t e) const { return c_.edge_from[e]; }
    /// Target claim index, or target edge index for an undercut.
    std::uint32_t edge_to(std::uint32_t e) const { return c_.edge_to[e]; }
    double edge_weight(std::uint32_t e) const { return c_.edge_weight.empty() ? 1.0 : c_.edge_weight[e]; }
    std::string edge_id(std::uint32_t e) const;

    /// attackers().neighbours(v): claims attacking v. attacked(): claims v attacks.
    const Adjacency& attackers() const noexcept { return att_in_; }
    const Adjacency& attacked() const noexcept { return att_out_; }
    /// supporters().neighbours(v): claims supporting v. supported(): claims v supports.
    const Adjacency& supporters() const noexcept { return sup_in_; }
    const Adjacency& supported() const noexcept { return sup_out_; }
    /// undercutters().neighbours(e): claims undercutting edge e; edge_ids(e): the undercut edges.
    const Adjacency& undercutters() const noexcept { return und_in_; }

    bool has_supports() const noexcept { return !sup_in_.nodes.empty(); }
    bool has_undercuts() const noexcept { return !und_in_.nodes.empty(); }

private:
    friend class SnapshotBuilder;
    void index_edges();
    void drop_repeated_attacks();

    // Claim lookup by id, built on first use (many snapshots are never asked).
    struct LazyIndex {
        std::once_flag once;
        std::unordered_map<std::string, std::uint32_t> map;
    };

    std::uint32_t n_ = 0;
    IdTable ids_;
    std::shared_ptr<LazyIndex> index_ = std::make_shared<LazyIndex>();
    detail::SnapshotColumns c_;
    Adjacency att_in_, att_out_, sup_in_, sup_out_, und_in_;
};

/// Which edges count as dependencies when condensing.
enum class Dependencies {
    attacks,  ///< x -> y when x attacks y (extension semantics)
    all,      ///< also supports, and undercut sources -> the undercut edge's target (gradual)
};

/// Strongly connected components of a snapshot and a topological order of
/// its condensation (Boost.Graph strong_components). O(n + m).
struct Condensation {
    /// component[v]: the component of claim v.
    std::vector<std::uint32_t> component;
    /// Components in topological order: every dependency goes from an earlier
    /// component to a later one (or stays inside one).
    std::vector<std::uint32_t> order;
    /// members.neighbours(c): the claims of component c, ascending.
    Adjacency members;
    /// True when component c has a dependency edge inside it (a cycle or a self-loop).
    std::vector<bool> cyclic;

    std::uint32_t count() const noexcept { return static_cast<std::uint32_t>(cyclic.size()); }
    /// True when no component is cyclic.
    bool acyclic() const;
};

Condensation condense(const Snapshot& snapshot, Dependencies deps);

}  // namespace agon
