// Native agon-graph JSON (format "agon-graph", version 1).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "formats.hpp"
#include "io/json_document.hpp"

namespace agon::detail {

namespace {

using nlohmann::json;

// An element of the document's "claims" or "edges", which errors point at.
struct Item {
    const char* array;
    std::size_t index;
};

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
        if (auto t = doc.find("title"); t != doc.end()) g.set_title(title_of(*t));
        if (auto a = doc.find("attributes"); a != doc.end()) {
            if (!a->is_object()) {
                fail(key_at("attributes"), "the graph's attributes must be an object");
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
    [[noreturn]] void fail_item(Item item, const std::string& message) {
        const std::vector<std::size_t> starts = top_level_array_items(text_, item.array);
        fail(item.index < starts.size() ? starts[item.index] : 0, message);
    }
    void warn(std::string message) {
        if (warnings_) warnings_->push_back(name_ + ": " + std::move(message));
    }

    std::string string_of(const json& v, const std::string& what, Item item) {
        if (!v.is_string()) fail_item(item, what + " must be a string");
        const auto& s = v.get_ref<const std::string&>();
        if (s.size() > limits_.max_text)
            throw Error(ErrorKind::limit, what + " is longer than " + std::to_string(limits_.max_text) + " bytes",
                        Location{name_, 0, 0});
        return s;
    }
    double number_of(const json& v, const std::string& what, Item item) {
        if (!v.is_number()) fail_item(item, what + " must be a number");
        return v.get<double>();
    }

    // The kind `v` names, read by `parse` (claim_kind_from_string, edge_kind_from_string).
    template <class Parse>
    auto kind_of(const json& v, const std::string& who, Item item, Parse parse, const char* what,
                 const char* expected) {
        auto k = parse(string_of(v, who + ": kind", item));
        if (!k) fail_item(item, who + ": unknown " + what + " '" + v.get<std::string>() + "' (expected " + expected + ")");
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

    // The name of `item` ("claims[3]"), which must be an object.
    std::string object_at(const json& element, Item item) {
        std::string where = std::string(item.array) + "[" + std::to_string(item.index) + "]";
        if (!element.is_object()) fail_item(item, where + " must be an object");
        return where;
    }

    // Where `"key"` first appears (the start of the file when it does not).
    std::size_t key_at(const std::string& key) const {
        const std::size_t at = text_.find("\"" + key + "\"");
        return at == std::string_view::npos ? 0 : at;
    }

    std::string title_of(const json& v) {
        if (!v.is_string()) fail(key_at("title"), "title must be a string");
        return string_of(v, "title", Item{"", 0});
    }

    void read_claims(const json& doc, Graph& g) {
        const json* claims = array_of(doc, "claims", limits_.max_claims);
        if (!claims) return;
        Item at{"claims", 0};
        for (const json& c : *claims) {
            const std::string where = object_at(c, at);
            auto id_it = c.find("id");
            if (id_it == c.end()) fail_item(at, where + " has no \"id\"");
            Claim claim;
            claim.id = string_of(*id_it, where + ".id", at);
            const std::string who = "claim '" + claim.id + "'";
            for (const auto& [key, v] : c.items()) {
                if (key == "id") continue;
                if (key == "text") claim.text = string_of(v, who + ": text", at);
                else if (key == "base") claim.base = number_of(v, who + ": base", at);
                else if (key == "kind")
                    claim.kind = kind_of(v, who, at, claim_kind_from_string, "kind", "statement or argument");
                else if (key == "tags") {
                    if (!v.is_array()) fail_item(at, who + ": tags must be an array of strings");
                    for (const json& t : v) claim.tags.push_back(string_of(t, who + ": tag", at));
                } else if (key == "attributes") {
                    if (!v.is_object()) fail_item(at, who + ": attributes must be an object");
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
                fail_item(at, e.message());
            }
            ++at.index;
        }
    }

    // An edge read and the element it came from.
    struct Placed {
        Edge edge;
        Item at;
    };

    void read_edges(const json& doc, Graph& g) {
        const json* edges = array_of(doc, "edges", limits_.max_edges);
        if (!edges) return;
        std::vector<Placed> undercuts;
        Item at{"edges", 0};
        for (const json& e : *edges) {
            const std::string where = object_at(e, at);
            Edge edge;
            if (auto id = e.find("id"); id != e.end()) edge.id = string_of(*id, where + ".id", at);
            const std::string who = edge.id.empty() ? where : "edge '" + edge.id + "'";
            bool has_kind = false;
            for (const auto& [key, v] : e.items()) {
                if (key == "id") continue;
                if (key == "from") edge.from = string_of(v, who + ": from", at);
                else if (key == "to") edge.to = string_of(v, who + ": to", at);
                else if (key == "weight") edge.weight = number_of(v, who + ": weight", at);
                else if (key == "kind") {
                    edge.kind = kind_of(v, who, at, edge_kind_from_string, "edge kind", "support, attack or undercut");
                    has_kind = true;
                } else {
                    warn(who + ": ignored unknown key \"" + key + "\"");
                }
            }
            if (!has_kind) fail_item(at, who + ": missing \"kind\"");
            if (edge.from.empty()) fail_item(at, who + ": missing \"from\"");
            if (edge.to.empty()) fail_item(at, who + ": missing \"to\"");
            if (edge.kind == EdgeKind::undercut) undercuts.push_back({std::move(edge), at});
            else add(g, {std::move(edge), at});
            ++at.index;
        }
        // Undercuts may name edges listed after them: each is added once its
        // target is, by a worklist over the targets (passes over the list
        // took O(n^2) on a chain listed backwards).
        std::unordered_multimap<std::string, std::size_t> waiting_for;  // target edge -> undercuts[i]
        std::vector<std::string> ready;
        std::size_t added = 0;
        for (std::size_t i = 0; i < undercuts.size(); ++i) waiting_for.emplace(undercuts[i].edge.to, i);
        for (const Edge& e : g.edges()) ready.push_back(e.id);
        while (!ready.empty()) {
            const std::string target = std::move(ready.back());
            ready.pop_back();
            const auto [first, last] = waiting_for.equal_range(target);
            std::vector<std::size_t> now;
            for (auto it = first; it != last; ++it) now.push_back(it->second);
            waiting_for.erase(first, last);
            std::sort(now.begin(), now.end());  // in file order, so fresh ids come out as before
            for (std::size_t i : now) {
                ready.push_back(add(g, std::move(undercuts[i])));
                ++added;
            }
        }
        if (added == undercuts.size()) return;
        std::vector<std::size_t> stranded;
        for (const auto& [target, i] : waiting_for) stranded.push_back(i);
        std::sort(stranded.begin(), stranded.end());  // the first in the file is reported
        std::vector<Placed> left;
        for (std::size_t i : stranded) left.push_back(std::move(undercuts[i]));
        stuck(g, left);
    }

    // No undercut left can be added: follow the first one's chain of targets
    // to the undercut that closes a cycle or names no edge, and report that one.
    void stuck(Graph& g, std::vector<Placed>& waiting) {
        std::unordered_map<std::string, std::size_t> at;
        for (std::size_t k = 0; k < waiting.size(); ++k) at.emplace(waiting[k].edge.id, k);
        std::size_t last = 0;
        std::unordered_set<std::size_t> seen{0};
        for (auto next = at.find(waiting[0].edge.to); next != at.end(); next = at.find(waiting[next->second].edge.to)) {
            if (!seen.insert(next->second).second) {
                const Edge& e = waiting[next->second].edge;
                std::string cycle = e.id;
                for (auto k = at.find(e.to);; k = at.find(waiting[k->second].edge.to)) {
                    cycle += " -> " + waiting[k->second].edge.id;
                    if (k->second == next->second) break;
                }
                fail_item(waiting[next->second].at, "edge '" + e.id + "': undercuts form a cycle (" + cycle + ")");
            }
            last = next->second;
        }
        add(g, std::move(waiting[last]));  // names no edge: add() says so
    }

    // Add the edge; returns its id (an empty one is made fresh).
    std::string add(Graph& g, Placed placed) {
        try {
            return g.add_edge(std::move(placed.edge)).id;
        } catch (const Error& e) {
            fail_item(placed.at, e.message());
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
