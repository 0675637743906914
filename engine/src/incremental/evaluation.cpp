// IncrementalEvaluation: a Scenario mirrored in a LiveGraph, answered by a
// Reevaluator.
#include <map>
#include <optional>
#include <unordered_map>

#include "agon/error.hpp"
#include "agon/incremental.hpp"
#include "live_graph.hpp"
#include "reevaluator.hpp"
#include "snapshot/evaluation_tags.hpp"

namespace agon {

using detail::incremental::LiveGraph;
using detail::incremental::Reevaluator;

struct IncrementalEvaluation::Impl {
    Scenario scenario;
    Request request;
    LiveGraph graph;
    Reevaluator answer;
    // Slots of the ids the scenario has (a removed claim keeps its slot, so
    // switching it on again brings its base edges back). Base claims and
    // edges are found by the base graph's own index, so a large map costs no
    // table of ours; a base edge's id stands for its slot until the edge is
    // deleted or an added edge takes the id (base_edge_mapped).
    std::unordered_map<std::string, std::uint32_t> added_claim_slot, added_edge_slot;
    std::vector<char> base_edge_mapped;
    std::uint32_t base_claims, base_edges;
    // Claims the scenario lists among its added claims, in its order; the
    // other live claims are base claims, in base order.
    std::vector<std::uint32_t> added;
    std::vector<char> listed;
    bool stale = true;
    Stats stats;
    std::vector<std::uint32_t> edges;  // forget_added()'s work list (a buffer kept)
    // Claim ids in snapshot order, rebuilt when claims come or go.
    IdTable ids;
    bool ids_stale = true;

    Impl(const Scenario& s, Request r)
        : scenario(s), request(std::move(r)), graph(s.base(), s.index_->from, s.index_->to), answer(request),
          base_claims(graph.claim_slots()), base_edges(graph.edge_slots()) {
        base_edge_mapped.assign(base_edges, 1);
        listed.assign(base_claims, 0);
        replay(s);
    }

    // The scenario's edits so far, in the order Scenario::snapshot applies them.
    void replay(const Scenario& s) {
        for (const auto& id : s.removed_claims_)
            if (auto v = claim_of(id)) graph.switch_off(*v);
        for (const auto& id : s.removed_edges_)
            if (auto e = edge_of(id)) {
                graph.delete_edge(*e);
                unmap_edge(id, *e);
            }
        for (const auto& [id, base] : s.base_of_)
            if (!s.removed_claims_.count(id))
                if (auto v = claim_of(id)) graph.set_base(*v, base);
        for (const auto& [id, weight] : s.weight_of_)
            if (auto e = edge_of(id)) graph.set_weight(*e, weight);
        for (const Claim& c : s.added_claims_) mirror_claim(c);
        for (const Edge& e : s.added_edges_) mirror_edge(e);
    }

    std::optional<std::uint32_t> claim_of(const std::string& id) const {
        if (auto i = scenario.base()->claim_index(id)) return static_cast<std::uint32_t>(*i);
        if (auto it = added_claim_slot.find(id); it != added_claim_slot.end()) return it->second;
        return std::nullopt;
    }

    std::optional<std::uint32_t> edge_of(const std::string& id) const {
        if (auto it = added_edge_slot.find(id); it != added_edge_slot.end()) return it->second;
        if (auto i = scenario.base()->edge_index(id); i && base_edge_mapped[*i]) return static_cast<std::uint32_t>(*i);
        return std::nullopt;
    }

    // Id `id` stands for the new edge slot e now (a base edge of that id no more).
    void map_edge(const std::string& id, std::uint32_t e) {
        if (auto i = scenario.base()->edge_index(id)) base_edge_mapped[*i] = 0;
        added_edge_slot[id] = e;
    }

    // Id `id`, which stands for edge slot e, stands for nothing now.
    void unmap_edge(const std::string& id, std::uint32_t e) {
        if (e < base_edges) base_edge_mapped[e] = 0;
        else added_edge_slot.erase(id);
    }

