// Format names, detection, and the per-format dispatch of readers and writers.
#include <algorithm>
#include <cctype>

#include "agon/render.hpp"
#include "formats.hpp"

namespace agon {

namespace {

struct FormatName {
    std::string_view name;
    Format format;
};
constexpr FormatName kNames[] = {
    {"json", Format::json},         {"i23", Format::i23},     {"af", Format::i23},
    {"apx", Format::apx},           {"tgf", Format::tgf},     {"argdown", Format::argdown},
    {"ad", Format::argdown},        {"aif", Format::aif},     {"kialo", Format::kialo},
    {"carneades", Format::carneades}, {"yaml", Format::carneades}, {"yml", Format::carneades},
    {"dot", Format::dot},           {"xaif", Format::xaif},
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

[[noreturn]] void no_reader(Format f) {
    throw Error(ErrorKind::unsupported, "reading " + std::string(to_string(f)) + " is not supported");
}

// Text formats carry ids and texts that every writer must reproduce: refuse
// bytes that are not UTF-8 rather than mangle them on the way out, and NUL
// bytes, which no text format allows and C strings would cut short.
void require_text(std::string_view text, const std::string& name) {
    const std::size_t nul = text.find('\0');
    const auto bad = invalid_utf8_offset(text.substr(0, nul));
    if (bad) detail::fail_at(text, *bad, name, "invalid UTF-8 byte");
    if (nul != std::string_view::npos) detail::fail_at(text, nul, name, "a NUL byte: not a text file");
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
    std::string n = lower(name);
    for (const auto& f : kNames)
        if (f.name == n) return f.format;
    return std::nullopt;
}

std::string_view to_string(Format format) {
    for (const auto& f : kNames)
        if (f.format == format) return f.name;
    return "json";
}

Format detect_format(const std::string& path, std::string_view content) {
    auto dot = path.find_last_of('.');
    auto slash = path.find_last_of('/');
    std::string ext = (dot == std::string::npos || (slash != std::string::npos && dot < slash)) ? "" : lower(path.substr(dot + 1));
    if (ext == "json") {
        // agon graphs have "format"; AIF nodesets have "nodes", xAIF (OVA3,
        // AIFdb) an "AIF" member. Any key order: look at every top-level key.
        bool native = false, aif = false;
        for (const std::string& key : detail::top_level_keys(content)) {
            native |= key == "format";
            aif |= key == "nodes" || key == "AIF";
        }
        return aif && !native ? Format::aif : Format::json;
    }
    if (ext == "txt") return Format::kialo;
    if (ext == "gv") return Format::dot;
    if (auto f = format_from_name(ext)) return *f;
    throw Error(ErrorKind::usage, "cannot tell the format of '" + path +
                                      "' from its extension; name the format (json, i23, apx, tgf, argdown, aif, "
                                      "kialo, carneades)");
}

bool is_framework_format(Format format) noexcept {
    return format == Format::i23 || format == Format::apx || format == Format::tgf;
}

Graph parse_graph(std::string_view text, Format format, const std::string& name, Warnings* warnings,
                  const ReadLimits& limits) {
    text = detail::without_bom(text);
    if (text.size() > limits.max_bytes) throw Error(ErrorKind::limit, "file too large", Location{name, 0, 0});
    if (!is_framework_format(format)) require_text(text, name);
    Graph g;
    switch (format) {
        case Format::json: return detail::parse_json(text, name, warnings, limits);
        case Format::i23:
        case Format::apx: return to_graph(parse_framework(text, format, name, limits));
        case Format::tgf: {
            require_text(text, name);
            std::vector<std::string> labels;  // node labels are claim texts
            const Framework af = detail::parse_tgf(text, name, limits, &labels);
            return to_graph(af, labels);
        }
        case Format::kialo: g = detail::parse_kialo(text, name, warnings, limits); break;
        case Format::argdown: g = detail::parse_argdown(text, name, warnings, limits); break;
        case Format::aif:
        case Format::xaif: g = detail::parse_aif(text, name, warnings, limits); break;
        case Format::carneades: g = detail::parse_carneades(text, name, warnings, limits); break;
        default: no_reader(format);
    }
    // These readers build the graph first; their sizes are checked here.
    detail::check_graph_limits(g, limits, name);
    return g;
}

Graph load_graph(const std::string& path, std::optional<Format> format, Warnings* warnings, const ReadLimits& limits) {
    std::string text = read_file(path, limits.max_bytes);
    return parse_graph(text, format ? *format : detect_format(path, text), path, warnings, limits);
}

std::string format_graph(const Graph& graph, Format format, Warnings* warnings) {
    auto lossy = [&](const char* what) {
        if (!warnings) return;
        bool supports = std::any_of(graph.edges().begin(), graph.edges().end(),
                                    [](const Edge& e) { return e.kind != EdgeKind::attack; });
        if (supports) warnings->push_back(std::string(what) + " holds attacks only: support and undercut edges were dropped");
        warnings->push_back(std::string(what) + (std::string_view(what) == "tgf"
                                                     ? " keeps no base scores, tags or weights (claim texts are node labels, on one line)"
                                                     : " keeps no claim texts, base scores, tags or weights"));
    };
    switch (format) {
        case Format::json: return detail::write_json(graph);
        case Format::dot: return to_dot(graph);
        case Format::aif: return detail::write_aif(graph, warnings);
        case Format::xaif: return detail::write_aif(graph, warnings, true);
        case Format::argdown: return detail::write_argdown(graph, warnings);
        case Format::i23: lossy("i23"); return detail::write_i23(to_framework(graph));
        case Format::apx: lossy("apx"); return detail::write_apx(to_framework(graph));
        case Format::tgf: {
            lossy("tgf");
            std::vector<std::string> texts;  // as node labels
            texts.reserve(graph.claims().size());
            for (const Claim& c : graph.claims()) texts.push_back(c.text);
            return detail::write_tgf(to_framework(graph), texts);
        }
        default: throw Error(ErrorKind::unsupported, "writing " + std::string(to_string(format)) + " is not supported");
    }
}

void save_graph(const Graph& graph, const std::string& path, std::optional<Format> format, Warnings* warnings) {
    Format f = format ? *format : detect_format(path, "{\"format\":\"agon-graph\"}");
    write_file_atomic(path, format_graph(graph, f, warnings));
}

Framework parse_framework(std::string_view text, Format format, const std::string& name, const ReadLimits& limits) {
    // i23 holds only numbers: its reader rejects every other byte itself.
    if (format != Format::i23) text = detail::without_bom(text);
    if (format == Format::apx || format == Format::tgf) require_text(text, name);
    switch (format) {
        case Format::i23: return detail::parse_i23(text, name, limits);
        case Format::apx: return detail::parse_apx(text, name, limits);
        case Format::tgf: return detail::parse_tgf(text, name, limits);
        default: return to_framework(parse_graph(text, format, name, nullptr, limits));
    }
}

Framework load_framework(const std::string& path, std::optional<Format> format, const ReadLimits& limits) {
    std::string text = read_file(path, limits.max_bytes);
    Format f = format ? *format : detect_format(path, text);
    return parse_framework(text, f, path, limits);
}

std::string format_framework(const Framework& af, Format format) {
    switch (format) {
        case Format::i23: return detail::write_i23(af);
        case Format::apx: return detail::write_apx(af);
        case Format::tgf: return detail::write_tgf(af);
        default: throw Error(ErrorKind::usage, "a framework can only be written as i23, apx or tgf");
    }
}

}  // namespace agon
