// json_fields.hpp - reading request bodies field by field, with errors that
// say which field is wrong, and the map's claims and edges as JSON for the page.
#pragma once

#include <stdexcept>
#include <string>

#include "agon/graph.hpp"
#include "engine_calls.hpp"

namespace agon::workbench {

/// A request the API refuses: the HTTP status (4xx), a message and where the
/// problem is (a field path such as "ops[2].base", or "body").
struct ApiError : std::runtime_error {
    ApiError(int status, const std::string& message, std::string where)
        : std::runtime_error(message), status(status), where(std::move(where)) {}
    int status;
    std::string where;
};

/// Member `key` of object `j` as an array / object; empty when absent or null.
/// Throw ApiError 400 when it has another type.
const Json& field_array(const Json& j, const char* key);
const Json& field_object(const Json& j, const char* key);
/// Member `key` as a string / number / boolean; `fallback` when absent. ApiError 400 otherwise.
std::string field_string(const Json& j, const char* key, const std::string& fallback);
double field_number(const Json& j, const char* key, double fallback);
bool field_bool(const Json& j, const char* key, bool fallback);
/// `j` itself as a string / number; ApiError 400 naming `where` otherwise.
std::string as_string(const Json& j, const std::string& where);
double as_number(const Json& j, const std::string& where);

/// A claim or edge from the page: {id, text, base, kind, tags, attributes} /
/// {id, from, to, kind, weight}. Values are range-checked by the engine when used.
Claim claim_from_json(const Json& j);
Edge edge_from_json(const Json& j);

/// The claims and edges of a map for the page, in file order.
Json claims_json(const Graph& g);
Json edges_json(const Graph& g);

}  // namespace agon::workbench
