// Carneades 4 argument graphs in YAML (docs/formats.md §1): statements, issues,
// arguments with premises, conclusion, scheme and undercutter, assumptions,
// weighing functions, and the theory - argument schemes with variables,
// instantiated as Carneades' own engine does (io/carneades_rules.hpp), and
// issue schemes. Compiled only with yaml-cpp.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "io/carneades_rules.hpp"
#include "io/carneades_yaml_weighing.hpp"
#include "io/formats.hpp"

namespace agon::detail {

namespace {

namespace cn = carneades_io;

// Carneades' limit on rule applications when it constructs arguments.
constexpr std::size_t max_rule_applications = 100000;

Location where(const YAML::Node& at, const std::string& name) {
    const YAML::Mark mark = at.Mark();
    if (mark.is_null()) return Location{name, 0, 0};
    return Location{name, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

[[noreturn]] void bad(const YAML::Node& at, const std::string& name, const std::string& m) {
    throw Error(ErrorKind::invalid_input, m, where(at, name));
}

std::string line_of(const YAML::Node& at, const std::string& name) {
    const YAML::Mark mark = at.Mark();
    return mark.is_null() ? name : name + ":" + std::to_string(mark.line + 1);
}

std::string scalar(const YAML::Node& n, const std::string& name, const std::string& what) {
    if (!n.IsScalar()) bad(n, name, what + " must be a plain value");
    return n.Scalar();
}

// The keys of a mapping; a key given twice is an error (YAML forbids it,
// yaml-cpp keeps both and a lookup would silently see only one).
void check_unique_keys(const YAML::Node& map, const std::string& name, const std::string& what) {
    std::set<std::string> seen;
    for (const auto& kv : map)
        if (kv.first.IsScalar() && !seen.insert(kv.first.Scalar()).second)
            bad(kv.first, name, what + " '" + kv.first.Scalar() + "' is given twice");
}

// A key with content. Carneades' loader reads a key whose entries are all
// commented out (YAML null) as empty, for every list- or map-valued key.
bool present(const YAML::Node& n) { return n && !n.IsNull(); }

// The entries of a list-valued key (a single value is a list of one).
std::vector<YAML::Node> entries(const YAML::Node& n) {
    std::vector<YAML::Node> out;
    if (!present(n)) return out;
    if (n.IsSequence())
        for (const auto& e : n) out.push_back(e);
    else
        out.push_back(n);
    return out;
}

std::vector<cn::Term> terms_of(const YAML::Node& n, const std::string& name, const std::string& what) {
    std::vector<cn::Term> out;
    for (const auto& e : entries(n)) {
        auto t = cn::read_term(scalar(e, name, what));
        if (!t) bad(e, name, what + " '" + e.Scalar() + "' is not a term");
        out.push_back(std::move(*t));
    }
    return out;
}

struct Arg {
    std::string id, conclusion, undercutter, scheme;
    std::vector<std::string> premises;
    std::vector<std::string> parameters;
};

struct SchemeDef {
    cn::Scheme rule;
    cn::Weighing weighing;
    cn::Metadata meta;
};

// The graph being read: statements in order, arguments, issues.
class Builder {
public:
    std::map<std::string, std::string> language;

    Claim& statement(const std::string& id, const std::optional<cn::Term>& term = std::nullopt) {
        auto it = claims_.find(id);
        if (it == claims_.end()) {
            Claim c;
            c.id = id;
            if (term) c.text = cn::apply_language(language, *term);
            if (c.text.empty()) c.text = id;
            order_.push_back(id);
            it = claims_.emplace(id, std::move(c)).first;
        }
        return it->second;
    }
    static void assume(Claim& c) {
        c.base = 1.0;
        if (!c.has_tag("assumed")) c.tags.push_back("assumed");
    }
    bool has_arg(const std::string& id) const { return arg_ids_.count(id) > 0; }
    void add(Arg a) {
        arg_ids_.insert(a.id);
        args_.push_back(std::move(a));
    }
    // Carneades' argument ids: "a" and the number of arguments plus one, or the next free one.
    std::string fresh_arg_id() const {
        std::size_t i = args_.size() + 1;
        while (has_arg("a" + std::to_string(i))) ++i;
        return "a" + std::to_string(i);
    }

    // One scheme instantiated with `values` (Carneades' InstantiateScheme).
    void instantiate(const SchemeDef& s, const std::vector<cn::Term>& values) {
        cn::Bindings b;
        for (std::size_t i = 0; i < s.rule.variables.size() && i < values.size(); ++i) b[s.rule.variables[i]] = values[i];
        auto make = [&](const cn::Term& pattern) {
            const cn::Term t = cn::substitute(pattern, b);
            const std::string id = cn::print(t);
            statement(id, t);
            return id;
        };
        std::vector<std::string> premises;
        for (const auto& p : s.rule.premises)
            if (cn::predicate(cn::substitute(p, b)) != "argument") premises.push_back(make(p));  // left implicit
        for (const auto& a : s.rule.assumptions) {
            premises.push_back(make(a));
            assume(statement(premises.back()));
        }
        std::vector<std::string> conclusions;
        for (const auto& c : s.rule.conclusions) conclusions.push_back(make(c));
        if (conclusions.empty()) return;
        // All arguments of one instantiation share one undercutter; the
        // exceptions argue for it, each with an undercutter of its own.
        const std::string undercutter = "undercut(" + fresh_arg_id() + ")";
        statement(undercutter).text = fresh_arg_id() + " is undercut.";
        std::vector<std::string> parameters;
        for (const auto& v : values) parameters.push_back(cn::print(v));
        for (const auto& c : conclusions) add({fresh_arg_id(), c, undercutter, s.rule.id, premises, parameters});
        for (const auto& e : s.rule.exceptions) {
            const std::string premise = make(e);
            const std::string id = fresh_arg_id();
            statement("undercut(" + id + ")").text = id + " is undercut.";
            add({id, undercutter, "undercut(" + id + ")", "", {premise}, {}});
        }
    }

    const std::vector<Arg>& args() const { return args_; }
    const std::vector<std::string>& order() const { return order_; }
    Claim& claim(const std::string& id) { return claims_.at(id); }

private:
    std::map<std::string, Claim> claims_;
    std::vector<std::string> order_;
    std::vector<Arg> args_;
    std::set<std::string> arg_ids_;
};

// Argument schemes, in file order, with their weighing functions.
std::vector<SchemeDef> read_schemes(const YAML::Node& doc, const std::map<std::string, cn::Weighing>& named,
                                    const std::string& name, Warnings* warnings) {
    std::vector<SchemeDef> out;
    const YAML::Node ss = doc["argument_schemes"];
    if (!present(ss)) return out;
    if (!ss.IsSequence()) bad(ss, name, "argument_schemes must be a list");
    for (const auto& s : ss) {
        if (!s.IsMap() || !present(s["id"])) bad(s, name, "an argument scheme needs an id");
        SchemeDef d;
        d.rule.id = scalar(s["id"], name, "a scheme id");
        d.weighing = cn::read_weighing(s["weight"], named, name);
        if (present(s["meta"]) && s["meta"].IsMap()) d.meta = cn::read_metadata(s["meta"]);
        for (const auto& v : entries(s["variables"])) d.rule.variables.push_back(scalar(v, name, "a scheme variable"));
        d.rule.premises = terms_of(s["premises"], name, "a premise");
        d.rule.assumptions = terms_of(s["assumptions"], name, "an assumption");
        d.rule.exceptions = terms_of(s["exceptions"], name, "an exception");
        d.rule.guards = terms_of(s["guards"], name, "a guard");
        d.rule.deletions = terms_of(s["deletions"], name, "a deletion");
        d.rule.conclusions = terms_of(s["conclusions"], name, "a conclusion");
        for (const auto& c : d.rule.conclusions)
            if (cn::is_builtin(c)) bad(s["conclusions"], name, "scheme '" + d.rule.id + "' concludes a built-in ('" + cn::print(c) + "')");
        if (warnings && !d.rule.deletions.empty() && !d.rule.conclusions.empty())
            warnings->push_back(line_of(s, name) + ": scheme '" + d.rule.id +
                                "' deletes premises (a CHR simplification rule); agon does not apply it");
        out.push_back(std::move(d));
    }
    return out;
}

// The graph of a parsed document. yaml-cpp throws on conversions this file
// does not check itself; parse_carneades turns those into located errors.
Graph read_document(const YAML::Node& doc, const std::string& name, Warnings* warnings) {
    if (!doc.IsMap()) throw Error(ErrorKind::invalid_input, "not a Carneades argument graph: expected a YAML mapping", Location{name, 1, 1});
    Graph g;
    if (doc["meta"] && doc["meta"].IsMap() && doc["meta"]["title"]) g.set_title(scalar(doc["meta"]["title"], name, "meta.title"));
    Builder b;
    if (const YAML::Node l = doc["language"]; present(l) && l.IsMap())
        for (const auto& kv : l)
            if (kv.first.IsScalar() && kv.second.IsScalar()) b.language[kv.first.Scalar()] = kv.second.Scalar();

    if (const YAML::Node st = doc["statements"]; present(st)) {
        if (!st.IsMap()) bad(st, name, "statements must be a mapping");
        check_unique_keys(st, name, "statement");
        for (const auto& kv : st) {
            Claim& c = b.statement(cn::normalize(scalar(kv.first, name, "a statement id")));
            const YAML::Node& v = kv.second;
            if (v.IsScalar()) c.text = v.Scalar();
            else if (v.IsMap()) {
                if (v["text"]) c.text = scalar(v["text"], name, "statement text");
                if (v["assumed"] && (v["assumed"].Scalar() == "true" || v["assumed"].Scalar() == "1")) b.assume(c);
            } else if (!v.IsNull()) {
                bad(v, name, "statement '" + c.id + "' must be a text or a mapping");
            }
            if (c.text.empty()) c.text = c.id;
        }
    }
    std::vector<std::string> assumptions;
    if (const YAML::Node as = doc["assumptions"]; present(as)) {
        if (!as.IsSequence()) bad(as, name, "assumptions must be a list");
        for (const auto& a : as) {
            assumptions.push_back(cn::normalize(scalar(a, name, "an assumption")));
            b.assume(b.statement(assumptions.back(), cn::read_term(assumptions.back())));
        }
    }
    // Issues: each statement's issue and standard; the attacks come last.
    std::map<std::string, std::string> issue_of, standard_of;
    std::vector<std::string> issue_order;
    if (const YAML::Node is = doc["issues"]; present(is)) {
        if (!is.IsMap()) bad(is, name, "issues must be a mapping");
        check_unique_keys(is, name, "issue");
        for (const auto& kv : is) {
            const std::string issue = scalar(kv.first, name, "an issue id");
            const YAML::Node& v = kv.second;
            if (!v.IsMap() || (present(v["positions"]) && !v["positions"].IsSequence()))
                bad(v, name, "issue '" + issue + "' needs a list of positions");
            std::string standard = present(v["standard"]) ? scalar(v["standard"], name, "standard") : "PE";
            for (char& ch : standard) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (standard != "PE" && standard != "CCE" && standard != "BRD")
                bad(v["standard"], name, "unknown proof standard '" + standard + "' (PE, CCE or BRD)");
            issue_order.push_back(issue);
            for (const auto& p : entries(v["positions"])) {
                const std::string id = b.statement(cn::normalize(scalar(p, name, "a position"))).id;
                if (auto other = issue_of.find(id); other != issue_of.end() && other->second != issue)
                    bad(p, name, "statement '" + id + "' is a position of issue '" + other->second + "' and of issue '" +
                                     issue + "'; a statement may be a position of one issue only");
                issue_of[id] = issue;
                standard_of[id] = standard;
            }
        }
    }
    // Weighing functions by name, then the schemes that use them.
    const std::map<std::string, cn::Weighing> basic = cn::basic_weighings();
    std::map<std::string, cn::Weighing> named = basic;
    if (const YAML::Node wf = doc["weighing_functions"]; present(wf)) {
        if (!wf.IsMap()) bad(wf, name, "weighing_functions must be a mapping");
        for (const auto& kv : wf) named[cn::lower(scalar(kv.first, name, "a weighing function name"))] = cn::read_weighing(kv.second, named, name);
    }
    const std::vector<SchemeDef> schemes = read_schemes(doc, named, name, warnings);
    std::map<std::string, std::size_t> scheme_at;
    for (std::size_t k = 0; k < schemes.size(); ++k) scheme_at.emplace(schemes[k].rule.id, k);

    if (const YAML::Node as = doc["arguments"]; present(as)) {
        if (!as.IsMap()) bad(as, name, "arguments must be a mapping");
        check_unique_keys(as, name, "argument");
        for (const auto& kv : as) {
            Arg a;
            a.id = scalar(kv.first, name, "an argument id");
            const YAML::Node& v = kv.second;
            if (!v.IsMap() || !v["conclusion"]) bad(v, name, "argument '" + a.id + "' needs a conclusion");
            a.conclusion = b.statement(cn::normalize(scalar(v["conclusion"], name, "conclusion"))).id;
            if (const YAML::Node& ps = v["premises"]; present(ps)) {
                if (ps.IsSequence())
                    for (const auto& p : ps) a.premises.push_back(cn::normalize(scalar(p, name, "a premise")));
                else if (ps.IsMap())
                    for (const auto& p : ps) a.premises.push_back(cn::normalize(scalar(p.second, name, "a premise")));
                else
                    bad(ps, name, "premises of '" + a.id + "' must be a list or a mapping of roles");
            }
            for (const auto& p : a.premises) b.statement(p);
            if (present(v["undercutter"])) a.undercutter = b.statement(cn::normalize(scalar(v["undercutter"], name, "undercutter"))).id;
            if (present(v["scheme"])) {
                a.scheme = scalar(v["scheme"], name, "scheme");
                if (!scheme_at.count(a.scheme) && !basic.count(a.scheme))
                    bad(v["scheme"], name, "argument '" + a.id + "' names an unknown scheme '" + a.scheme + "'");
            }
            for (const auto& p : entries(v["parameters"])) a.parameters.push_back(cn::normalize(scalar(p, name, "a parameter")));
            b.add(std::move(a));
        }
    }

    // Arguments from the schemes with variables, as Carneades constructs them
    // before it evaluates: goals are the assumptions and the file's arguments.
    if (std::any_of(schemes.begin(), schemes.end(), [](const SchemeDef& s) { return !s.rule.conclusions.empty(); })) {
        std::vector<cn::Term> goals;
        for (const auto& a : assumptions)
            if (auto t = cn::read_term(a)) goals.push_back(std::move(*t));
        for (const Arg& a : b.args()) {
            if (a.scheme.empty()) continue;
            std::vector<cn::Term> values;
            for (const auto& p : a.parameters)
                if (auto t = cn::read_term(p)) values.push_back(std::move(*t));
            goals.push_back(cn::argument_term(a.scheme, values));
        }
        std::vector<cn::Scheme> rules;
        for (const auto& s : schemes) rules.push_back(s.rule);
        const cn::Derivation d = cn::derive(rules, std::move(goals), max_rule_applications);
        for (const auto& in : d.instances) b.instantiate(schemes[in.scheme], in.values);
        if (warnings) {
            for (std::size_t k : d.unevaluated_guards)
                warnings->push_back(name + ": a guard of scheme '" + schemes[k].rule.id +
                                    "' is not a built-in comparison agon can evaluate; it never holds");
            if (!d.stopped.empty()) warnings->push_back(name + ": rule instantiation stopped " + d.stopped);
        }
    }
    // Issue schemes make issues of the statements that match them.
    if (const YAML::Node is = doc["issue_schemes"]; present(is)) {
        if (!is.IsMap()) bad(is, name, "issue_schemes must be a mapping");
        std::vector<std::string> ids = b.order();
        std::vector<std::string> of(ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (auto it = issue_of.find(ids[i]); it != issue_of.end()) of[i] = it->second;
        std::size_t issues = issue_order.size();
        auto fresh = [&] {
            std::string id;
            for (std::size_t i = ++issues;; ++i)
                if (id = "i" + std::to_string(i); std::find(issue_order.begin(), issue_order.end(), id) == issue_order.end()) break;
            issue_order.push_back(id);
            return id;
        };
        for (const auto& kv : is) {
            std::vector<std::string> patterns;
            for (const auto& p : entries(kv.second)) patterns.push_back(scalar(p, name, "an issue pattern"));
            if (patterns.size() < 2) {
                if (warnings) warnings->push_back(line_of(kv.first, name) + ": issue scheme with fewer than two patterns is ignored");
                continue;
            }
            if (!cn::apply_issue_scheme(patterns, ids, of, fresh)) bad(kv.second, name, "an issue scheme pattern is not a term");
        }
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (!of[i].empty() && !issue_of.count(ids[i])) {
                issue_of[ids[i]] = of[i];
                standard_of[ids[i]] = "PE";
            }
    }

    // Without arguments or issues nothing else says the graph is Carneades',
    // and read natively a lone statement of base 0.5 would be assumed.
    const bool plain = b.args().empty() && issue_of.empty();
    for (const auto& id : b.order()) {
        Claim c = b.claim(id);
        if (plain) c.attributes.emplace_back("format", "carneades");
        if (auto it = issue_of.find(id); it != issue_of.end()) {
            c.tags.push_back("issue:" + it->second);
            c.tags.push_back("standard:" + standard_of[id]);
        }
        g.add_claim(std::move(c));
    }
    // Arguments, with what their weighing functions need.
    std::vector<const cn::Metadata*> metas;
    std::vector<const cn::Weighing*> weighings;
    static const cn::Metadata none;
    for (const Arg& a : b.args()) {
        const auto s = scheme_at.find(a.scheme);
        metas.push_back(s == scheme_at.end() ? &none : &schemes[s->second].meta);
        weighings.push_back(s != scheme_at.end() ? &schemes[s->second].weighing
                                                 : &basic.at(a.scheme.empty() ? "linked" : a.scheme));
    }
    const std::vector<double> ranks = cn::preference_weights(b.args().size(), weighings, metas, [&](std::size_t i) {
        auto it = issue_of.find(b.args()[i].conclusion);
        return it == issue_of.end() ? std::string() : it->second;
    });
    for (std::size_t i = 0; i < b.args().size(); ++i) {
        const Arg& a = b.args()[i];
        const cn::Weighing& w = *weighings[i];
        Claim c;
        c.id = g.find_claim(a.id) ? "arg:" + a.id : a.id;
        c.text = a.id;
        c.kind = ClaimKind::argument;
        if (!a.scheme.empty()) c.tags.push_back("scheme:" + a.scheme);
        c.attributes.emplace_back("weighing", w.kind);
        if (w.kind == "preference") c.attributes.emplace_back("preference", cn::number_text(ranks[i]));
        if (w.kind == "criteria") c.attributes.emplace_back("criteria", cn::criteria_attribute(w, a.premises));
        const std::string arg_id = c.id;
        g.add_claim(std::move(c));
        for (const auto& p : a.premises) g.add_edge({"", EdgeKind::support, p, arg_id, 1.0});
        const double weight = w.kind == "constant" ? w.constant : 1.0;
        const Edge& conclusion = g.add_edge({"", EdgeKind::support, arg_id, a.conclusion, weight});
        if (!a.undercutter.empty()) g.add_edge({"", EdgeKind::undercut, a.undercutter, conclusion.id, 1.0});
    }
    for (const auto& issue : issue_order) {
        std::vector<std::string> positions;
        for (const auto& id : b.order())
            if (auto it = issue_of.find(id); it != issue_of.end() && it->second == issue) positions.push_back(id);
        for (const auto& p : positions)
            for (const auto& q : positions)
                if (p != q) g.add_edge({"", EdgeKind::attack, p, q, 1.0});
    }
    if (warnings) {
        // Keys read above, and keys with no bearing on the graph (meta, expected labels, references).
        static const std::set<std::string> read = {"meta",      "statements",       "assumptions",        "issues",
                                                   "arguments", "argument_schemes", "weighing_functions", "issue_schemes",
                                                   "language",  "tests",            "labels",             "references"};
        for (const auto& kv : doc)
            if (kv.first.IsScalar() && !read.count(kv.first.Scalar()))
                warnings->push_back(line_of(kv.first, name) + ": '" + kv.first.Scalar() + "' is not imported");
    }
    return g;
}

[[noreturn]] void yaml_error(const YAML::Exception& e, const std::string& name) {
    throw Error(ErrorKind::invalid_input, e.msg,
                e.mark.is_null() ? Location{name, 0, 0}
                                 : Location{name, static_cast<std::uint32_t>(e.mark.line + 1),
                                            static_cast<std::uint32_t>(e.mark.column + 1)});
}

// yaml-cpp reads a quoted text left open at the end of the file as running to
// the end, so a truncated file passed for a whole one; YAML makes it an error.
// Each quoted scalar, after its anchor or tag, must close. `seen` visits a node
// shared through aliases once (by position and type: a block mapping starts
// where its first key does).
void check_quotes_closed(const YAML::Node& n, std::string_view text, const std::string& name,
                         std::set<std::pair<int, int>>& seen) {
    const YAML::Mark mark = n.Mark();
    if (mark.is_null() || mark.pos < 0 || !seen.emplace(mark.pos, static_cast<int>(n.Type())).second) return;
    if (n.IsMap())
        for (const auto& kv : n) {
            check_quotes_closed(kv.first, text, name, seen);
            check_quotes_closed(kv.second, text, name, seen);
        }
    if (n.IsSequence())
        for (const auto& item : n) check_quotes_closed(item, text, name, seen);
    if (!n.IsScalar()) return;
    std::size_t i = static_cast<std::size_t>(mark.pos);
    while (i < text.size() && (text[i] == '&' || text[i] == '!')) {  // an anchor or a tag before the text
        i = text.find_first_of(" \t\r\n", i);
        i = i == std::string_view::npos ? i : text.find_first_not_of(" \t\r\n", i);
    }
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return;
    const char quote = text[i];
    for (++i; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') ++i;  // an escape: the next character is text
        else if (text[i] == quote && (quote == '"' || i + 1 == text.size() || text[i + 1] != '\'')) return;
        else if (text[i] == quote) ++i;  // '' inside single quotes is one quote
    }
    bad(n, name, "a quoted text is not closed before the end of the file");
}

}  // namespace

Graph parse_carneades(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits) {
    (void)limits;  // parse_graph checks the graph's size after reading
    YAML::Node doc;
    try {
        doc = YAML::Load(std::string(text));
        std::set<std::pair<int, int>> seen;
        check_quotes_closed(doc, text, name, seen);
        return read_document(doc, name, warnings);
    } catch (const YAML::DeepRecursion& e) {
        throw Error(ErrorKind::limit, "nesting too deep for the YAML reader",
                    Location{name, static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1)});
    } catch (const YAML::Exception& e) {
        yaml_error(e, name);
    }
}

}  // namespace agon::detail
