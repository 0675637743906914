// Native agon-graph JSON (format "agon-graph", version 1).
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "formats.hpp"
#include "io/json_document.hpp"

namespace agon::detail {

namespace {

using nlohmann::json;

// Offset of `"id": "<id>"` in the text, to point errors at the element.
std::size_t find_element(std::string_view text, const std::string& id) {
    const std::string needle = "\"" + id + "\"";
    for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
        std::size_t k = at;
        while (k > 0 && std::isspace(static_cast<unsigned char>(text[k - 1]))) --k;
        if (k == 0 || text[k - 1] != ':') continue;
        --k;
        while (k > 0 && std::isspace(static_cast<unsigned char>(text[k - 1]))) --k;
        if (k >= 4 && text.substr(k - 4, 4) == "\"id\"") return k - 4;
    }
    return std::string_view::npos;
}

class Reader {
public:
    Reader(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits)
        : text_(text), name_(name), warnings_(warnings), limits_(limits) {}

    Graph read() {
        const json doc = parse_json_document(text_, name_, limits_.max_depth);
        if (!doc.is_object()) fail(0, "expected a JSON object with \"format\": \"agon-graph\"");
        auto fmt = doc.find("format");
        if (fmt == doc.end() || !fmt->is_string() || *fmt != "agon-graph")
            fail(0, "not an agon graph: \"format\" must be \"agon-graph\"");
        auto ver = doc.find("version");
        if (ver == doc.end() || !ver->is_number_integer() || *ver != 1)
            fail(0, "unsupported \"version\" (this agon reads version 1)");
        Graph g;
        if (auto t = doc.find("title"); t != doc.end()) g.set_title(string_of(*t, "title", ""));
        if (auto a = doc.find("attributes"); a != doc.end()) {
            if (!a->is_object()) {
                const std::size_t at = text_.find("\"attributes\"");
                fail(at == std::string_view::npos ? 0 : at, "the graph's attributes must be an object");
            }
            for (const auto& [k, v] : a->items()) g.set_attribute(k, v.is_string() ? v.get<std::string>() : v.dump());
        }
        for (const auto& [key, value] : doc.items())
            if (key != "format" && key != "version" && key != "title" && key != "attributes" && key != "claims" && key != "edges")
                warn("ignored unknown top-level key \"" + key + "\"");
        read_claims(doc, g);
        read_edges(doc, g);
        return g;
    }

private:
    [[noreturn]] void fail(std::size_t offset, const std::string& message) { fail_at(text_, offset, name_, message); }
    [[noreturn]] void fail_element(const std::string& id, const std::string& message) {
        std::size_t at = id.empty() ? std::string_view::npos : find_element(text_, id);
        if (at == std::string_view::npos) throw Error(ErrorKind::invalid_input, message, Location{name_, 0, 0});
        fail(at, message);
    }
    void warn(std::string message) {
        if (warnings_) warnings_->push_back(name_ + ": " + std::move(message));
    }

    std::string string_of(const json& v, const std::string& what, const std::string& id) {
        if (!v.is_string()) fail_element(id, what + " must be a string");
        const auto& s = v.get_ref<const std::string&>();
        if (s.size() > limits_.max_text)
            throw Error(ErrorKind::limit, what + " is longer than " + std::to_string(limits_.max_text) + " bytes",
                        Location{name_, 0, 0});
        return s;
    }
    double number_of(const json& v, const std::string& what, const std::string& id) {
        if (!v.is_number()) fail_element(id, what + " must be a number");
        return v.get<double>();
    }

    // The kind `v` names, read by `parse` (claim_kind_from_string, edge_kind_from_string).
    template <class Parse>
    auto kind_of(const json& v, const std::string& who, const std::string& id, Parse parse, const char* what,
                 const char* expected) {
        auto k = parse(string_of(v, who + ": kind", id));
        if (!k) fail_element(id, who + ": unknown " + what + " '" + v.get<std::string>() + "' (expected " + expected + ")");
        return *k;
    }

    // The document's array `key` of at most `max` elements; null when absent.
    const json* array_of(const json& doc, const std::string& key, std::size_t max) {
        auto it = doc.find(key);
        if (it == doc.end()) return nullptr;
        if (!it->is_array()) fail(0, "\"" + key + "\" must be an array");
        if (it->size() > max)
            throw Error(ErrorKind::limit, "more than " + std::to_string(max) + " " + key, Location{name_, 0, 0});
        return &*it;
    }

    // Where element `i` of array `key` is ("claims[3]"); it must be an object.
    std::string object_at(const json& element, const std::string& key, std::size_t i) {
        std::string where = key + "[" + std::to_string(i) + "]";
        if (!element.is_object()) fail(0, where + " must be an object");
        return where;
    }

    void read_claims(const json& doc, Graph& g) {
        const json* claims = array_of(doc, "claims", limits_.max_claims);
        if (!claims) return;
        std::size_t i = 0;
        for (const json& c : *claims) {
            const std::string where = object_at(c, "claims", i++);
            auto id_it = c.find("id");
            if (id_it == c.end()) fail(0, where + " has no \"id\"");
            Claim claim;
            claim.id = string_of(*id_it, where + ".id", "");
            const std::string who = "claim '" + claim.id + "'";
            for (const auto& [key, v] : c.items()) {
                if (key == "id") continue;
                if (key == "text") claim.text = string_of(v, who + ": text", claim.id);
                else if (key == "base") claim.base = number_of(v, who + ": base", claim.id);
                else if (key == "kind")
                    claim.kind = kind_of(v, who, claim.id, claim_kind_from_string, "kind", "statement or argument");
                else if (key == "tags") {
                    if (!v.is_array()) fail_element(claim.id, who + ": tags must be an array of strings");
                    for (const json& t : v) claim.tags.push_back(string_of(t, who + ": tag", claim.id));
                } else if (key == "attributes") {
                    if (!v.is_object()) fail_element(claim.id, who + ": attributes must be an object");
                    for (const auto& [ak, av] : v.items()) {
                        if (av.is_string()) claim.attributes.emplace_back(ak, av.get<std::string>());
                        else claim.attributes.emplace_back(ak, av.dump());
                    }
                } else {
                    warn(who + ": ignored unknown key \"" + key + "\"");
                }
            }
            try {
                g.add_claim(std::move(claim));
            } catch (const Error& e) {
                fail_element(id_it->is_string() ? id_it->get<std::string>() : "", e.message());
            }
        }
    }

