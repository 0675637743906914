// AIF JSON as used by AIFdb and OVA (docs/formats.md §3): I-nodes are statements,
// RA-nodes arguments, CA-nodes attacks (collapsed), MA-nodes supports;
// the dialogical layer (L, YA, TA, PA) is skipped with a count. Reads both the
// bare nodeset and xAIF, the {"AIF": nodeset, "OVA": layout, "text": source}
// wrapper of OVA3 and current AIFdb exports; writes both.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "formats.hpp"
#include "io/json_document.hpp"

namespace agon::detail {

namespace {

using nlohmann::json;

std::string id_of(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return "";
}

// A node's string field, "" when it is missing or not a string.
std::string text_of(const json& node, const char* key) {
    auto it = node.find(key);
    return it != node.end() && it->is_string() ? it->get<std::string>() : "";
}

// A number or string as attribute text ("" for anything else).
std::string scalar_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return v.dump();
    return "";
}

// OVA's layout: node id -> (x, y), from the "OVA" member of an xAIF file.
std::map<std::string, std::pair<std::string, std::string>> ova_positions(const json& wrapper) {
    std::map<std::string, std::pair<std::string, std::string>> at;
    auto ova = wrapper.find("OVA");
    if (ova == wrapper.end() || !ova->is_object() || !ova->contains("nodes") || !(*ova)["nodes"].is_array()) return at;
    for (const json& n : (*ova)["nodes"])
        if (n.is_object() && n.contains("nodeID") && n.contains("x") && n.contains("y"))
            at[id_of(n["nodeID"])] = {scalar_text(n["x"]), scalar_text(n["y"])};
    return at;
}

Graph read_document(const json& wrapper, std::string_view text, const std::string& name, Warnings* warnings,
                    const ReadLimits& limits) {
    const bool xaif = wrapper.is_object() && wrapper.contains("AIF") && wrapper["AIF"].is_object();
    const json& doc = xaif ? wrapper["AIF"] : wrapper;
    if (!doc.is_object() || !doc.contains("nodes") || !doc["nodes"].is_array())
        fail_at(text, 0, name, "not an AIF document: expected an object with a \"nodes\" array (or xAIF's \"AIF\" member holding one)");
    const auto positions = ova_positions(wrapper);
    const json empty = json::array();
    if (doc.contains("edges") && !doc["edges"].is_array())
        fail_at(text, 0, name, "\"edges\" must be an array of AIF edges");
    const json& edges = doc.contains("edges") ? doc["edges"] : empty;
    if (doc["nodes"].size() > limits.max_claims) throw Error(ErrorKind::limit, "too many nodes", Location{name, 0, 0});
    // Errors point at the node or edge they are about (found in the text only then).
    auto fail_element = [&](const char* array, std::size_t k, const std::string& message) {
        const std::vector<std::size_t> at = xaif ? array_items_at(text, {"AIF", array}) : array_items_at(text, {array});
        fail_at(text, k < at.size() ? at[k] : 0, name, message);
    };

    std::map<std::string, std::string> type, label;
    std::vector<std::string> order;
    for (std::size_t k = 0; k < doc["nodes"].size(); ++k) {
        const json& n = doc["nodes"][k];
        const std::string id = n.is_object() && n.contains("nodeID") ? id_of(n["nodeID"]) : "";
        if (id.empty())
            fail_element("nodes", k, n.is_object() && n.contains("nodeID") ? "a nodeID must be a string or a whole number"
                                                                          : "an AIF node without a nodeID");
        if (type.count(id)) fail_element("nodes", k, "duplicate nodeID '" + id + "'");
        type[id] = text_of(n, "type");
        label[id] = text_of(n, "text");
        order.push_back(id);
    }
    std::multimap<std::string, std::string> out, in;
    std::size_t between_statements = 0;
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const json& e = edges[k];
        if (!e.is_object()) fail_element("edges", k, "an AIF edge is not an object");
        const std::string from = id_of(e.value("fromID", json())), to = id_of(e.value("toID", json()));
        if (!type.count(from) || !type.count(to))
            fail_element("edges", k, "edge " + id_of(e.value("edgeID", json())) + " names an unknown node");
        // AIF joins I-nodes only through a scheme node (RA, CA, MA) that says how.
        if (type[from] == "I" && type[to] == "I") ++between_statements;
        out.emplace(from, to);
        in.emplace(to, from);
    }
    if (warnings && between_statements)
        warnings->push_back(name + ": " + std::to_string(between_statements) +
                            " edge(s) join two I-nodes directly, which AIF does not allow (no RA, CA or MA node "
                            "says how they relate); not imported");
    auto targets = [&](const std::string& id) {
        std::vector<std::string> v;
        for (auto [a, b] = out.equal_range(id); a != b; ++a) v.push_back(a->second);
        return v;
    };
    auto sources = [&](const std::string& id) {
        std::vector<std::string> v;
        for (auto [a, b] = in.equal_range(id); a != b; ++a) v.push_back(a->second);
        return v;
    };

