// Internal: the reason for decision, written from a judged round.
#pragma once

#include <string>
#include <vector>

#include "agon/round.hpp"

namespace agon::detail {

/// Plain sentences: the outcome and the weighing, why each argument the
/// winner wins on stands, and why the loser's offence falls or is outweighed,
/// citing speech, argument and the drop, turn or answer behind it. `judged`
/// is the graph the decision was evaluated on and `answer` its evaluation.
/// Near-linear under grounded semantics: every claim is explained through
/// one Explainer of the judged graph.
std::vector<std::string> reasons_for(const Round& round, const Analysis& analysis, const Paradigm& paradigm,
                                     const Decision& decision, const Graph& judged, const Result& answer,
                                     const Control& control);

}  // namespace agon::detail
