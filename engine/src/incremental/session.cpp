// The public Session: changes go to the dynamic framework, which reports the
// touched arguments to the grounded repair and the warm encoding; questions
// are answered by the grounded labelling when it decides them, otherwise by
// the search loops of cegar.hpp on the warm solver.
#include "agon/session.hpp"

#include <algorithm>

#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "agon/framework.hpp"
#include "agon/snapshot.hpp"
#include "dynamic_framework.hpp"
#include "grounded_repair.hpp"
#include "kept_stable.hpp"
#include "semantics/extensions/cegar.hpp"
#include "semantics/extensions/parts.hpp"
#include "semantics/extensions/skeptical_preferred.hpp"
#include "warm_encoding.hpp"

namespace agon {

using namespace detail::incremental;
using detail::ext::exactly;
using detail::ext::grow_in;
using detail::ext::grow_range;
using detail::ext::ideal_in;
using detail::ext::in_set;
using detail::ext::range_maximal_with;
using Sem = ExtensionSemantics;

namespace {

Candidates candidates_for(Sem sem) {
    switch (sem) {
        case Sem::stable: return Candidates::stable;
        case Sem::stage: return Candidates::conflict_free;
        case Sem::semi_stable: return Candidates::admissible;
        default: return Candidates::complete;
    }
}

bool complete_based(Sem sem) { return sem != Sem::stable && sem != Sem::stage; }

}  // namespace

struct Session::Impl {
    Sem sem;
    DynamicFramework af;
    GroundedRepair grounded;
    std::unique_ptr<WarmEncoding> enc;
    // Semi-stable and stage: the stable encoding their questions go to while
    // a stable extension exists (as_stable).
    std::unique_ptr<WarmEncoding> stable_enc;
    std::optional<Extension> ideal;  // cached until the next change
    KeptStable kept;  // stable extensions of earlier answers, still stable
    std::vector<std::uint32_t> touched;  // the framework's touched slots (a buffer kept)
    bool stable_likely = true;  // semi-stable, stage: the last check found a stable extension
    Stats stats;
    // The last answer's witness: ready, or any extension, or a preferred
    // extension grown from `grow_from` (assumptions); none after a change.
    struct Witness {
        bool exists = false, any_extension = false;
        std::optional<Extension> ready;
        std::vector<int> grow_from;
    } last;

    explicit Impl(Sem s) : sem(s) {}

    void changed() {
        af.take_touched(touched);
        if (touched.empty()) return;
        last = {};
        grounded.changed(touched);
        if (enc) enc->changed(touched);
        if (stable_enc) stable_enc->changed(touched);
        kept.changed(af, touched);
        ideal.reset();
    }

    const std::vector<Label>& labels() {
        changed();
        const auto& l = grounded.labels(af);
        stats.relabelled += grounded.last_repair_size();
        return l;
    }

    WarmEncoding& encoding() {
        return synced(enc, candidates_for(sem), sem == Sem::semi_stable || sem == Sem::stage);
    }
    WarmEncoding& stable_encoding() { return synced(stable_enc, Candidates::stable, false); }
    WarmEncoding& synced(std::unique_ptr<WarmEncoding>& e, Candidates kind, bool range) {
        changed();
        if (e && e->swollen(af)) ++stats.encodings_for_variables;  // no use syncing it
        else if (e && e->sync(af)) return *e;
        e = std::make_unique<WarmEncoding>(af, kind, range);
        ++stats.encodings;
        return *e;
    }

    // Slots are never reused (solver variables keep their meaning), so
    // arguments that come and go leave dead slots that every question walks:
    // 40,000 removals of one argument made a skeptical question on 21
    // arguments 16 times slower than on a fresh session. Once the dead slots
    // outnumber the live ones and 1,024, the live framework moves to fresh
    // slots and everything kept per slot starts afresh: O(n + m), once per
    // that many removals.
    void compact_if_sparse() {
        const std::size_t live = af.size(), dead = af.slots() - live;
        if (dead <= std::max<std::size_t>(live, 1024)) return;
        std::vector<std::uint32_t> ids, index(af.slots());
        for (std::uint32_t s = 0; s < af.slots(); ++s)
            if (af.alive(s)) {
                index[s] = static_cast<std::uint32_t>(ids.size());
                ids.push_back(af.id(s));
            }
        std::vector<std::uint64_t> attacks;
        for (std::uint32_t s = 0; s < af.slots(); ++s)
            if (af.alive(s))
                for (std::uint32_t b : af.targets(s)) attacks.push_back(std::uint64_t{index[s]} << 32 | index[b]);
        af = DynamicFramework{};
        af.assign(std::move(ids), std::move(attacks));
        grounded = GroundedRepair{};
        enc.reset();
        stable_enc.reset();
        kept = KeptStable{};
        ideal.reset();
        last = {};
        stable_likely = true;
        ++stats.compactions;
    }

