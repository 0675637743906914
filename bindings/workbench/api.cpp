#include "api.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "agon/semantics.hpp"
#include "json_fields.hpp"
#include "layout.hpp"
#include "whatif.hpp"

namespace agon::workbench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

ApiResponse json_response(const Json& j) {
    return {200, "application/json", j.dump(-1, ' ', false, Json::error_handler_t::replace), ""};
}

// `j` with members whose values are JSON text already (results as the engine
// writes them), appended as text: parsing a result of n claims into an
// ordered object costs O(n^2), milliseconds per click at 1,000 claims.
ApiResponse json_response(const Json& j, const std::vector<std::pair<std::string, std::string>>& written) {
    ApiResponse r = json_response(j);
    r.body.pop_back();  // the object's closing brace
    for (const auto& [key, text] : written) r.body += (r.body.size() > 1 ? "," : "") + Json(key).dump() + ":" + text;
    r.body += '}';
    return r;
}

Request request_of(const Json& body) {
    Request r;
    r.semantics = field_string(body, "semantics", "grounded");
    for (const auto& [k, v] : field_object(body, "params").items())
        r.params[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return r;
}

Control control_of(const ApiLimits& limits) {
    Control c;
    c.cancel = limits.stop;
    c.set_timeout(limits.evaluation_seconds);
    return c;
}

std::uint64_t version_of(const Json& body) {
    if (!body.is_object() || !body.contains("version") || !body["version"].is_number_unsigned())
        throw ApiError(400, "a change must name the version of the map it was made on", "version");
    return body["version"].get<std::uint64_t>();
}

}  // namespace

Json map_json(const MapView& v, bool read_only) {
    Json semantics = Json::array();
    for (const std::string& name : semantics_names()) semantics.push_back({{"name", name}, {"labels", gives_labels(name)}});
    const auto slash = v.path.find_last_of('/');
    return {{"version", v.version},
            {"title", v.graph->title()},
            {"file", slash == std::string::npos ? v.path : v.path.substr(slash + 1)},
            {"read_only", read_only},
            {"can_undo", v.can_undo},
            {"can_redo", v.can_redo},
            {"watch_error", v.watch_error},
            {"claims", claims_json(*v.graph)},
            {"edges", edges_json(*v.graph)},
            {"semantics", semantics}};
}

