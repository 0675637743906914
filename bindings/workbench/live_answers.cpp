#include "live_answers.hpp"

#include "agon/question.hpp"

namespace agon::workbench {

namespace {

// Semantics, then parameters (sorted by std::map): one key per request.
std::string key_of(const Request& r) {
    std::string key = r.semantics;
    for (const auto& [k, v] : r.params) key += '\n' + k + '=' + v;
    return key;
}

// Requests kept per map version; beyond, another one's entry goes (each
// holds a copy of the map's structure).
constexpr std::size_t kMaxEntries = 16;

}  // namespace

std::shared_ptr<LiveAnswers::Entry> LiveAnswers::entry(std::uint64_t version, const Request& request) {
    std::lock_guard lock(mutex_);
    if (version_ && version < *version_) return nullptr;
    if (version_ != version) {
        entries_.clear();
        version_ = version;
    }
    const std::string key = key_of(request);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        if (entries_.size() >= kMaxEntries) entries_.erase(entries_.begin());
        it = entries_.emplace(key, std::make_shared<Entry>()).first;
    }
    return it->second;
}

Result LiveAnswers::map_answer(std::uint64_t version, const std::shared_ptr<const Graph>& map, const Request& request,
                               const Control& control) {
    const std::shared_ptr<Entry> e = entry(version, request);
    if (!e) return evaluate(Subject(*map), request, control);
    std::lock_guard lock(e->mutex);
    if (!e->map) e->map = evaluate(Subject(*map), request, control);
    return *e->map;
}

Result LiveAnswers::what_if_answer(std::uint64_t version, const Scenario& what_if, const Request& request,
                                   const Control& control) {
    const std::shared_ptr<Entry> e = entry(version, request);
    if (!e) return evaluate(Subject(what_if), request, control);
    std::lock_guard lock(e->mutex);
    if (!e->live && !e->from_scratch) {
        IncrementalEvaluation live(Scenario(what_if.base(), what_if.name()), request);
        if (live.incremental()) e->live.emplace(std::move(live));
        else e->from_scratch = true;
    }
    if (e->from_scratch) return evaluate(Subject(what_if), request, control);
    e->live->set_scenario(what_if);
    return evaluate(*e->live, control);
}

}  // namespace agon::workbench
