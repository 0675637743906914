// agon/round.hpp - debate rounds: a flow of speeches over an argument graph.
//
// A Round records what a judge writes on a flow: a motion, a debate format
// (sides and speech order), and the moves of each speech in order - new
// arguments, responses (attack or support) to a claim or to a response,
// extensions, concessions, cross-applications and turns - with weighing
// attributes on impacts. It is a layer over agon::Graph: judging a round
// builds a Graph of the flow (every claim and edge stamped with its speech and
// side) and evaluates it with the ordinary semantics and explanations.
//
// Errors: readers and Round::add throw Error(invalid_input) with file, line
// and column for a move that answers a claim not yet on the flow, a speech out
// of the format's order, a side speaking twice in a row where the format
// forbids it, an unknown speech, move or weighing key, a speech flowed as
// making no moves (MoveKind::nothing) that makes one too. Costs are linear in
// the number of moves unless stated.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agon/control.hpp"
#include "agon/error.hpp"
#include "agon/graph.hpp"
#include "agon/semantics.hpp"

namespace agon {

/// A side of the house. `stance` is +1 for the side that defends the motion
/// (affirmative, proposition, government) and -1 for the side against it.
struct RoundSide {
    std::string id;    ///< short name used in flows ("aff", "neg")
    std::string name;  ///< "Affirmative"
    int stance = 1;
};

/// One speech of a format. `role` names its job ("constructive", "rebuttal",
/// "summary", "final-focus", "reply", ...); paradigms refer to roles.
struct SpeechSpec {
    std::string id;    ///< "1AC"
    std::string side;  ///< a RoundSide id
    std::string role = "constructive";
    /// False in rebuttals: a new argument here is flagged new-in-rebuttal.
    bool new_arguments = true;
    /// The last speech of its side (new arguments here matter most).
    bool last = false;
    /// May directly follow a speech of the same side (the negative block).
    bool follows_own_side = false;
    /// Splits the answering with the speech of its side just before it (the
    /// policy 1NR after the 2NC: one negative block): an answer here to what
    /// that speech could have answered is not late, and what neither answers
    /// is dropped here. Needs follows_own_side. A reply speech does not share.
    bool shares_block = false;
    /// Expected to answer the other side (false for a constructive that only
    /// presents a case, like Public Forum's second constructive): not
    /// answering there is no drop, and answering later is not late.
    bool answers = true;
};

/// A debate format: sides, speech order, presumption. Built-in formats are
/// data files (graphs/rounds/formats/*.json) compiled into agon; a copy
/// edited by a user is read with parse_round_format.
struct RoundFormat {
    std::string id;    ///< "policy"
    std::string name;  ///< "Policy (CX)"
    std::vector<RoundSide> sides;
    std::vector<SpeechSpec> speeches;
    /// The side that wins when nothing is weighed for either side.
    std::string presumption;
    /// How the flow it was read for named it (a built-in id, or a file name
    /// beside the flow); the text form writes it back. Empty: use `id`.
    std::string reference;

