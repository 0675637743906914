// The report's reading order: what a policy team reads first comes first.
#include "document.hpp"

#include <algorithm>
#include <cmath>

#include "agon/version.hpp"
#include "charts.hpp"
#include "markup.hpp"
#include "sections.hpp"

namespace agon::report_detail {

namespace {

using Kind = Block::Kind;

Block make(Kind kind, std::string text) {
    Block b;
    b.kind = kind;
    b.text = std::move(text);
    return b;
}

Block figure(std::string svg, std::string caption) {
    Block b = make(Kind::figure, std::move(caption));
    b.svg = std::move(svg);
    return b;
}

Block table(std::vector<std::string> header, std::vector<double> widths) {
    Block b = make(Kind::table, "");
    b.header = std::move(header);
    b.widths = std::move(widths);
    return b;
}

Cell num(double x, int digits = 3, bool sign = false) {
    std::string s = number(x, digits);
    if (sign && x > 0 && s.find_first_not_of("0.") != std::string::npos) s = "+" + s;
    return {s, "", true};
}

Cell status_cell(const ReportStatus& st, const Report& r) {
    std::string tone = st.label ? (*st.label == Label::in ? "in" : *st.label == Label::out ? "out" : "undec")
                                : (st.accepted ? "in" : "out");
    return {st.label ? std::string(to_string(*st.label)) : number_against(st.value, r.threshold, 3) + (st.accepted ? " (accepted)" : " (below " + threshold_text(r.threshold) + ")"),
            tone, false};
}

std::string name_of(const Report& r, const std::string& id) { return claim_text(r.graph, id); }

// Add the section's note when it was omitted; true when it was.
bool omitted(std::vector<Block>& out, const Report& r, const std::string& key) {
    auto it = r.notes.find(key);
    if (it == r.notes.end()) return false;
    out.push_back(make(Kind::note, "Section omitted. " + it->second));
    return true;
}

void header(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::title, r.title));
    out.push_back(make(Kind::lead, r.graph.title() + " \u00b7 " + std::to_string(r.graph.claims().size()) + " claims, " +
                                       std::to_string(r.graph.edges().size()) + " edges \u00b7 target: " + r.target +
                                       " \u00b7 " + r.request.semantics + " semantics, " + parameters_text(r.request) +
                                       (r.gradual ? ", threshold " + threshold_text(r.threshold) : "") + " \u00b7 agon " +
                                       AGON_VERSION_STRING));
    out.push_back(make(Kind::heading, "Summary"));
    Block b = make(Kind::bullets, "");
    b.items = r.summary;
    out.push_back(b);
}

void maps(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "The map"));
    if (omitted(out, r, "maps")) return;
    out.push_back(make(Kind::paragraph,
                       "Boxes are claims; blue arrows support, vermillion arrows with a bar attack, dashed arrows undercut. "
                       "Fill colours show the evaluation under " + r.request.semantics +
                       (r.gradual ? " (darker blue = stronger, the strength is printed in each box)."
                                  : " (green = stands, vermillion = falls, yellow = undecided).") +
                       " The target is outlined. \u201cw 0.50\u201d on an arrow is its weight, where it is not 1 "
                       "(a lighter arrow is drawn thinner)."));
    if (r.map_svg.empty()) out.push_back(make(Kind::note, r.notes.at("map")));
    else {
        out.push_back(figure(r.map_svg, "The whole map."));
        out.back().whole_map = true;
    }
    out.push_back(figure(r.focus_svg, "The target and the claims next to it."));
}