    std::vector<std::uint32_t> slots(std::span<const std::uint32_t> ids) const {
        std::vector<std::uint32_t> out;
        for (std::uint32_t id : ids) out.push_back(af.slot(id));
        return out;
    }

    Extension grounded_extension() {
        const auto& l = labels();
        Extension e;
        for (std::uint32_t s = 0; s < af.slots(); ++s)
            if (af.alive(s) && l[s] == Label::in) e.push_back(af.id(s));
        std::sort(e.begin(), e.end());
        return e;
    }

    const Extension& ideal_extension(const Control& control) {
        changed();  // drops a cached ideal extension the changes since made stale
        if (ideal) return *ideal;
        Query q(encoding(), af, control);
        q.solve({});
        grow_in(q, {});
        ideal = q.ids(ideal_in(q, in_set(q), control));
        return *ideal;
    }

    // For complete-based semantics the grounded labelling decides the
    // question when all claims are in it (every extension has them) or one is
    // out of it (no extension has it). Stable extensions are complete too, but
    // there may be none: a claim out of the labelling is in no stable
    // extension (credulous no), claims all in it are in every one (skeptical
    // yes, vacuously when there is none). With `any` (a credulous question
    // about one of the claims at least): one in decides yes but under stable,
    // all out decides no. std::nullopt otherwise.
    std::optional<bool> decided_by_grounded(const std::vector<std::uint32_t>& v, bool credulous_question, bool any) {
        if (!complete_based(sem) && sem != Sem::grounded && sem != Sem::stable) return std::nullopt;
        const auto& l = labels();
        bool all_in = true, some_out = false, some_in = false, all_out = true;
        for (std::uint32_t s : v) {
            some_out |= l[s] == Label::out;
            all_in &= l[s] == Label::in;
            some_in |= l[s] == Label::in;
            all_out &= l[s] == Label::out;
        }
        if (any) {
            if (all_out) return false;
            if (sem == Sem::stable) return std::nullopt;
            if (some_in) return true;
            if (sem == Sem::grounded) return false;
            return std::nullopt;
        }
        if (sem == Sem::stable) {
            if (credulous_question && some_out) return false;
            if (!credulous_question && all_in) return true;
            return std::nullopt;
        }
        if (some_out) return false;
        if (all_in) return true;
        if (sem == Sem::grounded) return false;
        return std::nullopt;
    }

    std::optional<Extension> some(const Control& control) {
        switch (sem) {
            case Sem::grounded:
            case Sem::complete: return grounded_extension();
            case Sem::ideal: return ideal_extension(control);
            default: break;
        }
        Query q(encoding(), af, control);
        if (!q.solve({})) return std::nullopt;
        if (sem == Sem::preferred) grow_in(q, {});
        if (sem == Sem::semi_stable || sem == Sem::stage) grow_range(q);
        keep_if_stable(q);
        return q.ids(in_set(q));
    }

    // Stable, stage and semi-stable questions: a kept stable extension with
    // all the claims (`with`) or without one of them answers them (while a
    // stable extension exists, stage and semi-stable ones are the stable ones).
    const std::vector<char>* kept_answer(const std::vector<std::uint32_t>& v, bool with) {
        if (sem != Sem::stable && sem != Sem::stage && sem != Sem::semi_stable) return nullptr;
        changed();
        const auto* e = kept.find(v, with);
        if (e) {
            ++stats.by_kept;
            last.exists = true;
            last.ready = Extension{};
            for (std::uint32_t s = 0; s < af.slots(); ++s)
                if (af.alive(s) && (*e)[s]) last.ready->push_back(af.id(s));
            std::sort(last.ready->begin(), last.ready->end());
        }
        return e;
    }

