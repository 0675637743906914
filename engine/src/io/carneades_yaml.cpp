// Carneades 4 argument graphs in YAML (docs/formats.md §1): statements, issues,
// arguments with premises, conclusion, scheme and undercutter, assumptions,
// argument schemes with weighing functions. Compiled only with yaml-cpp.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "io/formats.hpp"

namespace agon::detail {

namespace {

[[noreturn]] void bad(std::string_view text, const YAML::Node& at, const std::string& name, const std::string& m) {
    const YAML::Mark mark = at.Mark();
    if (mark.is_null()) throw Error(ErrorKind::invalid_input, m, Location{name, 0, 0});
    (void)text;
    throw Error(ErrorKind::invalid_input, m,
                Location{name, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)});
}

// Statement ids are Prolog-like terms; spaces inside terms are not significant.
std::string normal_id(const std::string& raw) {
    if (raw.find('(') == std::string::npos) return raw;
    std::string out;
    for (char c : raw)
        if (c != ' ' && c != '\t') out += c;
    return out;
}

std::string scalar(std::string_view text, const YAML::Node& n, const std::string& name, const std::string& what) {
    if (!n.IsScalar()) bad(text, n, name, what + " must be a plain value");
    return n.Scalar();
}

// The keys of a mapping; a key given twice is an error (YAML forbids it,
// yaml-cpp keeps both and a lookup would silently see only one).
void check_unique_keys(std::string_view text, const YAML::Node& map, const std::string& name, const std::string& what) {
    std::set<std::string> seen;
    for (const auto& kv : map)
        if (kv.first.IsScalar() && !seen.insert(kv.first.Scalar()).second)
            bad(text, kv.first, name, what + " '" + kv.first.Scalar() + "' is given twice");
}

// A key with content. Carneades' loader reads a key whose entries are all
// commented out (YAML null) as empty, for every list- or map-valued key.
bool present(const YAML::Node& n) { return n && !n.IsNull(); }

// The weighing function of a scheme: a built-in name, {constant: x}, or other.
struct Weighing {
    std::string kind = "linked";
    double constant = 1.0;
};

// The graph of a parsed document. yaml-cpp throws on conversions this file
// does not check itself; parse_carneades turns those into located errors.
Graph read_document(const YAML::Node& doc, std::string_view text, const std::string& name, Warnings* warnings,
                    const ReadLimits& limits) {
    if (!doc.IsMap()) throw Error(ErrorKind::invalid_input, "not a Carneades argument graph: expected a YAML mapping", Location{name, 1, 1});
    (void)limits;
    Graph g;
    if (doc["meta"] && doc["meta"].IsMap() && doc["meta"]["title"]) g.set_title(scalar(text, doc["meta"]["title"], name, "meta.title"));

    // Statements, in file order.
    std::map<std::string, Claim> claims;
    std::vector<std::string> order;
    auto statement = [&](const std::string& id) -> Claim& {
        auto it = claims.find(id);
        if (it == claims.end()) {
            Claim c;
            c.id = id;
            c.text = id;
            order.push_back(id);
            it = claims.emplace(id, std::move(c)).first;
        }
        return it->second;
    };
    auto assume = [](Claim& c) {
        c.base = 1.0;
        if (!c.has_tag("assumed")) c.tags.push_back("assumed");
    };
    if (const YAML::Node st = doc["statements"]; present(st)) {
        if (!st.IsMap()) bad(text, st, name, "statements must be a mapping");
        check_unique_keys(text, st, name, "statement");
        for (const auto& kv : st) {
            Claim& c = statement(normal_id(scalar(text, kv.first, name, "a statement id")));
            const YAML::Node& v = kv.second;
            if (v.IsScalar()) c.text = v.Scalar();
            else if (v.IsMap()) {
                if (v["text"]) c.text = scalar(text, v["text"], name, "statement text");
                if (v["assumed"] && (v["assumed"].Scalar() == "true" || v["assumed"].Scalar() == "1")) assume(c);
            } else if (!v.IsNull()) {
                bad(text, v, name, "statement '" + c.id + "' must be a text or a mapping");
            }
            if (c.text.empty()) c.text = c.id;
        }
    }
    if (const YAML::Node as = doc["assumptions"]; present(as)) {
        if (!as.IsSequence()) bad(text, as, name, "assumptions must be a list");
        for (const auto& a : as) assume(statement(normal_id(scalar(text, a, name, "an assumption"))));
    }
    // Issues: positions get tags; the pairwise attacks are added after the claims.
    std::vector<std::vector<std::string>> issues;
    if (const YAML::Node is = doc["issues"]; present(is)) {
        if (!is.IsMap()) bad(text, is, name, "issues must be a mapping");
        check_unique_keys(text, is, name, "issue");
        for (const auto& kv : is) {
            const std::string issue = scalar(text, kv.first, name, "an issue id");
            const YAML::Node& v = kv.second;
            if (!v.IsMap() || (present(v["positions"]) && !v["positions"].IsSequence()))
                bad(text, v, name, "issue '" + issue + "' needs a list of positions");
            std::string standard = present(v["standard"]) ? scalar(text, v["standard"], name, "standard") : "PE";
            for (char& ch : standard) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (standard != "PE" && standard != "CCE" && standard != "BRD")
                bad(text, v["standard"], name, "unknown proof standard '" + standard + "' (PE, CCE or BRD)");
            std::vector<std::string> positions;
            const YAML::Node listed = present(v["positions"]) ? v["positions"] : YAML::Node(YAML::NodeType::Sequence);
            for (const auto& p : listed) {
                Claim& c = statement(normal_id(scalar(text, p, name, "a position")));
                c.tags.push_back("issue:" + issue);
                c.tags.push_back("standard:" + standard);
                positions.push_back(c.id);
            }
            issues.push_back(std::move(positions));
        }
    }
    // Schemes: weighing functions by scheme id.
    std::map<std::string, Weighing> schemes;
    for (const char* builtin : {"linked", "convergent", "cumulative", "factorized"}) schemes[builtin].kind = builtin;
    if (const YAML::Node ss = doc["argument_schemes"]; present(ss)) {
        for (const auto& s : ss) {
            if (!s.IsMap() || !s["id"]) continue;
            Weighing w;
            const YAML::Node& wt = s["weight"];
            if (wt && wt.IsScalar()) w.kind = wt.Scalar();
            else if (wt && wt.IsMap() && wt["constant"]) {
                w.kind = "constant";
                const YAML::Node& c = wt["constant"];
                double value = 0;
                if (!c.IsScalar() || !YAML::convert<double>::decode(c, value) || !(value >= 0 && value <= 1))
                    bad(text, c, name, "a scheme's constant weight must be a number in [0,1]");
                w.constant = value;
            } else if (wt && wt.IsMap()) {
                w.kind = wt["criteria"] ? "criteria" : "preference";
            }
            schemes[s["id"].Scalar()] = w;
            if (s["variables"] && warnings)
                warnings->push_back(name + ": scheme '" + s["id"].Scalar() + "' has variables; rule instantiation is not supported");
        }
    }
    // Arguments.
    struct Arg {
        std::string id, conclusion, undercutter;
        std::vector<std::string> premises;
        Weighing weighing;
        std::string scheme;
    };
    std::vector<Arg> args;
    if (const YAML::Node as = doc["arguments"]; present(as)) {
        if (!as.IsMap()) bad(text, as, name, "arguments must be a mapping");
        check_unique_keys(text, as, name, "argument");
        for (const auto& kv : as) {
            Arg a;
            a.id = scalar(text, kv.first, name, "an argument id");
            const YAML::Node& v = kv.second;
            if (!v.IsMap() || !v["conclusion"]) bad(text, v, name, "argument '" + a.id + "' needs a conclusion");
            a.conclusion = normal_id(scalar(text, v["conclusion"], name, "conclusion"));
            statement(a.conclusion);
            if (const YAML::Node& ps = v["premises"]; present(ps)) {
                if (ps.IsSequence())
                    for (const auto& p : ps) a.premises.push_back(normal_id(scalar(text, p, name, "a premise")));
                else if (ps.IsMap())
                    for (const auto& p : ps) a.premises.push_back(normal_id(scalar(text, p.second, name, "a premise")));
                else
                    bad(text, ps, name, "premises of '" + a.id + "' must be a list or a mapping of roles");
            }
            for (const auto& p : a.premises) statement(p);
            if (present(v["undercutter"])) {
                a.undercutter = normal_id(scalar(text, v["undercutter"], name, "undercutter"));
                statement(a.undercutter);
            }
            if (v["scheme"]) {
                a.scheme = scalar(text, v["scheme"], name, "scheme");
                auto it = schemes.find(a.scheme);
                if (it != schemes.end()) a.weighing = it->second;
            }
            args.push_back(std::move(a));
        }
    }
    for (const auto& id : order) g.add_claim(claims[id]);
    for (const Arg& a : args) {
        Claim c;
        c.id = claims.count(a.id) ? "arg:" + a.id : a.id;
        c.text = a.id;
        c.kind = ClaimKind::argument;
        if (!a.scheme.empty()) c.tags.push_back("scheme:" + a.scheme);
        c.tags.push_back("weighing:" + a.weighing.kind);
        const std::string arg_id = c.id;
        g.add_claim(std::move(c));
        for (const auto& p : a.premises) g.add_edge({"", EdgeKind::support, p, arg_id, 1.0});
        const Edge& conclusion =
            g.add_edge({"", EdgeKind::support, arg_id, a.conclusion, a.weighing.kind == "constant" ? a.weighing.constant : 1.0});
        if (!a.undercutter.empty()) g.add_edge({"", EdgeKind::undercut, a.undercutter, conclusion.id, 1.0});
    }
    for (const auto& positions : issues)
        for (const auto& p : positions)
            for (const auto& q : positions)
                if (p != q) g.add_edge({"", EdgeKind::attack, p, q, 1.0});
    if (warnings) {
        // Keys read above, and keys with no bearing on the graph (meta, expected labels).
        static const std::set<std::string> read = {"meta", "statements", "assumptions", "issues", "arguments",
                                                   "argument_schemes", "tests", "labels"};
        for (const auto& kv : doc)
            if (kv.first.IsScalar() && !read.count(kv.first.Scalar()))
                warnings->push_back(name + ":" + std::to_string(kv.first.Mark().line + 1) + ": '" + kv.first.Scalar() +
                                    "' is not imported");
    }
    return g;
}

[[noreturn]] void yaml_error(const YAML::Exception& e, const std::string& name) {
    throw Error(ErrorKind::invalid_input, e.msg,
                e.mark.is_null() ? Location{name, 0, 0}
                                 : Location{name, static_cast<std::uint32_t>(e.mark.line + 1),
                                            static_cast<std::uint32_t>(e.mark.column + 1)});
}

}  // namespace

Graph parse_carneades(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits) {
    YAML::Node doc;
    try {
        doc = YAML::Load(std::string(text));
        return read_document(doc, text, name, warnings, limits);
    } catch (const YAML::DeepRecursion& e) {
        throw Error(ErrorKind::limit, "nesting too deep for the YAML reader",
                    Location{name, static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1)});
    } catch (const YAML::Exception& e) {
        yaml_error(e, name);
    }
}

}  // namespace agon::detail