    void read_edges(const json& doc, Graph& g) {
        const json* edges = array_of(doc, "edges", limits_.max_edges);
        if (!edges) return;
        std::vector<Edge> undercuts;
        std::size_t i = 0;
        for (const json& e : *edges) {
            const std::string where = object_at(e, "edges", i++);
            Edge edge;
            if (auto id = e.find("id"); id != e.end()) edge.id = string_of(*id, where + ".id", "");
            const std::string who = edge.id.empty() ? where : "edge '" + edge.id + "'";
            bool has_kind = false;
            for (const auto& [key, v] : e.items()) {
                if (key == "id") continue;
                if (key == "from") edge.from = string_of(v, who + ": from", edge.id);
                else if (key == "to") edge.to = string_of(v, who + ": to", edge.id);
                else if (key == "weight") edge.weight = number_of(v, who + ": weight", edge.id);
                else if (key == "kind") {
                    edge.kind = kind_of(v, who, edge.id, edge_kind_from_string, "edge kind", "support, attack or undercut");
                    has_kind = true;
                } else {
                    warn(who + ": ignored unknown key \"" + key + "\"");
                }
            }
            if (!has_kind) fail_element(edge.id, who + ": missing \"kind\"");
            if (edge.from.empty()) fail_element(edge.id, who + ": missing \"from\"");
            if (edge.to.empty()) fail_element(edge.id, who + ": missing \"to\"");
            if (edge.kind == EdgeKind::undercut) {
                undercuts.push_back(std::move(edge));
                continue;
            }
            add(g, std::move(edge));
        }
        // Undercuts may name edges listed after them: add them once their target exists.
        while (!undercuts.empty()) {
            std::vector<Edge> waiting;
            for (Edge& u : undercuts)
                if (g.find_edge(u.to)) add(g, std::move(u));
                else waiting.push_back(std::move(u));
            if (waiting.size() == undercuts.size()) stuck(g, waiting);
            undercuts = std::move(waiting);
        }
    }

    // No undercut left can be added: follow the first one's chain of targets
    // to the undercut that closes a cycle or names no edge, and report that one.
    void stuck(Graph& g, std::vector<Edge>& waiting) {
        std::unordered_map<std::string, std::size_t> at;
        for (std::size_t k = 0; k < waiting.size(); ++k) at.emplace(waiting[k].id, k);
        std::size_t last = 0;
        std::unordered_set<std::size_t> seen{0};
        for (auto next = at.find(waiting[0].to); next != at.end(); next = at.find(waiting[next->second].to)) {
            if (!seen.insert(next->second).second) {
                const Edge& e = waiting[next->second];
                std::string cycle = e.id;
                for (auto k = at.find(e.to);; k = at.find(waiting[k->second].to)) {
                    cycle += " -> " + waiting[k->second].id;
                    if (k->second == next->second) break;
                }
                fail_element(e.id, "edge '" + e.id + "': undercuts form a cycle (" + cycle + ")");
            }
            last = next->second;
        }
        add(g, std::move(waiting[last]));  // names no edge: add() says so
    }

    void add(Graph& g, Edge edge) {
        std::string id = edge.id;
        try {
            g.add_edge(std::move(edge));
        } catch (const Error& e) {
            fail_element(id, e.message());
        }
    }

    std::string_view text_;
    const std::string& name_;
    Warnings* warnings_;
    const ReadLimits& limits_;
};

}  // namespace

Graph parse_json(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits) {
    return Reader(text, name, warnings, limits).read();
}

std::string write_json(const Graph& graph) {
    using ojson = nlohmann::ordered_json;
    ojson doc;
    doc["format"] = "agon-graph";
    doc["version"] = 1;
    doc["title"] = graph.title();
    if (!graph.attributes().empty()) {
        ojson attrs = ojson::object();
        for (const auto& [k, v] : graph.attributes()) attrs[k] = v;
        doc["attributes"] = attrs;
    }
    ojson claims = ojson::array();
    for (const Claim& c : graph.claims()) {
        ojson j;
        j["id"] = c.id;
        j["kind"] = std::string(to_string(c.kind));
        j["text"] = c.text;
        j["base"] = c.base;
        if (!c.tags.empty()) j["tags"] = c.tags;
        if (!c.attributes.empty()) {
            ojson attrs = ojson::object();
            for (const auto& [k, v] : c.attributes) attrs[k] = v;
            j["attributes"] = attrs;
        }
        claims.push_back(std::move(j));
    }
    doc["claims"] = std::move(claims);
    ojson edges = ojson::array();
    for (const Edge& e : graph.edges()) {
        ojson j;
        j["id"] = e.id;
        j["from"] = e.from;
        j["to"] = e.to;
        j["kind"] = std::string(to_string(e.kind));
        j["weight"] = e.weight;
        edges.push_back(std::move(j));
    }
    doc["edges"] = std::move(edges);
    // Invalid UTF-8 is replaced rather than thrown: output must always be valid JSON.
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace agon::detail