void assumptions(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "Key Assumptions Check"));
    out.push_back(make(Kind::paragraph,
                       "The unsupported premises the conclusion depends on (claims nothing in the map supports, with a "
                       "path to the target). Base is the premise's own score, from 0 to 1, before the map weighs it; "
                       "influence is the target's value minus its value without the premise; "
                       "Shapley values share the total effect among the premises fairly. \u201cHinge\u201d marks premises "
                       "in a smallest set whose removal changes the conclusion; they come first. The verdict is the "
                       "analyst's, from the tag assumption:solid, assumption:caveats or assumption:unsupported."));
    if (r.assumptions.empty()) {
        out.push_back(make(Kind::note, "The target depends on no unsupported premise."));
        return;
    }
    const bool shapley = r.notes.find("shapley") == r.notes.end();
    Block t = shapley ? table({"Premise", "Base", "Influence", "Shapley", "Hinge", "Verdict"}, {42, 8, 12, 12, 8, 18})
                      : table({"Premise", "Base", "Influence", "Hinge", "Verdict"}, {52, 8, 13, 9, 18});
    for (const ReportAssumption& a : r.assumptions) {
        const std::string verdict = a.verdict.empty() ? "not assessed" : a.verdict == "caveats" ? "with caveats" : a.verdict;
        const std::string tone = a.verdict == "solid" ? "good" : a.verdict == "unsupported" ? "bad" : a.verdict.empty() ? "muted" : "undec";
        std::vector<Cell> row{{name_of(r, a.claim)}, num(a.base, 2), num(a.removal, 4, true)};
        if (shapley) row.push_back(a.shapley ? num(*a.shapley, 4, true) : Cell{"\u2013", "muted", true});
        row.push_back(a.in_hinge_set ? Cell{"yes", "bad"} : Cell{"no", "muted"});
        row.push_back({verdict, tone});
        t.rows.push_back(std::move(row));
    }
    out.push_back(t);
    if (auto it = r.notes.find("shapley"); it != r.notes.end()) out.push_back(make(Kind::note, it->second));
    std::string hinge;
    if (r.hinge_sets.empty())
        hinge = r.hinge_exact ? "No set of claims changes the conclusion when removed."
                              : unfinished_hinge_search(r, "change the conclusion");
    else {
        hinge = "Smallest sets whose removal changes the conclusion (" + std::to_string(r.hinge_sets[0].size()) + " claim" +
                (r.hinge_sets[0].size() == 1 ? "" : "s") + " each" + (r.hinge_exact ? "" : ", the search was cut off") + "): ";
        for (std::size_t i = 0; i < r.hinge_sets.size(); ++i) {
            hinge += i ? "; " : "";
            for (std::size_t k = 0; k < r.hinge_sets[i].size(); ++k)
                hinge += (k ? " + " : "") + ("\u201c" + name_of(r, r.hinge_sets[i][k]) + "\u201d");
        }
        hinge += ".";
    }
    out.push_back(make(Kind::paragraph, hinge));
}

void tornado(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "Sensitivity: which inputs move the conclusion"));
    if (omitted(out, r, "tornado")) return;
    if (r.tornado->empty()) {
        out.push_back(make(Kind::note, "No input that reaches the target has an uncertainty range."));
        return;
    }
    // Bars are sorted by swing: when the first does not move, none does, and
    // a chart of empty bars would say nothing.
    if (r.tornado->front().swing() < 1e-9) {
        std::string why = "None of the " + std::to_string(r.tornado->size()) +
                          " uncertain inputs moves the target over its range";
        why += r.gradual ? ": its strength stays " + number(r.status.value, 3) + "."
                         : ": under " + r.request.semantics + " semantics a label follows from which claims attack which, "
                           "so base scores and edge weights do not move it (it stays " +
                               std::string(to_string(*r.status.label)) + ").";
        out.push_back(make(Kind::paragraph, why + " The inputs and their ranges are in the JSON."));
        return;
    }
    out.push_back(make(Kind::paragraph,
                       "Each bar moves one input over its uncertainty range with everything else as given, and shows "
                       "where the target ends up; the longest bars are the inputs to check first. The vertical line "
                       "is the baseline."));
    out.push_back(figure(tornado_svg(r), "Tornado chart, sorted by swing."));
    Block t = table({"Input", "As given", "Range", "Target at low", "Target at high", "Swing"}, {40, 10, 14, 12, 12, 12});
    for (std::size_t i = 0; i < r.tornado->size() && i < 15; ++i) {
        const ReportTornadoBar& b = (*r.tornado)[i];
        t.rows.push_back({{b.weight ? input_text(r, b, 90) : name_of(r, b.input)}, num(b.value, 2),
                          {"[" + number(b.low) + ", " + number(b.high) + "]", "", true}, num(b.at_low), num(b.at_high),
                          num(b.swing())});
    }
    out.push_back(t);
    if (r.tornado->size() > 15) {
        std::size_t still = 0;
        for (std::size_t i = 15; i < r.tornado->size(); ++i) still += (*r.tornado)[i].swing() < 1e-9;
        out.push_back(make(Kind::note, std::to_string(r.tornado->size() - 15) + " more inputs with smaller swings are in the JSON" +
                                           (still ? " (" + std::to_string(still) + " of them do not move the target)." : ".")));
    }
}