    Graph g;
    g.set_title(text_of(doc, "title").empty() ? text_of(wrapper, "title") : text_of(doc, "title"));
    // xAIF's source text (the transcript the analysis marks up) is the graph's `text` attribute.
    if (auto t = wrapper.find("text"); xaif && t != wrapper.end() && !t->is_null()) {
        const std::string source = t->is_string() ? t->get<std::string>() : t->dump();
        if (!source.empty()) g.set_attribute("text", source);
    }
    std::map<std::string, int> skipped;
    for (const auto& id : order) {
        const std::string& t = type[id];
        if (t == "I" || t == "RA") {
            Claim c;
            c.id = id;
            c.text = label[id];
            c.kind = t == "RA" ? ClaimKind::argument : ClaimKind::statement;
            if (auto p = positions.find(id); p != positions.end()) c.attributes = {{"x", p->second.first}, {"y", p->second.second}};
            g.add_claim(std::move(c));
        } else if (t != "CA" && t != "MA") {
            ++skipped[t.empty() ? "untyped" : t];
        }
    }
    // The conclusion edge of each RA node, for undercuts.
    std::map<std::string, std::string> conclusion_edge;
    for (const auto& id : order) {
        const std::string& t = type[id];
        if (t == "RA") {
            for (const auto& p : sources(id))
                if (type[p] == "I" || type[p] == "RA") g.add_edge({"", EdgeKind::support, p, id, 1.0});
            for (const auto& c : targets(id))
                if (type[c] == "I") conclusion_edge[id] = g.add_edge({"", EdgeKind::support, id, c, 1.0}).id;
        }
    }
    for (const auto& id : order) {
        const std::string& t = type[id];
        if (t != "CA" && t != "MA") continue;
        for (const auto& s : sources(id)) {
            if (type[s] != "I" && type[s] != "RA") continue;
            for (const auto& d : targets(id)) {
                if (t == "MA" && type[d] == "I") g.add_edge({"", EdgeKind::support, s, d, 1.0});
                else if (t == "CA" && type[d] == "I") g.add_edge({"", EdgeKind::attack, s, d, 1.0});
                else if (t == "CA" && type[d] == "RA") {
                    if (conclusion_edge.count(d)) g.add_edge({"", EdgeKind::undercut, s, conclusion_edge[d], 1.0});
                    else g.add_edge({"", EdgeKind::attack, s, d, 1.0});
                } else if (warnings) {
                    warnings->push_back(name + ": " + t + " node " + id + " points at a " + type[d] + " node; not imported");
                }
            }
        }
    }
    if (warnings && !skipped.empty()) {
        std::string what;
        for (const auto& [t, n] : skipped) what += (what.empty() ? "" : ", ") + std::to_string(n) + " " + t;
        warnings->push_back(name + ": skipped the dialogical layer (" + what + " nodes)");
    }
    return g;
}

// OVA3's wrapper around a nodeset: its layout member places every node, at the
// claim's x/y attributes when it has them (read from an OVA file), else on a grid.
nlohmann::ordered_json xaif_wrapper(const Graph& g, nlohmann::ordered_json aif) {
    using ojson = nlohmann::ordered_json;
    for (const char* key : {"participants", "schemefulfillments", "descriptorfulfillments", "cqdescriptorfulfillments"})
        aif[key] = ojson::array();
    ojson layout = ojson::array();
    std::size_t i = 0;
    for (const auto& n : aif["nodes"]) {
        const Claim* c = g.find_claim(n["nodeID"].get<std::string>());
        auto coordinate = [&](const char* key, std::size_t fallback) -> ojson {
            const std::string* v = c ? c->attribute(key) : nullptr;
            if (v) {
                const json parsed = json::parse(*v, nullptr, false);
                if (parsed.is_number()) return parsed;
            }
            return fallback;
        };
        layout.push_back({{"nodeID", n["nodeID"]}, {"visible", true}, {"x", coordinate("x", 220 * (i % 8))},
                          {"y", coordinate("y", 160 * (i / 8))}, {"timestamp", ""}});
        ++i;
    }
    ojson edges = ojson::array();
    for (const auto& e : aif["edges"]) edges.push_back({{"fromID", e["fromID"]}, {"toID", e["toID"]}, {"visible", true}});
    ojson doc;
    doc["AIF"] = std::move(aif);
    const std::string* source = g.attribute("text");
    doc["text"] = source ? *source : "";
    doc["OVA"] = {{"firstname", ""}, {"surname", ""}, {"url", ""}, {"nodes", layout}, {"edges", edges}};
    return doc;
}

}  // namespace

