#include "dynamic_framework.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <utility>

#include "agon/error.hpp"
#include "util/radix_sort.hpp"

namespace agon::detail::incremental {

std::uint32_t DynamicFramework::hashed_slot(std::uint32_t id) const {
    const std::uint32_t* s = slot_of_.find(id);
    if (!s) throw Error(ErrorKind::not_found, "no argument " + std::to_string(id));
    return *s;
}

bool DynamicFramework::has_attack(std::uint32_t from, std::uint32_t to) const {
    return has(from) && has(to) && slot_attacks(slot(from), slot(to));
}

void DynamicFramework::assign(std::vector<std::uint32_t> ids, std::vector<std::uint64_t> attacks) {
    const auto n = static_cast<std::uint32_t>(ids.size());
    for (std::uint32_t s = 0; s < n; ++s)
        if (ids[s] != s) slot_of_.try_emplace(ids[s], s);
    live_ = n;
    id_of_ = std::move(ids);
    alive_.assign(n, 1);
    touched_flag_.assign(n, 1);
    touched_.resize(n);
    std::iota(touched_.begin(), touched_.end(), 0u);
    core_.global = touched_;
    core_.local.assign(touched_.begin(), touched_.end());
    // Pairs of slots below 2^width, packed side by side and sorted: equal
    // pairs (derivations of one attack) meet, and each slot's targets come in a run.
    int width = 1;
    while (width < 32 && (std::uint64_t{1} << width) < n) ++width;
    for (std::uint64_t& k : attacks) k = (k >> 32) << width | (k & 0xFFFFFFFFu);
    detail::radix_sort(attacks, 2 * width);
    const std::uint64_t low = (std::uint64_t{1} << width) - 1;
    std::vector<std::uint32_t> in(n, 0), out(n, 0);
    for (std::size_t i = 0; i < attacks.size(); ++i)
        if (i == 0 || attacks[i] != attacks[i - 1]) {
            ++out[attacks[i] >> width];
            ++in[attacks[i] & low];
        }
    // Each list in one pool, sorted (targets by target, attackers by
    // attacker); the derivations wait for the table (fill_table()).
    core_.attackers.assign(in);
    core_.targets.assign(out);
    bulk_derivations_.clear();
    for (std::size_t i = 0, j; i < attacks.size(); i = j) {
        for (j = i + 1; j < attacks.size() && attacks[j] == attacks[i];) ++j;
        const auto a = static_cast<std::uint32_t>(attacks[i] >> width), b = static_cast<std::uint32_t>(attacks[i] & low);
        core_.attackers.push_back(b, a);
        core_.targets.push_back(a, b);
        bulk_derivations_.push_back(static_cast<std::uint32_t>(j - i));
    }
}

void DynamicFramework::fill_table() {
    // The lists are as assign() left them but perhaps for slots added since
    // (without attacks): a's place in attackers(b) is the number of b's
    // attackers below a.
    std::vector<std::uint32_t> seen(slots(), 0);
    std::vector<std::uint64_t> keys;
    std::vector<Place> places;
    keys.reserve(bulk_derivations_.size());
    places.reserve(bulk_derivations_.size());
    for (std::uint32_t a = 0; a < slots(); ++a) {
        const auto list = targets(a);
        for (std::uint32_t i = 0; i < list.size(); ++i) {
            keys.push_back(key(a, list[i]));
            places.push_back({i, seen[list[i]]++, bulk_derivations_[keys.size() - 1]});
        }
    }
    attacks_.assign(keys, places);
    bulk_derivations_ = {};
}

void DynamicFramework::add(std::uint32_t id) {
    if (has(id)) throw Error(ErrorKind::invalid_input, "argument " + std::to_string(id) + " exists");
    const auto s = slots();
    if (id != s) slot_of_.try_emplace(id, s);
    ++live_;
    id_of_.push_back(id);
    alive_.push_back(1);
    touched_flag_.push_back(0);
    core_.global.push_back(s);
    core_.local.push_back(s);
    core_.attackers.add_list();
    core_.targets.add_list();
    touch(s);
    record({Op::add, s, 0});
}

void DynamicFramework::remove(std::uint32_t id) {
    build_table();
    const std::uint32_t s = slot(id);
    // From the back of the lists, so nothing moves.
    while (!core_.attackers[s].empty()) {
        const std::uint32_t b = core_.attackers[s].back();
        record(unlink(b, s, *attacks_.find(key(b, s))));
    }
    while (!core_.targets[s].empty()) {
        const std::uint32_t t = core_.targets[s].back();
        record(unlink(s, t, *attacks_.find(key(s, t))));
        touch(t);
    }
    alive_[s] = 0;
    if (id != s) slot_of_.erase(id);
    --live_;
    touch(s);
    record({Op::remove, s, id});
}

void DynamicFramework::add_attack(std::uint32_t from, std::uint32_t to) {
    build_table();
    const std::uint32_t a = slot(from), b = slot(to);
    if (live(a, b))
        throw Error(ErrorKind::invalid_input,
                    "attack " + std::to_string(from) + " -> " + std::to_string(to) + " exists");
    record({Op::link, a, b, 1, link(a, b, 1)});
    touch(b);
}

bool DynamicFramework::derive_attack(std::uint32_t from, std::uint32_t to) {
    build_table();
    const std::uint32_t a = slot(from), b = slot(to);
    if (Place* place = live(a, b)) {
        ++place->derivations;
        record({Op::more, a, b, 1, static_cast<std::uint32_t>(attacks_.cell_of(place))});
        return false;
    }
    record({Op::link, a, b, 1, link(a, b, 1)});
    touch(b);
    return true;
}

void DynamicFramework::no_attack(std::uint32_t from, std::uint32_t to) {
    throw Error(ErrorKind::not_found, "no attack " + std::to_string(from) + " -> " + std::to_string(to));
}

void DynamicFramework::remove_attack(std::uint32_t from, std::uint32_t to) {
    build_table();
    const std::uint32_t a = slot(from), b = slot(to);
    Place* place = live(a, b);
    if (!place) no_attack(from, to);
    record(unlink(a, b, *place));
    touch(b);
}

std::uint32_t DynamicFramework::link(std::uint32_t a, std::uint32_t b, std::uint32_t derivations) {
    auto [place, made] = attacks_.try_emplace(key(a, b), {0, 0, 0});
    if (!made) --dormant_;  // a dormant entry (unlinked while recording) lives again
    append(a, b, *place, derivations);
    return static_cast<std::uint32_t>(attacks_.cell_of(place));
}


void DynamicFramework::purge(Op::Kind kind) {
    for (const Op& op : journal_) {
        if (dormant_ == 0) return;
        if (op.kind != kind) continue;
        const Place* place = attacks_.find(key(op.a, op.b), op.cell);
        if (place && place->derivations == 0) {
            attacks_.erase(key(op.a, op.b));
            --dormant_;
        }
    }
}

void DynamicFramework::checkpoint() {
    build_table();
    purge(Op::unlink);
    journal_.clear();
    recording_ = true;
}

void DynamicFramework::rollback() {
    // Newest first: a removed slot lives again before its attacks come back,
    // and a slot added since is the last one when its turn comes. No entry
    // of attacks_ is erased (nor moves) until the end: the journal's cells stay right.
    for (auto op = journal_.rbegin(); op != journal_.rend(); ++op) {
        switch (op->kind) {
            case Op::add:
                if (id_of_[op->a] != op->a) slot_of_.erase(id_of_[op->a]);
                --live_;
                for (auto* column : {&alive_, &touched_flag_}) column->pop_back();
                id_of_.pop_back();
                core_.global.pop_back();
                core_.local.pop_back();
                core_.attackers.pop_list();
                core_.targets.pop_list();
                break;
            case Op::remove:
                alive_[op->a] = 1;
                if (op->b != op->a) slot_of_.try_emplace(op->b, op->a);
                ++live_;
                break;
            case Op::link: take_out(op->a, op->b, *attacks_.find(key(op->a, op->b), op->cell)); break;
            case Op::unlink:  // dormant since
                append(op->a, op->b, *attacks_.find(key(op->a, op->b), op->cell), op->derivations);
                --dormant_;
                break;
            case Op::more: --attacks_.find(key(op->a, op->b), op->cell)->derivations; break;
            case Op::fewer: ++attacks_.find(key(op->a, op->b), op->cell)->derivations; break;
        }
    }
    purge(Op::link);  // the attacks linked since the checkpoint and not there before
    journal_.clear();
    recording_ = false;
    for (std::uint32_t s : touched_)
        if (s < slots()) touched_flag_[s] = 0;
    touched_.clear();
}

void DynamicFramework::take_touched(std::vector<std::uint32_t>& into) {
    for (std::uint32_t s : touched_) touched_flag_[s] = 0;
    into.clear();
    std::swap(into, touched_);
}

}  // namespace agon::detail::incremental