    void mirror_claim(const Claim& c) {
        std::uint32_t v;
        if (auto found = claim_of(c.id)) {
            // A removed base claim added again: a new claim, without the old
            // edges (the scenario removed them; its added ones went with it).
            v = *found;
            std::vector<std::uint32_t> old;
            for (auto edges : {graph.edges_out(v), graph.attacks_into(v), graph.supports_into(v)})
                old.insert(old.end(), edges.begin(), edges.end());
            for (std::uint32_t e : old) forget_edge(e);
            graph.switch_on(v, c.base, c.kind, detail::evaluation_tags(c));
        } else {
            v = graph.add_claim(c.id, c.base, c.kind, detail::evaluation_tags(c));
            added_claim_slot.emplace(c.id, v);
            listed.push_back(0);
        }
        listed[v] = 1;
        added.push_back(v);
        ids_stale = true;
    }

    void mirror_edge(const Edge& e) {
        const auto from = claim_of(e.from);
        const auto to = e.kind == EdgeKind::undercut ? edge_of(e.to) : claim_of(e.to);
        if (!from || !to) return;  // an undercut left without its target: the scenario drops it too
        map_edge(e.id, graph.add_edge(e.id, e.kind, *from, *to, e.weight));
    }

    // Delete edge e and its mapping (the scenario forgot it).
    void forget_edge(std::uint32_t e) {
        const std::string id = graph.edge_id(e);
        if (edge_of(id) == e) unmap_edge(id, e);
        graph.delete_edge(e);
    }

    // Forget the added edges among `edges` and the added undercuts aimed at
    // them, to any depth (base edges among them only hide): the scenario drops
    // an edge with its claims and an undercut with its target. Empties `edges`.
    void forget_added(std::vector<std::uint32_t>& edges) {
        while (!edges.empty()) {
            const std::uint32_t e = edges.back();
            edges.pop_back();
            const auto undercuts = graph.undercuts_of(e);
            edges.insert(edges.end(), undercuts.begin(), undercuts.end());
            if (e >= base_edges) forget_edge(e);
        }
    }

    std::vector<std::uint32_t> order() const {
        std::vector<std::uint32_t> out;
        out.reserve(graph.claim_slots());
        for (std::uint32_t v = 0; v < base_claims; ++v)
            if (graph.alive(v) && !listed[v]) out.push_back(v);
        out.insert(out.end(), added.begin(), added.end());
        return out;
    }

    void refresh(const Control& control) {
        if (!stale) return;
        const std::uint64_t scratch_before = answer.from_scratch_count();
        answer.update(graph, [this] { return order(); }, control);
        stale = false;
        ++stats.questions;
        stats.from_scratch += answer.from_scratch_count() - scratch_before;
        stats.last_work = answer.run().iterations;
    }