    // Stable questions: an earlier refutation of every stable extension
    // still stands (the groups it used were not re-encoded since), so there
    // is none (a credulous no, a vacuous skeptical yes).
    bool no_stable() {
        if (sem != Sem::stable || !encoding().refuted()) return false;
        ++stats.by_refutation;
        return true;
    }

    // Keep the solver's answer for later questions when it is a stable
    // extension (stage and semi-stable: when its range is everything).
    void keep_if_stable(const Query& q) {
        if (sem != Sem::stable && sem != Sem::stage && sem != Sem::semi_stable) return;
        for (std::uint32_t s = 0; s < q.n(); ++s)
            if (sem != Sem::stable && af.alive(s) && !q.value(q.r(s))) return;
        kept.keep(af, in_set(q));
    }

    // The part of the framework that decides `v` (undecided in the grounded
    // labelling) under directional semantics: v and, recursively, the
    // undecided attackers of its members, in local numbering, with their
    // attacks among themselves (the grounded reduct: every complete extension
    // is the grounded one plus a complete extension of the reduct). The out
    // attackers of the part go to `out`; an undecided argument has no in attacker.
    struct Part {
        std::vector<std::uint32_t> slots, out;
        detail::ext::Core core;
    };
    Part undecided_ancestors(const std::vector<std::uint32_t>& v) {
        const auto& l = labels();
        Part p;
        std::vector<std::int64_t> local(af.slots(), -1);
        auto reach = [&](std::uint32_t s) {
            if (local[s] >= 0) return;
            if (l[s] == Label::out) {
                local[s] = -2;
                p.out.push_back(s);
                return;
            }
            local[s] = static_cast<std::int64_t>(p.slots.size());
            p.slots.push_back(s);
        };
        for (std::uint32_t s : v) reach(s);
        for (std::size_t i = 0; i < p.slots.size(); ++i)
            for (std::uint32_t b : af.attackers(p.slots[i])) reach(b);
        p.core.global = p.slots;
        std::vector<std::uint32_t> row, target_count(p.slots.size(), 0);
        for (std::uint32_t a = 0; a < p.slots.size(); ++a) {
            row.clear();
            for (std::uint32_t b : af.attackers(p.slots[a]))
                if (local[b] >= 0) row.push_back(static_cast<std::uint32_t>(local[b]));
            for (std::uint32_t b : row) ++target_count[b];
            p.core.attackers.add_list(row);
        }
        p.core.targets.assign(target_count);
        for (std::uint32_t a = 0; a < p.slots.size(); ++a)
            for (std::uint32_t b : p.core.attackers[a]) p.core.targets.push_back(b, a);
        return p;
    }

    static bool contains_all(const Extension& e, std::span<const std::uint32_t> ids) {
        return std::all_of(ids.begin(), ids.end(), [&](std::uint32_t v) { return std::binary_search(e.begin(), e.end(), v); });
    }
    static bool contains_any(const Extension& e, std::span<const std::uint32_t> ids) {
        return std::any_of(ids.begin(), ids.end(), [&](std::uint32_t v) { return std::binary_search(e.begin(), e.end(), v); });
    }

    // The side of a question on q's solver: all the claims in (credulous),
    // a fresh literal implying that one of them is in (credulous, `any`), or
    // one implying that one of them is out.
    static std::vector<int> side_of(Query& q, const std::vector<std::uint32_t>& v, bool credulous_question, bool any = false) {
        std::vector<int> side;
        if (credulous_question && any) {
            const int with = q.fresh();
            std::vector<int> some_in{-with};
            for (std::uint32_t s : v) some_in.push_back(q.x(s));
            q.clause(some_in);
            return {with};
        }
        if (credulous_question) {
            for (std::uint32_t s : v) side.push_back(q.x(s));
            return side;
        }
        const int without = q.fresh();
        std::vector<int> some_out{-without};
        for (std::uint32_t s : v) some_out.push_back(-q.x(s));
        q.clause(some_out);
        return {without};
    }

