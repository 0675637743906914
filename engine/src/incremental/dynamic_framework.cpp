#include "dynamic_framework.hpp"

#include <algorithm>
#include <string>

#include "agon/error.hpp"

namespace agon::detail::incremental {

namespace {
void erase_one(std::vector<std::uint32_t>& v, std::uint32_t x) {
    auto it = std::find(v.begin(), v.end(), x);
    *it = v.back();
    v.pop_back();
}
}  // namespace

std::uint32_t DynamicFramework::slot(std::uint32_t id) const {
    auto it = slot_of_.find(id);
    if (it == slot_of_.end()) throw Error(ErrorKind::not_found, "no argument " + std::to_string(id));
    return it->second;
}

bool DynamicFramework::has_attack(std::uint32_t from, std::uint32_t to) const {
    auto a = slot_of_.find(from), b = slot_of_.find(to);
    return a != slot_of_.end() && b != slot_of_.end() && attacks_.count(key(a->second, b->second));
}

void DynamicFramework::touch(std::uint32_t s) {
    if (touched_flag_[s]) return;
    touched_flag_[s] = 1;
    touched_.push_back(s);
}

void DynamicFramework::add(std::uint32_t id) {
    if (has(id)) throw Error(ErrorKind::invalid_input, "argument " + std::to_string(id) + " exists");
    const auto s = slots();
    slot_of_.emplace(id, s);
    id_of_.push_back(id);
    alive_.push_back(1);
    touched_flag_.push_back(0);
    core_.global.push_back(s);
    core_.local.push_back(s);
    core_.attackers.emplace_back();
    core_.targets.emplace_back();
    touch(s);
}

void DynamicFramework::remove(std::uint32_t id) {
    const std::uint32_t s = slot(id);
    for (std::uint32_t b : core_.attackers[s]) {
        attacks_.erase(key(b, s));
        if (b != s) erase_one(core_.targets[b], s);
    }
    for (std::uint32_t t : core_.targets[s]) {
        if (t == s) continue;
        attacks_.erase(key(s, t));
        erase_one(core_.attackers[t], s);
        touch(t);
    }
    core_.attackers[s].clear();
    core_.targets[s].clear();
    alive_[s] = 0;
    slot_of_.erase(id);
    touch(s);
}

void DynamicFramework::add_attack(std::uint32_t from, std::uint32_t to) {
    const std::uint32_t a = slot(from), b = slot(to);
    if (!attacks_.insert(key(a, b)).second)
        throw Error(ErrorKind::invalid_input,
                    "attack " + std::to_string(from) + " -> " + std::to_string(to) + " exists");
    core_.attackers[b].push_back(a);
    core_.targets[a].push_back(b);
    touch(b);
}

void DynamicFramework::remove_attack(std::uint32_t from, std::uint32_t to) {
    const std::uint32_t a = slot(from), b = slot(to);
    if (!attacks_.erase(key(a, b)))
        throw Error(ErrorKind::not_found, "no attack " + std::to_string(from) + " -> " + std::to_string(to));
    erase_one(core_.attackers[b], a);
    erase_one(core_.targets[a], b);
    touch(b);
}

std::vector<std::uint32_t> DynamicFramework::take_touched() {
    for (std::uint32_t s : touched_) touched_flag_[s] = 0;
    return std::exchange(touched_, {});
}

}  // namespace agon::detail::incremental
