// Statuses after a speech: answered, dropped, extended, conceded, turned,
// new-in-rebuttal (and open, before the other side has spoken).
#include <algorithm>

#include "agon/round.hpp"
#include "flow_index.hpp"

namespace agon {

namespace detail {

FlowIndex index_flow(const Round& round, int last) {
    FlowIndex ix;
    ix.round = &round;
    ix.last = last;
    for (const Move& m : round.moves()) {
        const int sp = round.flowed(m.speech);
        if (sp > last) break;
        const std::string side = round.side_of(m.speech);
        auto add_answer = [&](const std::string& by, const std::string& target, bool turn, bool support) {
            Answer a{by, target, sp, turn, support, false};
            if (!support && !ix.spec(sp).new_arguments) {
                // Late: the answering side spoke after the target was made, and before this
                // speech, in a speech that is not part of this one's block.
                for (int s = ix.speech_of[target] + 1; s < sp && !a.late; ++s)
                    a.late = ix.side(s) == side && ix.spec(s).answers && !ix.same_block(s, sp);
            }
            ix.answers_to[target].push_back(ix.answers.size());
            ix.answers_by[by].push_back(ix.answers.size());
            ix.answers.push_back(a);
        };
        switch (m.kind) {
            case MoveKind::argument:
            case MoveKind::attack:
            case MoveKind::support:
            case MoveKind::turn:
                ix.claims.push_back(&m);
                ix.speech_of[m.id] = sp;
                for (const auto& t : m.targets)
                    add_answer(m.id, t, m.kind == MoveKind::turn, m.kind == MoveKind::support);
                break;
            case MoveKind::cross_apply:
                for (const auto& t : m.targets) add_answer(m.id, t, false, false);
                break;
            case MoveKind::extend:
                for (const auto& t : m.targets) ix.extends[t].push_back(sp);
                break;
            case MoveKind::concede:
                for (const auto& t : m.targets) ix.conceded.emplace(t, sp);
                break;
            case MoveKind::nothing:  // the speech is on the flow (round.speeches()) and answers nothing
                break;
        }
    }
    return ix;
}

}  // namespace detail

namespace {

using detail::Answer;
using detail::FlowIndex;

// Speeches (flowed numbers) where claim `id`'s side carried it forward:
// explicit extensions, supports of it, and answers to the answers against it.
std::vector<int> extensions(const FlowIndex& ix, const std::string& id) {
    std::vector<int> out;
    if (auto it = ix.extends.find(id); it != ix.extends.end()) out = it->second;
    const int made = ix.speech_of.at(id);
    for (const Answer* a : ix.of(id, true)) {
        if (a->support && a->speech > made) out.push_back(a->speech);
        if (a->support) continue;
        for (const Answer* b : ix.of(a->by, true))  // a late answer carries nothing: it is no answer
            if (!b->support && !b->late && b->speech > made) out.push_back(b->speech);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// True when a claim-making move is itself new in a rebuttal: a new argument
// where none are allowed, or an answer that is late for every target.
// Whether the flow, as far as it is judged, stops inside a block: flowed
// speech `s` is followed in the format by a speech of its side that shares
// its block and comes later on the flow, or is not on it while nothing after
// `s` is (a flow judged after the 2NC, or still being typed, the 1NR to come).
bool block_goes_on(const FlowIndex& ix, int s) {
    const Round& r = *ix.round;
    const auto& order = r.format().speeches;
    const int at = r.format().order(ix.speech(s));
    if (at < 0 || at + 1 >= static_cast<int>(order.size())) return false;
    const SpeechSpec& following = order[static_cast<std::size_t>(at) + 1];
    if (!following.shares_block || following.side != ix.side(s)) return false;
    const int next = r.flowed(following.id);
    return next > ix.last || (next < 0 && ix.last == static_cast<int>(r.speeches().size()) - 1);
}

bool new_in_rebuttal(const FlowIndex& ix, const Move& m) {
    const int sp = ix.speech_of.at(m.id);
    if (ix.spec(sp).new_arguments) return false;
    if (m.kind == MoveKind::argument) return true;
    if (m.kind == MoveKind::support) return false;
    const auto given = ix.of(m.id, false);
    return std::all_of(given.begin(), given.end(), [&](const Answer* a) { return a->speech != sp || a->late; });
}

ArgumentState state_of(const FlowIndex& ix, const Move& m) {
    const Round& r = *ix.round;
    ArgumentState st;
    st.id = m.id;
    st.speech = m.speech;
    st.side = r.side_of(m.speech);
    st.text = m.text;
    st.kind = m.kind;
    st.offence = m.kind == MoveKind::argument || m.kind == MoveKind::turn;
    st.targets = m.targets;
    st.weighing = m.weighing;
    st.base = m.base;
    const int made = ix.speech_of.at(m.id);
    for (int s : extensions(ix, m.id)) st.extended_in.push_back(ix.speech(s));
    int first_answer = -1;
    for (const Answer* a : ix.of(m.id, true)) {
        if (a->support || a->late) continue;
        st.answered_by.push_back(a->by);
        if (first_answer < 0) first_answer = a->speech;
        if (a->turn && st.turned_by.empty()) st.turned_by = a->by;
    }
    int other_spoke = -1;
    for (int s = made + 1; s <= ix.last && other_spoke < 0; ++s)
        if (ix.side(s) != st.side && ix.spec(s).answers) other_spoke = s;
    // A block answers as one: what it leaves unanswered is dropped in its last speech.
    while (other_spoke >= 0 && other_spoke < ix.last && ix.same_block(other_spoke, other_spoke + 1)) ++other_spoke;
    if (other_spoke == ix.last && block_goes_on(ix, other_spoke)) other_spoke = -1;  // not dropped yet
    if (new_in_rebuttal(ix, m)) st.status = ArgStatus::new_in_rebuttal;
    else if (!st.turned_by.empty()) st.status = ArgStatus::turned;
    else if (auto c = ix.conceded.find(m.id); c != ix.conceded.end()) {
        st.status = ArgStatus::conceded;
        st.conceded_in = ix.speech(c->second);
    } else if (first_answer >= 0) {
        const bool carried = std::any_of(st.extended_in.begin(), st.extended_in.end(),
                                         [&](const std::string& s) { return r.flowed(s) > first_answer; });
        st.status = carried ? ArgStatus::extended : ArgStatus::answered;
    } else if (other_spoke >= 0) {
        st.status = ArgStatus::dropped;
        st.dropped_in = ix.speech(other_spoke);
    }
    return st;
}

}  // namespace

const ArgumentState* Analysis::find(std::string_view id) const {
    return detail::find_indexed(arguments, index, id);
}

Analysis analyse(const Round& round, std::string_view after) {
    const auto& flowed = round.speeches();
    int last = static_cast<int>(flowed.size()) - 1;
    if (!after.empty()) {
        last = round.flowed(after);
        if (last < 0) throw Error(ErrorKind::not_found, "speech '" + std::string(after) + "' is not on the flow");
    }
    Analysis an;
    if (last >= 0) an.after = flowed[static_cast<std::size_t>(last)];
    const FlowIndex ix = detail::index_flow(round, last);
    for (const Move* m : ix.claims) {
        an.index.emplace(m->id, an.arguments.size());
        an.arguments.push_back(state_of(ix, *m));
    }
    for (const auto& side : round.format().sides) an.live[side.id];
    for (const auto& a : an.arguments) {
        const bool live = a.status == ArgStatus::open || a.status == ArgStatus::dropped ||
                          a.status == ArgStatus::extended || a.status == ArgStatus::conceded;
        if (a.offence && live) an.live[a.side].push_back(a.id);
    }
    return an;
}

}  // namespace agon