Graph parse_aif(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits) {
    const json doc = parse_json_document(text, name, limits.max_depth);
    try {
        return read_document(doc, text, name, warnings, limits);
    } catch (const json::exception& e) {
        // A field of an unexpected type that no check above caught.
        fail_at(text, 0, name, "unexpected AIF content: " + plain_json_message(e));
    }
}

std::string write_aif(const Graph& g, Warnings* warnings, bool xaif) {
    nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), edges = nlohmann::ordered_json::array();
    int next = 0;
    auto edge = [&](const std::string& from, const std::string& to) {
        edges.push_back({{"edgeID", "e" + std::to_string(++next)}, {"fromID", from}, {"toID", to}, {"formEdgeID", nullptr}});
    };
    // A node made for an edge (ra:EDGE, ca:EDGE) must not take a claim's id:
    // nodeIDs are unique, and the file would not read back.
    std::set<std::string> taken;
    for (const Claim& c : g.claims()) taken.insert(c.id);
    auto fresh = [&](const std::string& wanted) {
        std::string id = wanted;
        for (int n = 2; !taken.insert(id).second; ++n) id = wanted + "~" + std::to_string(n);
        return id;
    };
    for (const Claim& c : g.claims())
        nodes.push_back({{"nodeID", c.id}, {"text", c.text.empty() ? c.id : c.text}, {"type", c.kind == ClaimKind::argument ? "RA" : "I"},
                         {"timestamp", ""}});
    std::set<std::string> skipped;
    std::size_t reified = 0, on_arguments = 0;  // what reads back as something else
    for (const Edge& e : g.edges()) {
        const Claim* from = g.find_claim(e.from);
        if (e.kind == EdgeKind::support) {
            const Claim* to = g.find_claim(e.to);
            if (from->kind == ClaimKind::argument || to->kind == ClaimKind::argument) {
                edge(e.from, e.to);
            } else {
                // A direct support between statements becomes its own inference node.
                const std::string ra = fresh("ra:" + e.id);
                ++reified;
                nodes.push_back({{"nodeID", ra}, {"text", "Default Inference"}, {"type", "RA"}, {"timestamp", ""}});
                edge(e.from, ra);
                edge(ra, e.to);
            }
        } else {
            std::string target = e.to;
            if (e.kind == EdgeKind::undercut) {
                const Edge* t = g.find_edge(e.to);
                if (!t || t->kind != EdgeKind::support || g.find_claim(t->from)->kind != ClaimKind::argument) {
                    skipped.insert(e.id);
                    continue;
                }
                target = t->from;  // the argument whose inference is attacked
            } else if (g.find_claim(e.to)->kind == ClaimKind::argument) {
                ++on_arguments;
            }
            const std::string ca = fresh("ca:" + e.id);
            nodes.push_back({{"nodeID", ca}, {"text", "Default Conflict"}, {"type", "CA"}, {"timestamp", ""}});
            edge(e.from, ca);
            edge(ca, target);
        }
    }
    if (warnings) {
        bool weighted = false;
        for (const Edge& e : g.edges()) weighted |= e.weight != 1.0;
        if (weighted) warnings->push_back("aif keeps no edge weights");
        if (!skipped.empty()) warnings->push_back("aif cannot express " + std::to_string(skipped.size()) + " undercut(s) of edges that are not an argument's conclusion");
        if (reified)
            warnings->push_back("aif has no support from statement to statement: " + std::to_string(reified) +
                                " support(s) become inference nodes ra:EDGE, read back as argument claims");
        if (on_arguments)
            warnings->push_back("aif reads a conflict aimed at an inference node as an undercut of its conclusion: " +
                                std::to_string(on_arguments) + " attack(s) on argument claims read back as undercuts");
        warnings->push_back(xaif ? "xaif keeps no base scores, tags or attributes but the x/y positions and the source text"
                                 : "aif keeps no base scores, tags or attributes");
    }
    nlohmann::ordered_json doc;
    if (!g.title().empty()) doc["title"] = g.title();  // read back by parse_aif
    doc["nodes"] = nodes;
    doc["edges"] = edges;
    doc["locutions"] = nlohmann::ordered_json::array();
    if (xaif) doc = xaif_wrapper(g, std::move(doc));
    return doc.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace agon::detail
