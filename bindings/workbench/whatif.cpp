#include "whatif.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <sstream>

#include "agon/error.hpp"
#include "agon/scenario.hpp"
#include "json_fields.hpp"

namespace agon::workbench {

WhatIf parse_whatif(const Json& j) {
    WhatIf w;
    if (j.is_null()) return w;
    if (!j.is_object()) throw Error(ErrorKind::usage, "whatif must be an object");
    for (const Json& id : field_array(j, "off")) {
        std::string claim = as_string(id, "whatif.off");
        if (std::find(w.off.begin(), w.off.end(), claim) == w.off.end()) w.off.push_back(std::move(claim));  // once is enough
    }
    for (const auto& [id, x] : field_object(j, "base").items()) w.base[id] = as_number(x, "whatif.base");
    for (const auto& [id, x] : field_object(j, "weight").items()) w.weight[id] = as_number(x, "whatif.weight");
    for (const Json& c : field_array(j, "claims")) w.claims.push_back(claim_from_json(c));
    for (const Json& e : field_array(j, "edges")) w.edges.push_back(edge_from_json(e));
    return w;
}

Scenario whatif_scenario(const std::shared_ptr<const Graph>& map, const WhatIf& w) {
    return whatif_scenario(Scenario(map, "what-if"), w);
}

Scenario whatif_scenario(const Scenario& start, const WhatIf& w) {
    Scenario s = start.derive(start.name());
    for (const Claim& c : w.claims) s.add_claim(c);
    for (const Edge& e : w.edges) s.add_edge(e);
    for (const auto& [id, x] : w.base) s.set_base(id, x);
    for (const auto& [id, x] : w.weight) s.set_weight(id, x);
    for (const std::string& id : w.off)
        if (s.has_claim(id)) s.remove_claim(id);  // may already be gone with a removed neighbour's undercut
        else throw Error(ErrorKind::not_found, "no claim '" + id + "' to switch off");
    return s;
}

Graph whatif_graph(const Scenario& what_if) {
    Graph g = what_if.to_graph();
    g.set_title(what_if.base()->title());
    return g;
}

Graph with_whatif(const std::shared_ptr<const Graph>& map, const WhatIf& w) {
    return w.empty() ? *map : whatif_graph(whatif_scenario(map, w));
}

namespace {

std::string lua_quoted(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03d", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out + "\"";
}

// The shortest text that reads back as the same double: the script replays the what-if exactly.
std::string number(double x) {
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
    return std::string(buf, end);
}

}  // namespace

std::string lua_script(const std::string& name, const std::string& map_path, const WhatIf& w, const Request& request) {
    std::ostringstream os;
    os << "-- What-if " << lua_quoted(name) << ", made in the agon workbench.\n"
       << "-- Replay: agon run THIS_FILE.lua --read DIR_OF_THE_MAP [MAP]\n"
       << "local agon = require \"agon\"\n"
       << "local g = agon.load(arg[1] or " << lua_quoted(map_path) << ")\n";
    std::string how = "{ semantics = " + lua_quoted(request.semantics);
    for (const auto& [k, v] : request.params) how += ", [" + lua_quoted(k) + "] = " + lua_quoted(v);
    how += " }";
    os << "local how = " << how << "\n"
       << "local before = g:evaluate(how)\n"
       << "local s = g:scenario(" << lua_quoted(name) << ")\n";
    for (const Claim& c : w.claims)
        os << "s:add_claim{ id = " << lua_quoted(c.id) << ", text = " << lua_quoted(c.text) << ", base = " << number(c.base)
           << " }\n";
    for (const Edge& e : w.edges)
        os << "s:" << to_string(e.kind) << "(" << lua_quoted(e.from) << ", " << lua_quoted(e.to) << ", " << number(e.weight)
           << ")\n";
    for (const auto& [id, x] : w.base) os << "s:set_base(" << lua_quoted(id) << ", " << number(x) << ")\n";
    for (const auto& [id, x] : w.weight) os << "s:set_weight(" << lua_quoted(id) << ", " << number(x) << ")\n";
    for (const std::string& id : w.off) os << "s:remove(" << lua_quoted(id) << ")\n";
    os << "print(\"What-if \" .. s.name .. \" under \" .. how.semantics .. \": what moved\")\n"
       << "print(agon.diff(before, s:evaluate(how)))\n";
    return os.str();
}

}  // namespace agon::workbench