    // Semi-stable and stage while a stable extension exists: their
    // extensions are the stable ones, so the question goes to the stable
    // encoding (one variable per argument, no range: on er_225 sequences
    // with a stable extension, a stage "no" took 0.1-0.2 s there against
    // 0.2-0.35 s on the range encoding). The accepted answer, or
    // std::nullopt when there is no stable extension (range_maximal then
    // checks on the range encoding until it finds one again).
    std::optional<bool> as_stable(const std::vector<std::uint32_t>& v, bool credulous_question, const Control& control,
                                  bool any = false) {
        if (!stable_likely || (sem != Sem::semi_stable && sem != Sem::stage)) return std::nullopt;
        Query q(stable_encoding(), af, control);
        if (!q.solve({})) {
            stable_likely = false;
            return std::nullopt;
        }
        kept.keep(af, in_set(q));
        last.exists = q.solve(side_of(q, v, credulous_question, any));
        if (last.exists) {
            kept.keep(af, in_set(q));
            last.ready = q.ids(in_set(q));
        }
        return last.exists == credulous_question;
    }

    // Semi-stable and stage: the stable extensions should one exist (one
    // SAT call each), otherwise the CEGAR loop. The stable check stays on
    // the range encoding while there is none: skipping it was faster on most
    // stage questions on er_225 but far slower on the hard ones (11.5 s
    // against 3.8 s for step 16 of the attacks sequence, CPU time; what it
    // learns about full ranges serves the maximality proofs). True when an
    // answer meets `side`; the solver is then left on it.
    bool range_maximal(Query& q, std::vector<int> side) {
        std::vector<int> full;
        for (std::uint32_t a = 0; a < q.n(); ++a) full.push_back(q.r(a));
        if (!q.solve(full)) return range_maximal_with(q, side);
        stable_likely = true;
        side.insert(side.end(), full.begin(), full.end());
        return q.solve(side);
    }

    // A new question about the claims in slots `v`: counted, the last witness
    // forgotten, and answered here when the grounded labelling decides it (a
    // witness then exists when the credulous answer is yes or the skeptical
    // one no, and any extension is one).
    std::optional<Acceptance> ask(const std::vector<std::uint32_t>& v, bool credulous_question, bool any = false) {
        ++stats.questions;
        last = {};
        const auto known = decided_by_grounded(v, credulous_question, any);
        if (!known) return std::nullopt;
        ++stats.by_grounded;
        Acceptance out;
        out.accepted = *known;
        last.exists = last.any_extension = out.accepted == credulous_question;
        return out;
    }

    // A stage or semi-stable question about one argument whose part of the
    // framework (no attack joins it to the rest) is not the whole: from
    // scratch, which answers it on that part alone (extensions/parts.hpp),
    // since the warm encoding of the whole searched every part (a credulous
    // "no" on 124 arguments in 13 parts: about a minute). O(n + m) to build
    // the framework (from scratch finds the part again on it); std::nullopt
    // (O(the part)) otherwise.
    std::optional<Acceptance> on_part(const std::vector<std::uint32_t>& v, bool credulous_question, const Control& control) {
        if ((sem != Sem::stage && sem != Sem::semi_stable) || v.size() != 1) return std::nullopt;
        changed();  // the changes taken now, or witness() would take them and drop the witness
        std::vector<char> in_part(af.slots(), 0);
        const std::size_t size = detail::ext::mark_part(in_part, v[0], af.size(), [&](std::uint32_t a, auto&& visit) {
            for (std::uint32_t b : af.attackers(a)) visit(b);
            for (std::uint32_t b : af.targets(a)) visit(b);
        });
        if (size == af.size()) return std::nullopt;
        Framework whole;
        std::vector<std::uint32_t> index(af.slots()), slot_at;
        for (std::uint32_t slot = 0; slot < af.slots(); ++slot)
            if (af.alive(slot)) {
                index[slot] = static_cast<std::uint32_t>(slot_at.size());
                slot_at.push_back(slot);
            }
        whole.size = static_cast<std::uint32_t>(slot_at.size());
        for (std::uint32_t slot : slot_at)
            for (std::uint32_t b : af.targets(slot)) whole.attacks.emplace_back(index[slot], index[b]);
        const Snapshot snapshot = Snapshot::of(whole);
        Acceptance out = credulous_question ? agon::credulous(snapshot, sem, index[v[0]], control)
                                            : agon::skeptical(snapshot, sem, index[v[0]], control);
        if (out.witness) {
            Extension ids;
            for (std::uint32_t i : *out.witness) ids.push_back(af.id(slot_at[i]));
            std::sort(ids.begin(), ids.end());
            last.ready = std::move(ids);
            last.exists = true;
            out.witness.reset();
        }
        ++stats.by_parts;
        return out;
    }