void robustness(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "Robustness under uncertainty"));
    if (omitted(out, r, "robustness")) return;
    const ReportRobustness& rb = *r.robustness;
    out.push_back(make(Kind::paragraph,
                       "Monte Carlo: every sample redraws each base score (uniformly within its range, or \u00b1" +
                           number(rb.default_spread) + " around the given value), each listed edge weight and each "
                           "uncertain claim's presence, then evaluates the map again. " + std::to_string(rb.samples) +
                           " samples, seed " + std::to_string(rb.seed) + " (the same seed gives the same figures)."));
    if (rb.p_in) out.push_back(figure(labels_svg(rb), "Share of samples by label."));
    else out.push_back(figure(histogram_svg(r), "Distribution of the target's strength over the samples."));
    Block t = table({"Samples", "Seed", "Mean", "Std. dev.", "90% range", rb.p_in ? "P(in / undec / out)" : "P(accepted)"},
                    {12, 10, 12, 12, 22, 32});
    t.rows.push_back({num(static_cast<double>(rb.samples), 0), num(static_cast<double>(rb.seed), 0), num(rb.mean),
                      num(rb.stddev), {"[" + number(rb.q05, 3) + ", " + number(rb.q95, 3) + "]", "", true},
                      {rb.p_in ? percent(*rb.p_in, 1) + " / " + percent(*rb.p_undec, 1) + " / " + percent(*rb.p_out, 1)
                               : rb.p_accepted ? percent(*rb.p_accepted, 1) : "\u2013",
                       "", true}});
    out.push_back(t);
}

void hypotheses(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "Competing hypotheses"));
    if (omitted(out, r, "hypotheses")) return;
    const ReportHypotheses& h = *r.hypotheses;
    out.push_back(make(Kind::paragraph,
                       "Analysis of Competing Hypotheses over the claims tagged \u2018hypothesis\u2019 and \u2018evidence\u2019. "
                       "A piece of evidence is consistent with a hypothesis when it reaches it through support (an even "
                       "number of attacks on the way), inconsistent when it reaches it through attack, neutral when it "
                       "does not reach it; the number is its effect on the hypothesis under " + r.request.semantics +
                       " (the hypothesis's value minus its value without the evidence). The hypothesis with the least "
                       "evidence against it is the one to keep."));
    // Blocks of at most kAchColumns hypotheses: fifteen columns of 4% each
    // ran off the page and broke every word in the PDF; at four, a column
    // holds "inconsistent" on one line on an A4 page.
    constexpr std::size_t kAchColumns = 4;
    const std::size_t n = h.hypotheses.size();
    for (std::size_t first = 0; first < n; first += kAchColumns) {
        const std::size_t last = std::min(n, first + kAchColumns);
        std::vector<std::string> head{"Evidence"};
        std::vector<double> widths{28};
        for (std::size_t j = first; j < last; ++j) {
            head.push_back(shorten(name_of(r, h.hypotheses[j].claim), 60));
            widths.push_back(72.0 / static_cast<double>(last - first));
        }
        Block t = table(head, widths);
        if (n > kAchColumns)
            t.text = "Hypotheses " + std::to_string(first + 1) + "\u2013" + std::to_string(last) + " of " + std::to_string(n);
        for (std::size_t i = 0; i < h.evidence.size(); ++i) {
            std::vector<Cell> row{{name_of(r, h.evidence[i])}};
            for (std::size_t j = first; j < last; ++j) {
                const ReportAchCell& c = h.cells[i][j];
                const std::string tone = c.relation == Consistency::consistent ? "good"
                                         : c.relation == Consistency::inconsistent ? "bad" : "muted";
                std::string s = to_string(c.relation);
                if (c.relation != Consistency::neutral) s += " (" + num(c.effect, 3, true).text + ")";
                row.push_back({s, tone});
            }
            t.rows.push_back(row);
        }
        out.push_back(t);
    }
    Block rank = table({"Rank", "Hypothesis", "Inconsistent", "Against (sum)", "Consistent", "Status"}, {7, 35, 14, 13, 13, 18});
    int place = 0;
    for (std::size_t k : h.by_inconsistency) {
        const ReportHypothesis& x = h.hypotheses[k];
        rank.rows.push_back({num(++place, 0), {name_of(r, x.claim)}, num(x.inconsistent, 0), num(x.inconsistency, 3),
                             num(x.consistent, 0), status_cell(x.status, r)});
    }
    rank.text = "Hypotheses ranked by the evidence against them (fewest inconsistent pieces first)";
    out.push_back(rank);
    std::string by_strength = "By evaluated " + std::string(r.gradual ? "strength" : "status") + ": ";
    for (std::size_t i = 0; i < h.by_strength.size(); ++i) {
        const ReportHypothesis& x = h.hypotheses[h.by_strength[i]];
        by_strength += (i ? ", then " : "") + ("\u201c" + name_of(r, x.claim) + "\u201d") + " (" +
                       (x.status.label ? std::string(to_string(*x.status.label)) : number(x.status.value)) + ")";
    }
    out.push_back(make(Kind::paragraph, by_strength + "."));
}

