// The summary in plain sentences: status, what it rests on, what would
// change it, how sure that is - with the semantics and parameters used.
#include <algorithm>

#include "sections.hpp"

namespace agon::report_detail {

namespace {

std::string quoted(const Report& r, const std::string& id) { return "\u201c" + claim_text(r.graph, id) + "\u201d"; }

std::string list_of(const Report& r, const std::vector<std::string>& ids, const char* joiner) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : i + 1 == ids.size() ? joiner : ", ") + quoted(r, ids[i]);
    return out;
}

std::string status_sentence(const Report& r) {
    std::string s = "Under " + r.request.semantics + " semantics (" + parameters_text(r.request) + "), " +
                    quoted(r, r.target) + " is ";
    if (r.status.label) return s + status_text(r.status, r.gradual, r.threshold) + ".";
    return s + (r.status.accepted ? "accepted" : "not accepted") + ": its strength is " +
           number_against(r.status.value, r.threshold) + (r.status.accepted ? ", at or above" : ", below") +
           " the threshold of " + threshold_text(r.threshold) +
           (r.converged ? "." : " (the iteration did not converge).");
}

std::string rests_on_sentence(const Report& r) {
    std::vector<std::string> up, down;
    for (const ReportInfluence& i : r.influences) {
        if (i.removal > 1e-9 && up.size() < 3) up.push_back(i.claim);
        if (i.removal < -1e-9 && down.size() < 3) down.push_back(i.claim);
    }
    // Labels do not rest on base scores: under grounded, say, a claim out for
    // two attackers has no single claim whose removal changes it.
    if (up.empty() && down.empty())
        return r.gradual ? "No other claim moves it: it rests on its own base score."
                         : "Removing any one claim alone leaves its label as it is.";
    std::string s;
    if (!up.empty()) s = "It rests most on " + list_of(r, up, " and ") + ".";
    if (!down.empty()) s += std::string(s.empty() ? "" : " ") + "What weighs most against it: " + list_of(r, down, " and ") + ".";
    return s;
}

std::string change_sentence(const Report& r) {
    const std::string flip = r.gradual ? (r.status.accepted ? "take it below " : "take it to ") + threshold_text(r.threshold)
                                       : std::string("change its label");
    if (r.hinge_sets.empty())
        return r.hinge_exact ? "Removing claims cannot " + flip + ": it does not hinge on any set of claims."
                             : unfinished_hinge_search(r, flip);
    std::string s = "Removing ";
    for (std::size_t i = 0; i < r.hinge_sets.size() && i < 3; ++i)
        s += (i == 0 ? "" : " or ") + list_of(r, r.hinge_sets[i], " and ");
    if (r.hinge_sets.size() > 3) s += " (or " + std::to_string(r.hinge_sets.size() - 3) + " other sets of that size)";
    s += " would " + flip + (r.hinge_sets[0].size() == 1 ? ": the conclusion hinges on a single claim." : ".");
    return s;
}

std::string sure_sentence(const Report& r) {
    if (!r.robustness) return "How sure this is was not measured: no uncertainty was given.";
    const ReportRobustness& rb = *r.robustness;
    std::string s = "Over " + std::to_string(rb.samples) + " Monte Carlo samples (seed " + std::to_string(rb.seed) +
                    ", base scores within \u00b1" + number(rb.default_spread) + " unless given), ";
    if (rb.p_in)
        return s + "it is in " + percent(*rb.p_in) + " of the time, undecided " + percent(*rb.p_undec) + " and out " +
               percent(*rb.p_out) + ".";
    const auto shown = [&](double x) { return number_against(x, r.threshold); };
    s += "its strength averages " + shown(rb.mean) + " (90% between " + shown(rb.q05) + " and " + shown(rb.q95) + ")";
    if (rb.p_accepted) s += " and reaches the threshold in " + percent(*rb.p_accepted) + " of the samples";
    return s + ".";
}

std::string tornado_sentence(const Report& r) {
    if (!r.tornado || r.tornado->empty() || (*r.tornado)[0].swing() < 1e-9) return {};
    const ReportTornadoBar& top = (*r.tornado)[0];
    const std::string input = top.weight ? "the " + input_text(r, top, 90)
                              : top.input == r.target ? std::string("its own base score") : quoted(r, top.input);
    return "Of the uncertain inputs, " + input +
           " moves it most: from " + number(top.at_low) + " to " + number(top.at_high) + " over its range.";
}

}  // namespace

std::string unfinished_hinge_search(const Report& r, const std::string& flip) {
    const std::uint32_t k = r.hinge_at_least;
    // at_least is the size the search had reached: past max_size when every
    // set up to it was tried, at most max_size when --max-evaluations cut it off.
    if (k > r.hinge_max_size)
        return (r.hinge_max_size == 1 ? std::string("No single claim")
                                      : "No set of up to " + std::to_string(r.hinge_max_size) + " claims") +
               " would " + flip + " when removed (larger sets were not searched).";
    const std::string stopped = "the search stopped early, at its limit of evaluations, before trying every " +
                                (k == 1 ? std::string("single claim") : "set of " + std::to_string(k) + " claims");
    if (k <= 1) return "Whether removing claims would " + flip + " is not known: " + stopped + ".";
    return "No set of fewer than " + std::to_string(k) + " claims would " + flip + " when removed (" + stopped +
           "; larger sets were not tried).";
}

std::vector<std::string> summary(const Report& r) {
    std::vector<std::string> out{status_sentence(r)};
    // What the evaluation itself warned of (no stable extension: every claim
    // "falls" only because nothing is accepted) qualifies everything after it.
    for (const std::string& w : r.baseline.warnings) out.push_back("Caution: " + w + ".");
    for (std::string s : {rests_on_sentence(r), change_sentence(r), sure_sentence(r)}) out.push_back(std::move(s));
    if (std::string t = tornado_sentence(r); !t.empty()) out.push_back(t);
    return out;
}

}  // namespace agon::report_detail