    // All the claims together in some extension, or (`any`) one of them at least.
    Acceptance credulous(std::span<const std::uint32_t> ids, const Control& control, bool any) {
        const auto v = slots(ids);
        if (auto known = ask(v, true, any)) return *known;
        if (!any)
            if (auto answer = on_part(v, true, control)) return *answer;
        Acceptance out;
        if (sem == Sem::ideal) {
            const Extension& e = ideal_extension(control);
            out.accepted = any ? contains_any(e, ids) : contains_all(e, ids);
            if (out.accepted) last.ready = e;
            last.exists = out.accepted;
            return out;
        }
        if (!any && kept_answer(v, true)) {
            out.accepted = true;
            return out;
        }
        if (no_stable()) return out;
        if (const auto stable = as_stable(v, true, control, any)) {
            out.accepted = *stable;
            return out;
        }
        Query q(encoding(), af, control);
        const std::vector<int> with = side_of(q, v, true, any);
        if (sem == Sem::semi_stable || sem == Sem::stage) out.accepted = range_maximal(q, with);
        else out.accepted = q.solve(with);
        last.exists = out.accepted;
        if (!out.accepted) {
            if (sem == Sem::stable) q.note_if_general(with);
            return out;
        }
        keep_if_stable(q);
        // `any`: the side's literal dies with this query, so the growth
        // starts from the complete extension found.
        if (sem == Sem::preferred) last.grow_from = any ? q.all_in(in_set(q)) : with;
        else last.ready = q.ids(in_set(q));  // complete candidates: already complete
        return out;
    }

    std::optional<Extension> witness(const Control& control) {
        changed();
        if (!last.exists) return std::nullopt;
        if (!last.ready && last.any_extension) last.ready = some(control);
        if (!last.ready) {
            Query q(encoding(), af, control);
            q.solve(last.grow_from);
            grow_in(q, last.grow_from);
            last.ready = q.ids(in_set(q));
        }
        return last.ready;
    }

    // Preferred is directional: compare sets only on the undecided ancestors
    // of the claims (the rest of the solver is switched off), then grow a
    // counter-example to the whole framework when the witness is asked for.
    Acceptance skeptical_preferred(const std::vector<std::uint32_t>& v, const Control& control) {
        const Part part = undecided_ancestors(v);
        WarmEncoding& e = encoding();
        Acceptance out;
        Query local(e, af, control, part.slots, part.core);
        // Decide the part's arguments "in" first, as a fresh solver does: the
        // phases earlier questions left sent the search through far more
        // boundary labellings (scc_2k, step 50 of the attacks sequence: 3,155
        // SAT calls and over 1 s, against 0.2 s).
        for (std::uint32_t s : part.slots) e.solver().phase(e.x(s));
        for (std::uint32_t o : part.out) {  // out in the grounded labelling: not in, and attacked
            local.fix(-e.x(o));
            local.fix(e.d(o));
        }
        std::vector<std::uint32_t> claims;
        for (std::uint32_t s : v) claims.push_back(static_cast<std::uint32_t>(
            std::find(part.slots.begin(), part.slots.end(), s) - part.slots.begin()));
        last.exists = true;
        const auto in = detail::ext::preferred_counter_example(local, claims, control);
        if (!in) {
            last.exists = false;
            out.accepted = true;
            return out;
        }
        last.grow_from = local.all_in(*in);
        return out;
    }