    /// The speech `id`, or nullptr.
    const SpeechSpec* speech(std::string_view id) const;
    /// The side `id`, or nullptr.
    const RoundSide* side(std::string_view id) const;
    /// Position of speech `id` in the order; -1 when unknown.
    int order(std::string_view id) const;
};

/// Names of the built-in formats, sorted.
std::vector<std::string> round_format_names();
/// A built-in format by id. Throws not_found naming the known ones.
RoundFormat builtin_round_format(std::string_view id);
/// The JSON text of a built-in format (what a user copies to edit). Throws not_found.
std::string builtin_round_format_text(std::string_view id);
/// Read a format file ({"format":"agon-debate-format","version":1,...}).
/// Throws invalid_input with the location on malformed input.
RoundFormat parse_round_format(std::string_view text, const std::string& name);

/// What a line of the flow does.
enum class MoveKind {
    argument,     ///< a new argument: offence for its side (supports or attacks the motion)
    attack,       ///< a response against the targets
    support,      ///< a response backing the targets
    turn,         ///< takes the target over: it now counts for the turning side
    extend,       ///< carries the targets (own side's) into this speech
    concede,      ///< grants the targets (the other side's)
    cross_apply,  ///< an existing response (`id`) now also answers the targets
    /// The speech was given and made no moves (nothing new, or forfeited): it
    /// answers nothing, so what it leaves unanswered is dropped in it. The
    /// only move of its speech; no id, targets or weighing, may have text.
    nothing,
};

/// "new", "attack", "support", "turn", "extend", "concede", "cross-apply", "nothing".
std::string_view to_string(MoveKind kind);
/// Those names and the short forms a coach types ("arg", "a", "-", "+",
/// "t", "ext", "x", "xapply"; "nothing" has none); std::nullopt when unknown.
std::optional<MoveKind> move_kind_from_string(std::string_view name);

/// Weighing of an impact, each in [0,1] when given: magnitude (how much is at
/// stake), probability (how likely), timeframe (1 = now, 0 = distant),
/// reversibility (1 = easily undone, 0 = permanent).
struct Weighing {
    std::optional<double> magnitude, probability, timeframe, reversibility;
    bool empty() const { return !magnitude && !probability && !timeframe && !reversibility; }
};

/// The default weight of an impact: magnitude x probability x (0.5 + 0.5
/// timeframe) x (1 - 0.5 reversibility), missing values 0.5 each.
double impact_weight(const Weighing& w);

/// One line of the flow.
struct Move {
    MoveKind kind = MoveKind::argument;
    std::string speech;
    /// The claim this move makes (argument, attack, support, turn), or for
    /// cross_apply the existing response applied again. Empty for extend,
    /// concede and nothing.
    std::string id;
    std::string text;
    /// Claims answered, extended or conceded (several: a cross-application).
    std::vector<std::string> targets;
    Weighing weighing;
    /// Prior credibility of the claim in [0,1] (evidence quality), used by
    /// gradual semantics.
    double base = 0.5;
    /// Where the move was written (file, line, column), for messages.
    Location where;
};

/// A flowed round. Moves are kept in the order given, which must follow the
/// format's speech order.
class Round {
public:
    Round() = default;
    explicit Round(RoundFormat format) : format_(std::move(format)) {}

    std::string title;
    std::string motion;

    const RoundFormat& format() const noexcept { return format_; }
    const std::vector<Move>& moves() const noexcept { return moves_; }
    /// The speeches flowed so far, in order (each once), those that made no
    /// moves (MoveKind::nothing) included.
    const std::vector<std::string>& speeches() const noexcept { return speeches_; }

    /// Append a move, checking it against the flow so far (see the file
    /// comment for the errors, located at move.where; `col_of_target` gives
    /// the column of target i when known). A move without an id gets one
    /// ("1NC-2"). O(targets log moves).
    void add(Move move, const std::vector<std::uint32_t>& col_of_target = {});

    /// A copy holding only the flowed speeches up to and including `speech`
    /// (for what-ifs: change a speech, then replay the later ones). Throws
    /// not_found when `speech` is not on the flow. O(moves).
    Round until(std::string_view speech) const;

