// agon eval FILE --semantics NAME [--param k=v]... [--json]
#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "agon/question.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

struct EvalOptions {
    std::string file;
    std::string from;
    RequestArgs ask{"grounded"};
    bool json = false;
    double timeout = 0;
    std::string query;
    bool credulous = false, skeptical = false;
};

// --query CLAIM: one acceptance question, YES/NO with its certificate.
void run_query(const EvalOptions& o, const Input& in) {
    auto sem = extension_semantics_from_string(o.ask.semantics);
    if (!sem) throw Error(ErrorKind::usage, "--query needs an extension semantics, not '" + o.ask.semantics + "'");
    if (o.credulous == o.skeptical)
        throw Error(ErrorKind::usage, "--query needs exactly one of --credulous or --skeptical");
    auto v = in.snapshot->index_of(o.query);
    if (!v) throw Error(ErrorKind::not_found, "no claim '" + o.query + "'", Location{o.file, 0, 0});
    const SupportMode mode = support_mode(request_of(o.ask.semantics, {}, o.ask.support));
    if (mode == SupportMode::evidential)
        throw Error(ErrorKind::usage, "--query takes --support none, deductive or necessary");
    Control control = interruptible(o.timeout);
    const AttackView view(*in.snapshot, mode, control);
    const Snapshot& s = view.snapshot();
    Acceptance a = o.credulous ? credulous(s, *sem, *v, control) : skeptical(s, *sem, *v, control);
    std::vector<std::string> witness;
    if (a.witness)
        for (std::uint32_t x : *a.witness)
            if (x < in.snapshot->size()) witness.push_back(in.snapshot->id(x));
    set_exit(a.accepted ? ok : negative);
    if (o.json) {
        nlohmann::ordered_json j{{"semantics", o.ask.semantics}, {"claim", o.query},
                                 {"mode", o.credulous ? "credulous" : "skeptical"}, {"accepted", a.accepted}};
        if (a.witness) j["witness"] = witness;
        std::cout << j.dump() << "\n";
        return;
    }
    std::cout << (a.accepted ? "YES" : "NO") << "\n";
    if (a.witness) {
        std::cout << (o.credulous ? "an extension containing it:" : "an extension without it:");
        for (const auto& id : witness) std::cout << " " << id;
        std::cout << "\n";
    }
}

std::string bar(double x) {
    int n = static_cast<int>(std::lround(std::clamp(x, 0.0, 1.0) * 20));
    return std::string(static_cast<std::size_t>(n), '#') + std::string(static_cast<std::size_t>(20 - n), '.');
}

std::string fixed(double x, int digits) {
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(digits);
    os << x;
    return os.str();
}

// Text for people: labels grouped (in, undec, out) or strengths with bars.
std::string as_text(const Result& r, const Input& in) {
    std::ostringstream os;
    auto text_of = [&](std::uint32_t i) -> std::string {
        if (!in.graph) return "";
        const std::string& t = in.graph->claims()[i].text;
        return t.empty() || t == r.ids[i] ? "" : "  " + t;
    };
    if (r.ids.size() == 0) os << "The graph has no claims.\n";  // an empty file of a lenient format (apx, tgf, Argdown)
    if (!r.labels.empty()) {
        const Label order[] = {Label::in, Label::undec, Label::out};
        const char* heading[] = {"Claims that stand (in)", "Undecided", "Claims that fall (out)"};
        for (int k = 0; k < 3; ++k) {
            std::size_t count = 0;
            for (Label l : r.labels) count += l == order[k];
            if (count == 0) continue;
            os << heading[k] << " - " << count << ":\n";
            for (std::uint32_t i = 0; i < r.labels.size(); ++i)
                if (r.labels[i] == order[k]) os << "  " << r.ids[i] << text_of(i) << "\n";
        }
    } else {
        // A rank (burden numbers, 1 the best) draws its inverse: a longer bar is a stronger claim.
        const bool ranks = ranks_only(canonical_semantics(r.semantics));
        for (std::uint32_t i = 0; i < r.strength.size(); ++i)
            os << fixed(r.strength[i], 4) << " " << bar(ranks ? 1.0 / std::max(1.0, r.strength[i]) : r.strength[i]) << "  base " << fixed(in.snapshot->base(i), 2)
               << "  " << r.ids[i] << text_of(i) << "\n";
        if (!r.converged) os << "(did not converge after " << r.iterations << " iterations)\n";
    }
    for (const auto& w : r.warnings) os << "warning: " << w << "\n";
    return os.str();
}

void run(const EvalOptions& o) {
    Input in = load_input(o.file, o.from);
    if (!o.query.empty()) return run_query(o, in);
    // Past the enumeration cap, extension labels come from acceptance
    // questions, which can take long: their progress goes to a terminal.
    Control control = with_progress(interruptible(o.timeout));
    Result r = with_hint(ErrorKind::limit, "--query CLAIM --credulous or --skeptical", [&] {
        return evaluate(Subject(in.snapshot), o.ask.request(), control);
    });
    warn_if_unconverged(r);
    std::cout << (o.json ? to_json(r) + "\n" : as_text(r, in));
}

}  // namespace

void add_eval(CLI::App& app) {
    auto o = std::make_shared<EvalOptions>();
    std::string names;
    for (const auto& n : semantics_names()) names += (names.empty() ? "" : ", ") + n;
    auto* cmd = app.add_subcommand("eval", "Evaluate which claims stand (labels) or how strong they are (strengths).");
    cmd->footer("Semantics: " + names +
                "\nExtension semantics (grounded, complete, preferred, stable, semi-stable, stage, ideal) work on "
                "attacks; support edges are turned into attacks only when --support names an interpretation "
                "(deductive, necessary; evidential for grounded), otherwise ignored; undercuts always count.\n"
                "Their labels say how a claim is accepted: in = in every extension, undec = in some, out = in none "
                "(for grounded: the grounded labelling).\n"
                "Exit status: 0 ok (YES for --query), 1 NO for --query, 2 bad input or usage.");
    add_input(*cmd, o->file, o->from, "graph file (json, i23, apx, tgf, ...)");
    add_request(*cmd, o->ask);
    add_json(*cmd, o->json);
    add_timeout(*cmd, o->timeout);
    auto* query = cmd->add_option("--query", o->query, "ask whether one claim is accepted (YES exit 0, NO exit 1)");
    cmd->add_flag("--credulous", o->credulous, "with --query: in some extension?")->needs(query);
    cmd->add_flag("--skeptical", o->skeptical, "with --query: in every extension?")->needs(query);
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