namespace {

// Evaluate the map and the what-if, if any: the colours, the diff against
// the map itself, each claim's look (for the page to recolour in place) and,
// when asked ("draw", the default), the SVG with unchanged claims in place.
// The map's answer is kept per version and semantics, and a what-if is
// answered from the last one asked (live_answers.hpp): a click recomputes
// only what it reaches.
ApiResponse evaluate_route(Session& session, const Json& body, const ApiLimits& limits) {
    const auto t0 = Clock::now();
    const bool draw = field_bool(body, "draw", true);
    MapView v = session.view();
    const Request req = request_of(body);
    const WhatIf w = parse_whatif(body.value("whatif", Json()));
    const Control control = control_of(limits);
    const Result base = session.answers().map_answer(v.version, v.graph, req, control);
    std::optional<Scenario> what_if;
    std::optional<Result> answer;
    if (!w.empty()) {
        what_if = whatif_scenario(v.graph, w);
        answer = session.answers().what_if_answer(v.version, *what_if, req, control);
    }
    const Result& after = answer ? *answer : base;
    Json out = {{"version", v.version}, {"semantics", req.semantics}};
    std::vector<std::pair<std::string, std::string>> results = {{"result", to_json(after)}};
    if (answer) results.emplace_back("baseline", to_json(base));
    out["diff"] = answer ? diff_json(base, after) : Json::array();
    out["looks"] = looks_json(after, answer ? &base : nullptr);
    const double evaluate_ms = ms_since(t0);
    double draw_ms = 0;
    std::unique_lock<std::mutex> laying;
    if (draw && v.positions.empty()) {
        laying = session.laying_out();
        const MapView now = session.view();  // with the layout another request made meanwhile
        if (now.version == v.version) v.positions = now.positions;
    }
    if (draw) {
        // Switched-off claims stay on the drawing (the page fades them, so
        // switching them back on needs no new drawing); it has no diff
        // outlines either: the page applies the looks above.
        WhatIf shape = w;
        shape.off.clear();
        const bool shaped = !shape.empty();
        std::optional<Graph> shape_graph;
        std::optional<Result> shape_answer;
        if (shaped && w.off.empty()) shape_graph = whatif_graph(*what_if);
        if (shaped && !w.off.empty()) {
            const Scenario scenario = whatif_scenario(v.graph, shape);
            shape_answer = session.answers().what_if_answer(v.version, scenario, req, control);
            shape_graph = whatif_graph(scenario);
        }
        const Graph& drawn = shape_graph ? *shape_graph : *v.graph;
        const Result& drawn_result = shape_answer ? *shape_answer : shaped ? after : base;
        // Claims new since the last drawing get a free spot next to their
        // neighbours, so nothing else moves; what-if claims are placed but not kept.
        Positions positions = v.positions;
        if (!positions.empty()) {
            const Positions added = place_new(*v.graph, positions);
            session.remember_layout(v.version, added);
            positions.insert(added.begin(), added.end());
            if (shaped) positions.merge(place_new(drawn, positions));
        }
        MapStyle style;
        style.timeout = limits.evaluation_seconds;
        style.cancel = limits.stop;
        style.positions = positions.empty() ? nullptr : &positions;
        style.result = &drawn_result;
        for (const Json& id : field_array(body, "highlight")) style.highlight.push_back(as_string(id, "highlight"));
        // The map's own drawing is kept: another semantics or a switch-off
        // shows it again (also the first one, with Graphviz's own edge routes).
        const bool plain = !shaped && style.highlight.empty();
        std::string svg = plain ? session.drawing(v.version) : std::string();
        if (svg.empty()) {
            const auto t1 = Clock::now();
            svg = draw_map(drawn, style);
            draw_ms = ms_since(t1);
            if (v.positions.empty() && !shaped) session.remember_layout(v.version, positions_in_svg(svg));
            if (plain) session.keep_drawing(v.version, svg);
        }
        out["svg"] = std::move(svg);
    }
    out["ms"] = {{"evaluate", evaluate_ms}, {"draw", draw_ms}, {"total", ms_since(t0)}};
    return json_response(out, results);
}

// The map with a what-if, and its answer under a request: the map's kept
// answer, or the what-if re-answered from the last one asked (live_answers.hpp),
// so explaining or drawing what a click shows evaluates nothing again.
struct Answered {
    Graph graph;
    Result result;
};

Answered answered(Session& session, const MapView& v, const WhatIf& w, const Request& req, const Control& control) {
    if (w.empty()) return {*v.graph, session.answers().map_answer(v.version, v.graph, req, control)};
    const Scenario what_if = whatif_scenario(v.graph, w);
    return {whatif_graph(what_if), session.answers().what_if_answer(v.version, what_if, req, control)};
}

ApiResponse explain_route(Session& session, const Json& body, const ApiLimits& limits) {
    const MapView v = session.view();
    const Request req = request_of(body);
    const WhatIf w = parse_whatif(body.value("whatif", Json()));
    const std::string claim = field_string(body, "claim", "");
    const Control control = control_of(limits);
    const auto max_size = static_cast<std::uint32_t>(std::clamp(field_number(body, "max_size", 3), 1.0, 8.0));
    const Answered a = answered(session, v, w, req, control);
    const cli::Input in = explanation_input(a.graph);
    return json_response({{"claim", claim},
                          {"explain", explain_claim(in, Explainer(Subject(in.snapshot), req, &a.result, control), claim, control)},
                          {"hinge", hinge_claim(in, req, claim, max_size, a.result, control)}});
}

// The map (with the what-if) as a file to download.
ApiResponse export_route(Session& session, const Json& body, const ApiLimits& limits) {
    const MapView v = session.view();
    const WhatIf w = parse_whatif(body.value("whatif", Json()));
    const std::string format = field_string(body, "format", "json");
    const std::string stem = field_string(body, "name", "map");
    check_file_name(stem);
    ApiResponse r;
    r.file_name = stem + "." + format;
    if (format == "svg" || format == "png" || format == "pdf") {
        const Answered a = answered(session, v, w, request_of(body), control_of(limits));
        MapStyle style;
        style.timeout = limits.evaluation_seconds;
        style.cancel = limits.stop;
        style.result = &a.result;
        style.format = format;
        style.positions = v.positions.empty() ? nullptr : &v.positions;
        r.body = draw_map(a.graph, style);
        r.content_type = format == "svg" ? "image/svg+xml" : format == "png" ? "image/png" : "application/pdf";
        return r;
    }
    auto f = format_from_name(format);
    if (!f || *f == Format::kialo || *f == Format::carneades)
        throw ApiError(400, "export as json, argdown, aif, dot, svg, png or pdf", "format");
    r.body = format_graph(with_whatif(v.graph, w), *f);
    r.content_type = "text/plain; charset=utf-8";
    return r;
}

ApiResponse lua_route(Session& session, const Json& body) {
    const MapView v = session.view();
    const WhatIf w = parse_whatif(body.value("whatif", Json()));
    (void)whatif_scenario(v.graph, w);  // refuse a what-if that does not apply
    std::string name = field_string(body, "name", "what-if");
    std::string stem;
    for (char c : name) stem += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    const std::string map_path = v.path.empty() ? "map.json" : v.path;
    return json_response({{"file_name", stem + ".lua"}, {"script", lua_script(name, map_path, w, request_of(body))}});
}

using Route = std::function<ApiResponse(Session&, const Json&, const ApiLimits&)>;

ApiResponse dispatch(Session& session, const ApiRequest& q, const ApiLimits& limits) {
    if (q.method == "GET") {
        if (q.path == "/api/map") return json_response(map_json(session.view(), session.read_only()));
        if (q.path == "/api/version") return json_response({{"version", session.view().version}});
        if (q.path == "/api/legend") {
            auto it = q.query.find("strengths");
            return {200, "image/svg+xml", draw_legend(it != q.query.end() && it->second == "1"), ""};
        }
        throw ApiError(404, "no such API: GET " + q.path, "path");
    }
    if (q.method != "POST") throw ApiError(405, "use GET or POST", "method");
    Json body;
    try {
        body = Json::parse(q.body);
    } catch (const Json::parse_error& e) {
        throw ApiError(400, std::string("malformed JSON: ") + e.what(), "body at byte " + std::to_string(e.byte));
    }
    if (!body.is_object()) throw ApiError(400, "the body must be a JSON object", "body");
    static const std::map<std::string, Route> routes = {
        {"/api/evaluate", evaluate_route},
        {"/api/explain", explain_route},
        {"/api/export", export_route},
        {"/api/lua", [](Session& s, const Json& b, const ApiLimits&) { return lua_route(s, b); }},
        {"/api/edit",
         [](Session& s, const Json& b, const ApiLimits&) {
             return json_response({{"version", s.edit(version_of(b), b.value("ops", Json()))}});
         }},
        {"/api/undo",
         [](Session& s, const Json& b, const ApiLimits&) { return json_response({{"version", s.undo(version_of(b))}}); }},
        {"/api/redo",
         [](Session& s, const Json& b, const ApiLimits&) { return json_response({{"version", s.redo(version_of(b))}}); }},
        {"/api/save",
         [](Session& s, const Json& b, const ApiLimits&) {
             const std::uint64_t version = version_of(b);
             const std::string path = s.save(version, field_string(b, "name", ""), field_bool(b, "overwrite", false));
             // The version saved: an edit made while the file was written is not in it.
             return json_response({{"saved", path.substr(path.find_last_of('/') + 1)}, {"version", version}});
         }},
        {"/api/open",
         [](Session& s, const Json& b, const ApiLimits&) {
             return json_response(
                 {{"version", s.open_text(field_string(b, "name", ""), field_string(b, "text", ""))}});
         }},
    };
    auto it = routes.find(q.path);
    if (it == routes.end()) throw ApiError(404, "no such API: POST " + q.path, "path");
    return it->second(session, body, limits);
}

int status_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::not_found: return 404;
        case ErrorKind::limit: return 422;
        case ErrorKind::cancelled: return 503;  // only the server stopping cancels
        default: return 400;
    }
}

}  // namespace

ApiResponse error_response(int status, const std::string& message, const std::string& where) {
    ApiResponse r = json_response({{"error", message}, {"where", where}});
    r.status = status;
    return r;
}

ApiResponse handle(Session& session, const ApiRequest& request, const ApiLimits& limits) {
    try {
        return dispatch(session, request, limits);
    } catch (const ApiError& e) {
        return error_response(e.status, e.what(), e.where);
    } catch (const Error& e) {
        const Location& l = e.where();
        std::string where = l.file;
        if (l.line) where += ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
        return error_response(status_of(e.kind()), e.message(), where.empty() ? request.path : where);
    } catch (const Json::exception& e) {
        return error_response(400, e.what(), "body");
    } catch (const std::bad_alloc&) {
        return error_response(413, "out of memory for this request", request.path);
    }
}

}  // namespace agon::workbench
