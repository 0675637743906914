// live_answers.hpp - the answers behind the workbench's clicks. Per map
// version and request: the map's own answer, evaluated once, and an
// agon::IncrementalEvaluation that takes each what-if as its difference from
// the last one asked (IncrementalEvaluation::set_scenario), so a click
// recomputes only what it reaches. Made when first asked, dropped when the
// map version changes. Semantics the incremental path does not cover
// (incremental.hpp) are evaluated from scratch through the question layer.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/incremental.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"

namespace agon::workbench {

/// Thread-safe; requests for the same version and request take turns.
class LiveAnswers {
public:
    /// The answer of `map`, the map at `version`, under `request` (from
    /// scratch the first time, then kept). Throws what evaluate throws.
    Result map_answer(std::uint64_t version, const std::shared_ptr<const Graph>& map, const Request& request,
                      const Control& control);
    /// The answer of `what_if`, a scenario of the map at `version`: equal to
    /// evaluate(what_if, request) (gradual strengths within the tolerance of
    /// incremental.hpp). Requests for an older version than the last one seen
    /// are evaluated from scratch.
    Result what_if_answer(std::uint64_t version, const Scenario& what_if, const Request& request,
                          const Control& control);

private:
    struct Entry {
        std::mutex mutex;
        std::optional<Result> map;
        std::optional<IncrementalEvaluation> live;
        bool from_scratch = false;  // the request has no incremental path
    };
    /// The entry of (version, request), or null for an older version.
    std::shared_ptr<Entry> entry(std::uint64_t version, const Request& request);

    std::mutex mutex_;
    std::optional<std::uint64_t> version_;
    std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace agon::workbench
