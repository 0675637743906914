#include "json_fields.hpp"

namespace agon::workbench {

namespace {

const Json& member(const Json& j, const char* key, Json::value_t type, const char* type_name) {
    static const Json absent_array = Json::array(), absent_object = Json::object();
    const Json& fallback = type == Json::value_t::array ? absent_array : absent_object;
    if (!j.is_object()) throw ApiError(400, "expected an object", "body");
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (it->type() != type) throw ApiError(400, std::string("expected ") + type_name, key);
    return *it;
}

}  // namespace

const Json& field_array(const Json& j, const char* key) { return member(j, key, Json::value_t::array, "an array"); }
const Json& field_object(const Json& j, const char* key) { return member(j, key, Json::value_t::object, "an object"); }

std::string as_string(const Json& j, const std::string& where) {
    if (!j.is_string()) throw ApiError(400, "expected a string", where);
    return j.get<std::string>();
}

double as_number(const Json& j, const std::string& where) {
    if (!j.is_number()) throw ApiError(400, "expected a number", where);
    return j.get<double>();
}

namespace {

// Member `key` read by `read`, or `fallback` when absent or null.
template <class T, class Read>
T optional_member(const Json& j, const char* key, const T& fallback, Read read) {
    if (!j.is_object()) throw ApiError(400, "expected an object", "body");
    auto it = j.find(key);
    return it == j.end() || it->is_null() ? fallback : read(*it, key);
}

}  // namespace

std::string field_string(const Json& j, const char* key, const std::string& fallback) {
    return optional_member(j, key, fallback, as_string);
}

double field_number(const Json& j, const char* key, double fallback) {
    return optional_member(j, key, fallback, as_number);
}

bool field_bool(const Json& j, const char* key, bool fallback) {
    return optional_member(j, key, fallback, [](const Json& x, const char* where) {
        if (!x.is_boolean()) throw ApiError(400, "expected true or false", where);
        return x.get<bool>();
    });
}

namespace {

// Member "kind" read by `parse` (claim_kind_from_string, edge_kind_from_string).
template <class Parse>
auto field_kind(const Json& j, const char* fallback, const char* of, Parse parse) {
    const std::string kind = field_string(j, "kind", fallback);
    auto k = parse(kind);
    if (!k) throw ApiError(400, std::string("unknown ") + of + " kind '" + kind + "'", "kind");
    return *k;
}

}  // namespace

Claim claim_from_json(const Json& j) {
    Claim c;
    c.id = field_string(j, "id", "");
    c.text = field_string(j, "text", "");
    c.base = field_number(j, "base", 0.5);
    c.kind = field_kind(j, "statement", "claim", claim_kind_from_string);
    for (const Json& t : field_array(j, "tags")) c.tags.push_back(as_string(t, "tags"));
    for (const auto& [key, value] : field_object(j, "attributes").items())
        c.attributes.emplace_back(key, as_string(value, "attributes." + key));
    return c;
}

Edge edge_from_json(const Json& j) {
    Edge e;
    e.id = field_string(j, "id", "");
    e.from = field_string(j, "from", "");
    e.to = field_string(j, "to", "");
    e.weight = field_number(j, "weight", 1.0);
    e.kind = field_kind(j, "attack", "edge", edge_kind_from_string);
    return e;
}

Json claims_json(const Graph& g) {
    Json out = Json::array();
    for (const Claim& c : g.claims()) {
        Json attributes = Json::object();
        for (const auto& [k, v] : c.attributes) attributes[k] = v;
        out.push_back({{"id", c.id}, {"text", c.text}, {"base", c.base}, {"kind", std::string(to_string(c.kind))},
                       {"tags", c.tags}, {"attributes", attributes}});
    }
    return out;
}

Json edges_json(const Graph& g) {
    Json out = Json::array();
    for (const Edge& e : g.edges())
        out.push_back({{"id", e.id}, {"from", e.from}, {"to", e.to}, {"kind", std::string(to_string(e.kind))},
                       {"weight", e.weight}});
    return out;
}

}  // namespace agon::workbench