    std::uint32_t slot_of(std::string_view id) const {
        const auto v = claim_of(std::string(id));
        if (!v || !graph.alive(*v)) throw Error(ErrorKind::not_found, "no claim '" + std::string(id) + "'");
        return *v;
    }
};

IncrementalEvaluation::IncrementalEvaluation(const Scenario& scenario, Request request)
    : impl_(std::make_unique<Impl>(scenario, std::move(request))) {}
IncrementalEvaluation::~IncrementalEvaluation() = default;
IncrementalEvaluation::IncrementalEvaluation(IncrementalEvaluation&&) noexcept = default;
IncrementalEvaluation& IncrementalEvaluation::operator=(IncrementalEvaluation&&) noexcept = default;

const Scenario& IncrementalEvaluation::scenario() const noexcept { return impl_->scenario; }
const Request& IncrementalEvaluation::request() const noexcept { return impl_->request; }
bool IncrementalEvaluation::incremental() const noexcept { return impl_->answer.incremental(); }
IncrementalEvaluation::Stats IncrementalEvaluation::stats() const noexcept { return impl_->stats; }

void IncrementalEvaluation::add_claim(Claim claim) {
    impl_->scenario.add_claim(claim);
    impl_->mirror_claim(claim);
    impl_->stale = true;
}

void IncrementalEvaluation::restore_claim(std::string_view id) {
    Impl& m = *impl_;
    const std::string key(id);
    m.scenario.restore_claim(key);
    const Claim& claim = *m.scenario.base()->find_claim(key);
    auto over = m.scenario.base_of_.find(key);
    m.graph.switch_on(m.claim_of(key).value(), over == m.scenario.base_of_.end() ? claim.base : over->second, claim.kind,
                      detail::evaluation_tags(claim));
    m.ids_stale = true;
    m.stale = true;
}

std::string IncrementalEvaluation::add_edge(Edge edge) {
    impl_->scenario.add_edge(std::move(edge));
    const Edge& added = impl_->scenario.added_edges().back();
    // The scenario took the id of an edge that is gone: that one stays gone.
    if (auto e = impl_->edge_of(added.id)) impl_->forget_edge(*e);
    impl_->mirror_edge(added);
    impl_->stale = true;
    return added.id;
}

void IncrementalEvaluation::remove_claim(std::string_view id) {
    Impl& m = *impl_;
    // A copy: `id` may be the scenario's own (set_scenario passes an added
    // claim's), which the removal destroys.
    const std::string key(id);
    m.scenario.remove_claim(key);
    const std::uint32_t v = m.claim_of(key).value();
    for (auto at : {m.graph.edges_out(v), m.graph.attacks_into(v), m.graph.supports_into(v)})
        m.edges.insert(m.edges.end(), at.begin(), at.end());
    m.forget_added(m.edges);
    m.graph.switch_off(v);
    if (m.listed[v]) {
        m.listed[v] = 0;
        std::erase(m.added, v);
    }
    m.ids_stale = true;
    m.stale = true;
}

void IncrementalEvaluation::remove_edge(std::string_view id) {
    Impl& m = *impl_;
    const std::string key(id);  // as in remove_claim
    m.scenario.remove_edge(key);
    const auto found = m.edge_of(key);
    if (!found) return;
    const std::uint32_t e = *found;
    m.edges.assign(1, e);
    m.forget_added(m.edges);
    m.forget_edge(e);
    m.stale = true;
}

void IncrementalEvaluation::set_base(std::string_view claim_id, double base) {
    impl_->scenario.set_base(std::string(claim_id), base);
    impl_->graph.set_base(impl_->slot_of(claim_id), base);
    impl_->stale = true;
}

void IncrementalEvaluation::set_weight(std::string_view edge_id, double weight) {
    impl_->scenario.set_weight(std::string(edge_id), weight);
    if (auto e = impl_->edge_of(std::string(edge_id))) impl_->graph.set_weight(*e, weight);
    impl_->stale = true;
}

namespace {

// How many leading items a and b share, equal but perhaps for `number` (a
// base score, a weight).
template <class T>
std::size_t common_prefix(const std::vector<T>& a, const std::vector<T>& b, double T::*number) {
    std::size_t n = 0;
    for (; n < a.size() && n < b.size(); ++n) {
        T item = a[n];
        item.*number = b[n].*number;
        if (!(item == b[n])) break;
    }
    return n;
}

}  // namespace

void IncrementalEvaluation::set_scenario(const Scenario& target) {
    Impl& m = *impl_;
    const Scenario& now = m.scenario;
    if (&target == &now) return;
    if (target.base() == now.base() && target.removed_edges_ == now.removed_edges_) try {
        // Added claims: the common prefix (perhaps other bases) stays; the
        // rest goes, newest first, with its added edges.
        const std::size_t claims = common_prefix(now.added_claims_, target.added_claims_, &Claim::base);
        while (now.added_claims_.size() > claims) remove_claim(now.added_claims_.back().id);
        // Base claims switched on again, then those switched off (the target
        // has no added edge touching them either).
        for (const std::string& id : std::vector<std::string>(now.removed_claims_.begin(), now.removed_claims_.end()))
            if (!target.removed_claims_.count(id)) restore_claim(id);
        for (const std::string& id : target.removed_claims_)
            if (!now.removed_claims_.count(id)) remove_claim(id);
        // Added edges: the common prefix (perhaps other weights) stays.
        const std::size_t edges = common_prefix(now.added_edges_, target.added_edges_, &Edge::weight);
        while (now.added_edges_.size() > edges) remove_edge(now.added_edges_.back().id);
        for (std::size_t i = claims; i < target.added_claims_.size(); ++i) add_claim(target.added_claims_[i]);
        for (std::size_t i = edges; i < target.added_edges_.size(); ++i) add_edge(target.added_edges_[i]);
        // Base scores and weights: only those that differ are set.
        const Graph& base = *now.base();
        for (std::size_t i = 0; i < claims; ++i)
            if (now.added_claims_[i].base != target.added_claims_[i].base)
                m.graph.set_base(m.claim_of(target.added_claims_[i].id).value(), target.added_claims_[i].base), m.stale = true;
        for (std::size_t i = 0; i < edges; ++i)
            if (now.added_edges_[i].weight != target.added_edges_[i].weight)
                if (auto e = m.edge_of(target.added_edges_[i].id))
                    m.graph.set_weight(*e, target.added_edges_[i].weight), m.stale = true;
        // Calls set(id, b's value or nullopt: the base graph's) where a and b differ.
        auto changed = [](const std::map<std::string, double>& a, const std::map<std::string, double>& b, auto&& set) {
            for (const auto& [id, x] : a)
                if (auto it = b.find(id); it == b.end()) set(id, std::nullopt);
                else if (it->second != x) set(id, it->second);
            for (const auto& [id, x] : b)
                if (!a.count(id)) set(id, x);
        };
        changed(now.base_of_, target.base_of_, [&](const std::string& id, std::optional<double> x) {
            if (target.removed_claims_.count(id)) return;  // off: restore_claim reads the target's base
            m.graph.set_base(m.claim_of(id).value(), x ? *x : base.find_claim(id)->base);
            m.stale = true;
        });
        changed(now.weight_of_, target.weight_of_, [&](const std::string& id, std::optional<double> x) {
            if (auto e = m.edge_of(id)) {
                m.graph.set_weight(*e, x ? *x : base.find_edge(id)->weight);
                m.stale = true;
            }
        });
        m.scenario = target;
        return;
    } catch (const Error&) {
        // An edit refused on the way (none is expected: the two remove the
        // same base edges, so the target's edits apply): start over.
    }
    const Stats kept = m.stats;
    impl_ = std::make_unique<Impl>(target, m.request);
    impl_->stats = kept;
}

double IncrementalEvaluation::value(std::string_view claim_id, const Control& control) {
    const std::uint32_t v = impl_->slot_of(claim_id);
    impl_->refresh(control);
    return impl_->answer.value(v);
}

Label IncrementalEvaluation::label(std::string_view claim_id, const Control& control) {
    const std::uint32_t v = impl_->slot_of(claim_id);
    impl_->refresh(control);
    return impl_->answer.label(v);
}

Result IncrementalEvaluation::result(const Control& control) {
    Impl& m = *impl_;
    m.refresh(control);
    const std::vector<std::uint32_t> slots = m.order();
    if (m.ids_stale) {
        auto names = std::make_shared<std::vector<std::string>>();
        names->reserve(slots.size());
        for (std::uint32_t v : slots) names->push_back(m.graph.claim_id(v));
        m.ids = IdTable(std::move(names), static_cast<std::uint32_t>(slots.size()));
        m.ids_stale = false;
    }
    Result r = m.answer.run();
    r.semantics = m.request.semantics;
    r.ids = m.ids;
    if (m.answer.gives_labels()) {
        r.labels.reserve(slots.size());
        for (std::uint32_t v : slots) r.labels.push_back(m.answer.label(v));
    } else {
        r.strength.reserve(slots.size());
        for (std::uint32_t v : slots) r.strength.push_back(m.answer.value(v));
    }
    return r;
}

}  // namespace agon
