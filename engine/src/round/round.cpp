// The Round: moves appended in speech order and checked against the flow so far.
#include <algorithm>

#include "agon/round.hpp"
#include "reader_util.hpp"

namespace agon {

namespace {

bool makes_claim(MoveKind k) {
    return k == MoveKind::argument || k == MoveKind::attack || k == MoveKind::support || k == MoveKind::turn;
}

std::string speech_list(const RoundFormat& f) {
    std::string out;
    for (const auto& s : f.speeches) out += (out.empty() ? "" : ", ") + s.id;
    return out;
}

}  // namespace

const Move* Round::claim(std::string_view id) const {
    auto it = made_.find(id);
    return it == made_.end() ? nullptr : &moves_[it->second];
}

std::string Round::side_of(std::string_view speech) const {
    const SpeechSpec* s = format_.speech(speech);
    return s ? s->side : std::string();
}

std::string Round::side_of_claim(std::string_view id) const {
    const Move* m = claim(id);
    return m ? side_of(m->speech) : std::string();
}

int Round::flowed(std::string_view speech) const {
    auto it = std::find(speeches_.begin(), speeches_.end(), speech);
    return it == speeches_.end() ? -1 : static_cast<int>(it - speeches_.begin());
}

Round Round::until(std::string_view speech) const {
    const int last = flowed(speech);
    if (last < 0) throw Error(ErrorKind::not_found, "speech '" + std::string(speech) + "' is not on the flow");
    Round r(format_);
    r.title = title;
    r.motion = motion;
    for (const Move& m : moves_)
        if (flowed(m.speech) <= last) r.add(m);
    return r;
}

void Round::add(Move m, const std::vector<std::uint32_t>& col_of_target) {
    auto fail = [&](const std::string& message, std::uint32_t column = 0) {
        Location at = m.where;
        if (column) at.column = column;
        throw Error(ErrorKind::invalid_input, message, at);
    };
    const SpeechSpec* spec = format_.speech(m.speech);
    if (!spec) fail("unknown speech '" + m.speech + "' in the " + format_.id + " format (" + speech_list(format_) + ")");
    const bool begins = speeches_.empty() || speeches_.back() != m.speech;
    if (begins) {
        if (flowed(m.speech) >= 0)
            fail("speech " + m.speech + " is out of order: " + speeches_.back() + " has begun, and " + m.speech +
                 " was already flowed before it");
        if (!speeches_.empty()) {
            const std::string& prev = speeches_.back();
            if (format_.order(m.speech) < format_.order(prev))
                fail("speech " + m.speech + " is out of order: it comes before " + prev + " in the " + format_.id + " format");
            if (side_of(prev) == spec->side && !spec->follows_own_side)
                fail("the " + format_.side(spec->side)->name + " speaks twice in a row (" + prev + ", then " + m.speech +
                     "), which the " + format_.id + " format forbids");
        }
    }
    const std::string side = spec->side;
    // An empty speech stands alone: "1AR nothing" beside a 1AR move would say two things.
    if (!moves_.empty() && moves_.back().speech == m.speech &&
        (m.kind == MoveKind::nothing || moves_.back().kind == MoveKind::nothing)) {
        const Move& before = moves_.back();
        const std::string at = before.where.line ? " (line " + std::to_string(before.where.line) + ")" : "";
        fail(before.kind != MoveKind::nothing ? "speech " + m.speech + " has made moves already" + at + ", so it cannot be flowed as making none"
             : m.kind == MoveKind::nothing    ? "speech " + m.speech + " is flowed as making no moves twice" + at
                                              : "speech " + m.speech + " was flowed as making no moves" + at +
                                                    ", so it cannot make this one");
    }
    if (m.kind == MoveKind::nothing && (!m.id.empty() || !m.targets.empty() || !m.weighing.empty() || m.base != 0.5))
        fail("the " + m.speech + " made no moves, so it takes no id, claims or weighing (only a text after ':')");
    // Surrounding spaces would not survive the text form, which trims them.
    m.text.erase(m.text.find_last_not_of(" \t\r\n") + 1);
    m.text.erase(0, m.text.find_first_not_of(" \t\r\n"));
    if (m.kind == MoveKind::argument && !m.targets.empty())
        fail("a new argument answers nothing: use attack, support or turn to answer '" + m.targets.front() + "'");
    if (m.kind != MoveKind::argument && m.kind != MoveKind::nothing && m.targets.empty())
        fail(std::string(std::string_view("aeiou").find(to_string(m.kind)[0]) != std::string_view::npos ? "an " : "a ") +
             std::string(to_string(m.kind)) + " needs the claim it applies to (> ID)");
    for (std::size_t i = 0; i < m.targets.size(); ++i) {
        const std::uint32_t col = i < col_of_target.size() ? col_of_target[i] : 0;
        const std::string& t = m.targets[i];
        if (!claim(t)) fail("'" + t + "' is not on the flow yet: a move can only answer a claim made before it", col);
        const bool own = side_of_claim(t) == side;
        const bool wants_own = m.kind == MoveKind::support || m.kind == MoveKind::extend;
        if (own != wants_own)
            fail("the " + format_.side(side)->name + " cannot " + std::string(to_string(m.kind)) + " '" + t + "': it is " +
                     (own ? "its own claim" : "the other side's claim"),
                 col);
    }
    if (makes_claim(m.kind)) {
        if (m.id.empty()) {
            std::size_t n = (begins ? 0 : speech_claims_) + 1;
            do m.id = m.speech + "-" + std::to_string(n++);
            while (claim(m.id));
        }
        if (m.id == "motion" || claim(m.id)) fail("'" + m.id + "' is already on the flow");
        if (std::string why = detail::id_problem(m.id); !why.empty()) fail(why);
        if (m.base < 0 || m.base > 1) fail("base must lie in [0,1]");
        made_.emplace(m.id, moves_.size());
    } else if (m.kind == MoveKind::cross_apply) {
        const Move* r = claim(m.id);
        if (!r || side_of(r->speech) != side)
            fail("cross-apply names a claim of the " + format_.side(side)->name + " already on the flow, not '" + m.id + "'");
    }
    if (begins) speeches_.push_back(m.speech);
    speech_claims_ = (begins ? 0 : speech_claims_) + makes_claim(m.kind);
    moves_.push_back(std::move(m));
}

}  // namespace agon