    /// The move that made claim `id` (argument, attack, support or turn), or nullptr.
    const Move* claim(std::string_view id) const;
    /// The side of speech `speech` (the format's), or "".
    std::string side_of(std::string_view speech) const;
    /// The side that made claim `id`.
    std::string side_of_claim(std::string_view id) const;
    /// Position of `speech` among the flowed speeches; -1 when not flowed.
    int flowed(std::string_view speech) const;

private:
    RoundFormat format_;
    std::vector<Move> moves_;
    std::vector<std::string> speeches_;
    std::map<std::string, std::size_t, std::less<>> made_;  // claim id -> move index
    std::size_t speech_claims_ = 0;  // claims made in the last speech: numbers "1NC-2" without a scan
};

/// Where a claim stands on the flow after a speech.
enum class ArgStatus {
    open,             ///< the other side has not spoken since it was made
    answered,         ///< the other side answered it
    dropped,          ///< the other side spoke and did not answer it
    extended,         ///< answered, and carried forward by its own side since
    conceded,         ///< the other side granted it
    turned,           ///< the other side turned it
    new_in_rebuttal,  ///< made where new arguments are not allowed (or a late answer)
};
/// "open", "answered", "dropped", "extended", "conceded", "turned", "new-in-rebuttal".
std::string_view to_string(ArgStatus status);

/// The state of one claim of the flow after a speech.
struct ArgumentState {
    std::string id, speech, side, text;
    MoveKind kind = MoveKind::argument;
    ArgStatus status = ArgStatus::open;
    /// Offence: a new argument or a turn (it bears on the motion itself).
    bool offence = false;
    std::vector<std::string> targets;
    std::vector<std::string> answered_by;  ///< responses of the other side (valid ones)
    std::vector<std::string> extended_in;  ///< own-side speeches that carried it
    std::string dropped_in;                ///< the other side's speech that skipped it
    std::string conceded_in, turned_by;
    Weighing weighing;
    double base = 0.5;
};

/// Statuses of every claim of the flow after speech `after` (the last flowed
/// speech when empty), in flow order, and a per-side summary.
struct Analysis {
    std::string after;
    std::vector<ArgumentState> arguments;
    /// For each side id: its offence still live (not dropped by itself, not
    /// turned or answered without reply) - a quick reading before judging.
    std::map<std::string, std::vector<std::string>> live;
    /// id -> position in `arguments`, filled by analyse().
    std::map<std::string, std::size_t, std::less<>> index;

    /// The state of claim `id`, or nullptr. O(log n) through `index`; a scan
    /// when arguments were added or removed since.
    const ArgumentState* find(std::string_view id) const;
};

/// Analyse the flow up to `after`. Throws not_found for a speech not flowed.
Analysis analyse(const Round& round, std::string_view after = {});

/// What a judge reads into a flow. The built-in rules; a Lua paradigm sets
/// these and may add `keep` and `weigh`.
struct Paradigm {
    std::string name = "tech";
    std::string summary;
    /// Semantics used on the judged graph ("grounded", "dfquad", ...).
    std::string semantics = "grounded";
    /// Dropped arguments count as conceded: true, whatever comes later.
    bool dropped_is_true = true;
    /// Which new-in-rebuttal claims are ignored: "none", "last" (the last
    /// speech of each side) or "all".
    std::string ignore_new = "all";
    /// Defence (responses) counts without being extended; otherwise a
    /// response must be carried into its side's last speech.
    bool sticky_defence = true;
    /// Offence counts only when extended in speeches of these roles (or
    /// "last": the side's last speech); empty: no such rule.
    std::vector<std::string> offence_in;
    /// A claim with strength at least this much stands (gradual semantics).
    double threshold = 0.5;
    /// Extra rule: false removes the claim from the judged flow. May be empty.
    std::function<bool(const Round&, const ArgumentState&)> keep;
    /// Weight of a standing impact; impact_weight() when empty. A turn without
    /// weighing of its own is weighed once per impact it took over (see
    /// decide()), seen with that impact's weighing, and the weights are summed.
    std::function<double(const Round&, const ArgumentState&)> weigh;
};

/// One claim of the judged flow with the reason it counts or not.
struct Verdict {
    std::string id;
    /// Counted in full: in the judged graph and, for offence, weighed.
    bool counted = true;
    std::string excluded;  ///< why not, when not counted
    bool stands = false;   ///< set for every claim in the judged graph
    std::optional<Label> label;
    std::optional<double> strength;
    double weight = 0;     ///< weighed impact, for standing offence