std::string change_text(const Report& r, const ReportScenarioRow& row, const Change& c) {
    auto side = [&](const std::optional<Label>& l, const std::optional<double>& s) {
        return l ? std::string(to_string(*l)) : s ? number(*s, 3) : std::string("absent");
    };
    const auto added = row.added_texts.find(c.id);
    const std::string name = added == row.added_texts.end() ? shorten(name_of(r, c.id), 48)
                             : shorten(added->second.empty() ? c.id : added->second, 40) + " (added)";
    return name + ": " + side(c.label_before, c.strength_before) + " \u2192 " +
           side(c.label_after, c.strength_after);
}

void scenarios(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "Scenarios"));
    if (omitted(out, r, "scenarios")) return;
    out.push_back(make(Kind::paragraph,
                       "Each scenario edits the map (removes or adds claims, changes base scores or weights) and is "
                       "evaluated under the same semantics; the table compares it with the baseline, the map as given."));
    out.push_back(figure(scenarios_svg(r), "The target in each scenario."));
    Block t = table({"Scenario", "What it assumes", "Target", "Change", "Other claims that moved"}, {17, 23, 14, 11, 35});
    for (const ReportScenarioRow& s : *r.scenarios) {
        std::string moved;
        std::size_t shown = 0, others = 0;
        for (const Change& c : s.changes) {
            if (c.id == r.target) continue;
            if (++others <= 4) moved += (shown++ ? "; " : "") + change_text(r, s, c);
        }
        if (others > 4) moved += "; and " + std::to_string(others - 4) + " more";
        if (others == 0) moved = "none";
        Cell delta = s.target ? num(s.target->value - r.status.value, 3, true) : Cell{"removed", "muted"};
        t.rows.push_back({{s.name}, {s.note}, s.target ? status_cell(*s.target, r) : Cell{"absent", "muted"}, delta,
                          {moved}});
    }
    out.push_back(t);
    for (const ReportScenarioRow& s : *r.scenarios)
        if (!s.map_svg.empty() && !s.changes.empty())
            out.push_back(figure(s.map_svg, "Scenario \u201c" + s.name + "\u201d: claims whose status moved are outlined, "
                                            "with before \u2192 after."));
}

void appendix(std::vector<Block>& out, const Report& r) {
    out.push_back(make(Kind::heading, "Appendix: sources"));
    if (!omitted(out, r, "sources")) {
        Block t = table({"Source", "Link", "Claims"}, {34, 30, 36});
        for (const ReportSource& s : r.sources) {
            std::string ids;
            for (const std::string& id : s.claims) ids += (ids.empty() ? "" : ", ") + id;
            t.rows.push_back({{s.source.empty() ? "\u2013" : s.source}, {s.url.empty() ? "\u2013" : s.url}, {ids}});
        }
        out.push_back(t);
    }
    out.push_back(make(Kind::heading, "Appendix: every claim"));
    Block t = table({"Claim", "Text", "Base", r.gradual ? "Strength" : "Label", "Source"}, {21, 40, 8, 11, 20});
    for (std::size_t v = 0; v < r.graph.claims().size(); ++v) {
        const Claim& c = r.graph.claims()[v];
        const ReportStatus st = status_of(r.baseline, static_cast<std::uint32_t>(v), r.threshold);
        const std::string* source = c.attribute("source");
        t.rows.push_back({{c.id}, {c.text}, num(c.base, 2),
                          st.label ? Cell{std::string(to_string(*st.label)), ""} : num(st.value),
                          {source ? *source : "\u2013", source ? "" : "muted"}});
    }
    out.push_back(t);
}

}  // namespace

std::vector<Block> document(const Report& r) {
    std::vector<Block> out;
    header(out, r);
    maps(out, r);
    assumptions(out, r);
    tornado(out, r);
    robustness(out, r);
    hypotheses(out, r);
    scenarios(out, r);
    appendix(out, r);
    return out;
}

}  // namespace agon::report_detail