    Acceptance skeptical(std::span<const std::uint32_t> ids, const Control& control) {
        const auto v = slots(ids);
        if (auto known = ask(v, false)) return *known;
        Acceptance out;
        if (sem == Sem::complete) {  // skeptical complete = grounded: not all in
            last.ready = grounded_extension();
            last.exists = true;
            return out;
        }
        if (sem == Sem::ideal) {
            out.accepted = contains_all(ideal_extension(control), ids);
            if (!out.accepted) last.ready = ideal_extension(control);
            last.exists = !out.accepted;
            return out;
        }
        if (sem == Sem::preferred) return skeptical_preferred(v, control);
        if (auto answer = on_part(v, false, control)) return *answer;
        if (kept_answer(v, false)) return out;
        if (no_stable()) {
            out.accepted = true;
            return out;
        }
        if (const auto stable = as_stable(v, false, control)) {
            out.accepted = *stable;
            return out;
        }
        Query q(encoding(), af, control);
        const std::vector<int> without = side_of(q, v, false);
        const bool counter = sem == Sem::stable ? q.solve(without) : range_maximal(q, without);
        out.accepted = !counter;
        last.exists = counter;
        if (!counter) {
            if (sem == Sem::stable) q.note_if_general(without);
            return out;
        }
        keep_if_stable(q);
        last.ready = q.ids(in_set(q));
        return out;
    }
};

Session::Session(ExtensionSemantics semantics) : impl_(std::make_unique<Impl>(semantics)) {}

Session::Session(const Framework& af, ExtensionSemantics semantics) : Session(semantics) {
    for (std::uint32_t i = 1; i <= af.size; ++i) impl_->af.add(i);
    for (auto [a, b] : af.attacks) impl_->af.add_attack(a + 1, b + 1);
}

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

ExtensionSemantics Session::semantics() const noexcept { return impl_->sem; }

void Session::set_semantics(ExtensionSemantics semantics) {
    if (semantics == impl_->sem) return;
    impl_->sem = semantics;
    impl_->last = {};  // the old semantics' witness is no witness of the new one
    impl_->enc.reset();
    impl_->stable_enc.reset();
    impl_->ideal.reset();
}

void Session::add_argument(std::uint32_t id) { impl_->af.add(id); }
void Session::remove_argument(std::uint32_t id) {
    impl_->af.remove(id);
    impl_->compact_if_sparse();
}
void Session::add_attack(std::uint32_t from, std::uint32_t to) { impl_->af.add_attack(from, to); }
void Session::remove_attack(std::uint32_t from, std::uint32_t to) { impl_->af.remove_attack(from, to); }

bool Session::has_argument(std::uint32_t id) const { return impl_->af.has(id); }
bool Session::has_attack(std::uint32_t from, std::uint32_t to) const { return impl_->af.has_attack(from, to); }
std::size_t Session::argument_count() const { return impl_->af.size(); }
std::size_t Session::attack_count() const { return impl_->af.attack_count(); }

namespace {
// A question stopped by its Control leaves the solver with what the stopped
// search learnt, which slowed later questions several times over (stage on
// er_120_p003); the next question encodes afresh. A stopped question has no
// answer, so no witness either.
template <class Impl, class F>
Acceptance fresh_after_stop(Impl& impl, F&& question) {
    try {
        return question();
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::cancelled || e.kind() == ErrorKind::limit) {
            impl.enc.reset();
            impl.stable_enc.reset();
            impl.last = {};
        }
        throw;
    }
}
}  // namespace

Acceptance Session::credulous(std::span<const std::uint32_t> ids, const Control& control) {
    return fresh_after_stop(*impl_, [&] { return impl_->credulous(ids, control, false); });
}
Acceptance Session::credulous_any(std::span<const std::uint32_t> ids, const Control& control) {
    return fresh_after_stop(*impl_, [&] { return impl_->credulous(ids, control, true); });
}
Acceptance Session::skeptical(std::span<const std::uint32_t> ids, const Control& control) {
    return fresh_after_stop(*impl_, [&] { return impl_->skeptical(ids, control); });
}
std::optional<Extension> Session::some_extension(const Control& control) { return impl_->some(control); }
std::optional<Extension> Session::witness(const Control& control) { return impl_->witness(control); }

Label Session::grounded_label(std::uint32_t id) {
    const std::uint32_t slot = impl_->af.slot(id);
    return impl_->labels()[slot];
}

Session::Stats Session::stats() const noexcept {
    Stats s = impl_->stats;
    if (impl_->enc) s.blocks_retired = impl_->enc->blocks_retired();
    return s;
}

}  // namespace agon
