// Kialo discussion exports (docs/formats.md §4): numbered claims, Pro/Con, links.
// Both dialects: "1.1. Pro: text" and "1.1 PRO: text", "-> See 1.3." links.
#include <cctype>
#include <map>

#include "formats.hpp"

namespace agon::detail {

namespace {

struct Line {
    std::string number;  // without trailing dot
    std::string polarity;  // "pro", "con" or ""
    std::string text;
    std::size_t offset = 0;  // where the line starts, for errors
};

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// "1.2.3." or "1.2.3" at the start of `s`; returns its length (0 if none).
std::size_t number_prefix(std::string_view s, std::string& number) {
    std::size_t i = 0;
    for (;;) {
        const std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        if (i == start) return 0;
        number.append(s.substr(start, i - start));
        if (i < s.size() && s[i] == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
            number += '.';
            ++i;
            continue;
        }
        if (i < s.size() && s[i] == '.') ++i;  // trailing dot (dialect A)
        return i;
    }
}

std::string parent_of(const std::string& number) {
    const auto dot = number.rfind('.');
    return dot == std::string::npos ? "" : number.substr(0, dot);
}

}  // namespace

Graph parse_kialo(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits) {
    Graph g;
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        const std::size_t at = pos;
        pos = end + 1;
        std::string line = trim(raw);
        if (line.empty()) {
            if (end == text.size()) break;
            continue;
        }
        if (lower(line).rfind("discussion title:", 0) == 0) {
            g.set_title(trim(line.substr(17)));
            continue;
        }
        std::string number;
        const std::size_t n = number_prefix(line, number);
        if (n == 0 || n >= line.size() || !std::isspace(static_cast<unsigned char>(line[n]))) {
            if (lines.empty()) fail_at(text, at, name, "expected a numbered claim such as \"1. The thesis\"");
            lines.back().text += " " + line;  // continuation of the previous claim
            continue;
        }
        Line l;
        l.number = number;
        l.offset = at;
        std::string rest = trim(line.substr(n));
        const std::string head = lower(rest.substr(0, 4));
        if (head == "pro:" || head == "con:") {
            l.polarity = head.substr(0, 3);
            rest = trim(rest.substr(4));
        }
        l.text = rest;
        if (l.text.size() > limits.max_text) fail_at(text, at, name, "claim text too long");
        lines.push_back(std::move(l));
        if (lines.size() > limits.max_claims) throw Error(ErrorKind::limit, "too many claims", Location{name, 0, 0});
        if (end == text.size()) break;
    }
    if (lines.empty()) fail_at(text, 0, name, "no numbered claims: not a Kialo discussion export");

    // Claims first (links only add edges), then edges in file order.
    std::map<std::string, std::size_t> line_of;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (lower(l.text).rfind("-> see", 0) == 0) continue;
        if (line_of.count(l.number)) fail_at(text, l.offset, name, "claim " + l.number + " appears twice");
        line_of[l.number] = i;
        Claim c;
        c.id = l.number;
        c.text = l.text;
        g.add_claim(std::move(c));
    }
    for (const Line& l : lines) {
        const std::string parent = parent_of(l.number);
        std::string from = l.number;
        if (lower(l.text).rfind("-> see", 0) == 0) {
            std::string target;
            std::string rest = trim(l.text.substr(6));
            number_prefix(rest, target);
            if (target.empty() || !g.find_claim(target))
                fail_at(text, l.offset, name, "link to an unknown claim '" + rest + "'");
            from = target;
        }
        if (parent.empty()) continue;
        if (!g.find_claim(parent)) fail_at(text, l.offset, name, "claim " + l.number + " has no parent claim " + parent);
        if (l.polarity.empty()) {
            if (warnings) warnings->push_back(name + ": claim " + l.number + " has no Pro/Con; no edge to " + parent);
            continue;
        }
        Edge e;
        e.kind = l.polarity == "pro" ? EdgeKind::support : EdgeKind::attack;
        e.from = from;
        e.to = parent;
        g.add_edge(std::move(e));
    }
    return g;
}

}  // namespace agon::detail