    /// In the judged graph, so `stands` says something: counted, or a turn
    /// kept only to answer what it turned (not counted, not weighed).
    bool judged() const { return label.has_value() || strength.has_value(); }
    /// How a judged claim came out, in the words of the table and the sheet:
    /// "stands", "falls", or "undecided" (left undecided by a cycle of answers).
    std::string_view outcome() const { return stands ? "stands" : label == Label::undec ? "undecided" : "falls"; }
};

/// The decision on a round.
struct Decision {
    std::string paradigm;
    std::string winner;  ///< a side id
    /// Weighed offence per side.
    std::map<std::string, double> totals;
    /// The winner's standing offence, heaviest first (the arguments it wins on).
    std::vector<std::string> on;
    /// One verdict per claim of the flow, in flow order.
    std::vector<Verdict> verdicts;
    /// The reason for decision: plain sentences citing speech and argument.
    std::vector<std::string> reasons;
    /// id -> position in `verdicts`, filled by decide().
    std::map<std::string, std::size_t, std::less<>> index;

    /// The verdict on claim `id`, or nullptr (as Analysis::find).
    const Verdict* find(std::string_view id) const;
};

/// The graph a paradigm judges: claim "motion", then every claim of the flow
/// counted under `paradigm` (tags: side, speech, kind; attribute "speech");
/// offence supports (attacks) the motion for the side for (against) it, a turn
/// also attacks the claim it turns; concessions and (when dropped_is_true)
/// drops strip the answers to the claim. `verdicts` (may be null) receives
/// which claims were left out and why. O(moves + edges).
Graph judged_graph(const Round& round, const Analysis& analysis, const Paradigm& paradigm,
                   std::vector<Verdict>* verdicts = nullptr);

/// Judge the flow as analysed: evaluate the judged graph, weigh the standing
/// offence of each side (a turn without weighing takes over the impacts of
/// every claim it turned, through turns of turns, each once, and carries their
/// sum), presumption on a tie; throws invalid_input when a side's weights add
/// up to more than a double holds), and write the reasons from the
/// explanations of the decisive claims. Honours `control`. Near-linear in
/// the moves: under grounded every claim is explained through one Explainer
/// of the judged graph; under a gradual semantics each claim is explained on
/// its upstream graph (itself and the claims that reach it), which gives the
/// whole graph's numbers when the judged graph is acyclic. A flow whose
/// cross-applications close a cycle is explained on the whole graph, three
/// evaluations per claim reaching the one explained: quadratic. A generated
/// policy round of 16,000 moves takes about 1 s under tech or truth.
Decision decide(const Round& round, const Analysis& analysis, const Paradigm& paradigm,
                const Control& control = {});

/// Readers and writers of rounds. The text flow format (one move a line,
/// `SPEECH [SIDE] MOVE [ID] [> TARGET, ...] [: TEXT] [{key=value ...}]`,
/// headers `motion:`, `format:`, `title:`), CSV spreadsheet flows (columns =
/// speeches, rows = lines of argument) and native JSON ("agon-round").
/// `load_format` resolves a `format:` value that is not a built-in name as a
/// file path (relative to the flow); it may be empty (built-ins only).
using FormatLoader = std::function<RoundFormat(const std::string& value, const Location& where)>;
Round parse_round_text(std::string_view text, const std::string& name, const FormatLoader& load_format = {});
Round parse_round_csv(std::string_view text, const std::string& name, const FormatLoader& load_format = {});
Round parse_round_json(std::string_view text, const std::string& name, const FormatLoader& load_format = {});
/// Read a round file: .csv as CSV, .json as JSON, anything else as text.
/// Format files named in it are read relative to it.
Round load_round(const std::string& path);

/// The round as the text flow format / as native JSON (deterministic;
/// each reads back to an equal round).
std::string format_round_text(const Round& round);
std::string format_round_json(const Round& round);

/// {"speeches":[...],"after":..,"arguments":[{"id","speech","side","status",...}],
///  "live":{...}, "decision":{"winner","paradigm","totals","on","reasons":[...]}}.
/// `decision` may be null. Ends without a newline.
std::string round_report_json(const Round& round, const Analysis& analysis, const Decision* decision);

/// The flow sheet as DOT: one column per speech, each response beside what it
/// answers, drops and turns marked, claims that stand filled when `decision`
/// is given. Render it with render_dot().
std::string flow_sheet_dot(const Round& round, const Analysis& analysis, const Decision* decision = nullptr);

}  // namespace agon
