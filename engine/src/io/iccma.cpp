// ICCMA framework formats: i23 ("p af N" + "i j" lines), apx (arg/att facts)
// and tgf (nodes, "#", edges). Hand-written scanners: these files reach
// millions of lines.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "formats.hpp"

namespace agon::detail {

namespace {

// A cursor over the text that knows how to report where it is.
struct Scanner {
    std::string_view text;
    const std::string& name;
    std::size_t pos = 0;

    bool done() const { return pos >= text.size(); }
    char peek() const { return text[pos]; }
    void skip_blanks() {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r')) ++pos;
    }
    void skip_line() {
        while (pos < text.size() && text[pos] != '\n') ++pos;
        if (pos < text.size()) ++pos;
    }
    bool at_line_end() const { return pos >= text.size() || text[pos] == '\n'; }
    [[noreturn]] void fail(const std::string& message, std::size_t at) const { fail_at(text, at, name, message); }
    [[noreturn]] void fail(const std::string& message) const { fail(message, pos); }

    // An unsigned decimal number; fails on anything else.
    std::uint64_t number(const char* what) {
        std::size_t start = pos;
        std::uint64_t v = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            v = v * 10 + static_cast<std::uint64_t>(text[pos] - '0');
            if (v > 0xFFFFFFFFull) fail(std::string(what) + " is too large", start);
            ++pos;
        }
        if (pos == start) fail(std::string("expected ") + what);
        return v;
    }
    void end_of_line(const char* after) {
        skip_blanks();
        if (!at_line_end() && peek() != '#') fail(std::string("unexpected text after ") + after);
        skip_line();
    }
};

void check_size(std::uint64_t n, const ReadLimits& limits, const Scanner& sc) {
    if (n > limits.max_claims)
        throw Error(ErrorKind::limit, "framework has more than " + std::to_string(limits.max_claims) + " arguments",
                    locate(sc.text, sc.pos, sc.name));
}

void check_attacks(const Framework& af, const ReadLimits& limits, const Scanner& sc) {
    if (af.attacks.size() > limits.max_edges)
        throw Error(ErrorKind::limit, "framework has more than " + std::to_string(limits.max_edges) + " attacks",
                    locate(sc.text, sc.pos, sc.name));
}

// Names in apx/tgf: everything up to a delimiter.
std::string_view take_name(Scanner& sc, std::string_view stops) {
    std::size_t start = sc.pos;
    while (!sc.done() && stops.find(sc.peek()) == std::string_view::npos) ++sc.pos;
    return sc.text.substr(start, sc.pos - start);
}

struct NameIndex {
    Framework& af;
    std::unordered_map<std::string_view, std::uint32_t> at;
    std::uint32_t add(std::string_view name) {
        auto [it, fresh] = at.emplace(name, af.size);
        if (fresh) {
            af.names.emplace_back(name);
            ++af.size;
        }
        return it->second;
    }
};

// The text read by one format's scanner, within the limits on its size.
template <class Scan>
Framework read_framework(std::string_view text, const std::string& name, const ReadLimits& limits, Scan scan) {
    Scanner sc{text, name};
    Framework af;
    scan(sc, af, limits);
    check_attacks(af, limits, sc);
    return af;
}

void scan_i23(Scanner& sc, Framework& af, const ReadLimits& limits) {
    bool header = false;
    af.attacks.reserve(sc.text.size() / 12);
    while (!sc.done()) {
        sc.skip_blanks();
        if (sc.at_line_end() || sc.peek() == '#') {
            sc.skip_line();
            continue;
        }
        if (!header) {
            if (sc.text.substr(sc.pos, 2) != "p ") sc.fail("expected the header \"p af N\" before any attack");
            sc.pos += 2;
            sc.skip_blanks();
            if (sc.text.substr(sc.pos, 2) != "af") sc.fail("expected \"af\" in the header \"p af N\"");
            sc.pos += 2;
            sc.skip_blanks();
            std::uint64_t n = sc.number("the number of arguments");
            check_size(n, limits, sc);
            af.size = static_cast<std::uint32_t>(n);
            sc.end_of_line("the header");
            header = true;
            continue;
        }
        std::size_t line_start = sc.pos;
        std::uint64_t a = sc.number("an attacking argument number");
        if (sc.done() || (sc.peek() != ' ' && sc.peek() != '\t')) sc.fail("expected two argument numbers \"i j\"");
        sc.skip_blanks();
        std::uint64_t b = sc.number("an attacked argument number");
        if (a < 1 || a > af.size || b < 1 || b > af.size)
            sc.fail("argument " + std::to_string(a < 1 || a > af.size ? a : b) + " is out of range 1.." +
                        std::to_string(af.size),
                    line_start);
        af.attacks.emplace_back(static_cast<std::uint32_t>(a - 1), static_cast<std::uint32_t>(b - 1));
        sc.end_of_line("the attack");
    }
    if (!header) sc.fail("missing the header \"p af N\"", 0);
}

// ASP lets a fact run over several lines.
void skip_space(Scanner& sc) {
    while (!sc.done() && std::string_view(" \t\r\n").find(sc.peek()) != std::string_view::npos) ++sc.pos;
}

// An argument name of an apx fact and the space around it: a constant as
// written, or an ASP string "..." (how agon writes names that are not
// constants), read without its quotes.
std::string_view apx_name(Scanner& sc) {
    skip_space(sc);
    std::string_view name;
    if (!sc.done() && sc.peek() == '"') {
        const std::size_t open = sc.pos, close = sc.text.find_first_of("\"\n", open + 1);
        if (close == std::string_view::npos || sc.text[close] != '"') sc.fail("a quoted name is not closed on its line", open);
        name = sc.text.substr(open + 1, close - open - 1);
        sc.pos = close + 1;
    } else {
        name = take_name(sc, ",)( \t\r\n");
    }
    if (name.empty()) sc.fail("expected an argument name");
    skip_space(sc);
    return name;
}

void scan_apx(Scanner& sc, Framework& af, const ReadLimits& limits) {
    NameIndex names{af, {}};
    std::vector<std::pair<std::string_view, std::size_t>> pending;  // att names before their arg()
    std::vector<std::pair<std::string_view, std::string_view>> att_names;
    while (!sc.done()) {
        char c = sc.peek();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++sc.pos;
            continue;
        }
        if (c == '%') {
            sc.skip_line();
            continue;
        }
        std::size_t start = sc.pos;
        bool is_arg = sc.text.substr(sc.pos, 4) == "arg(";
        bool is_att = sc.text.substr(sc.pos, 4) == "att(";
        if (!is_arg && !is_att) sc.fail("expected arg(NAME). or att(NAME,NAME).");
        sc.pos += 4;
        std::string_view first = apx_name(sc);
        if (first.size() > limits.max_text) sc.fail("argument name too long");
        if (is_arg) {
            names.add(first);
            check_size(af.size, limits, sc);
        } else {
            if (sc.done() || sc.peek() != ',') sc.fail("expected ',' between the two names of att(A,B)");
            ++sc.pos;
            std::string_view second = apx_name(sc);
            att_names.emplace_back(first, second);
            pending.emplace_back(first, start);
        }
        if (sc.done() || sc.peek() != ')') sc.fail("expected ')'");
        ++sc.pos;
        skip_space(sc);
        if (sc.done() || sc.peek() != '.') sc.fail("expected '.' after the fact");
        ++sc.pos;
    }
    af.attacks.reserve(att_names.size());
    for (std::size_t i = 0; i < att_names.size(); ++i) {
        auto a = names.at.find(att_names[i].first), b = names.at.find(att_names[i].second);
        if (a == names.at.end() || b == names.at.end())
            sc.fail("att(" + std::string(att_names[i].first) + "," + std::string(att_names[i].second) +
                        ") names an argument with no arg() fact",
                    pending[i].second);
        af.attacks.emplace_back(a->second, b->second);
    }
}

// A tgf node line's label: the rest of the line, blanks trimmed. A node
// declared twice keeps its first non-empty label.
void read_label(Scanner& sc, const ReadLimits& limits, std::uint32_t i, std::vector<std::string>& labels) {
    sc.skip_blanks();
    const std::size_t start = sc.pos;
    std::size_t end = start;
    while (end < sc.text.size() && sc.text[end] != '\n') ++end;
    std::string_view label = sc.text.substr(start, end - start);
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t' || label.back() == '\r')) label.remove_suffix(1);
    if (label.empty()) return;
    if (label.size() > limits.max_text) sc.fail("node label too long", start);
    if (labels.size() <= i) labels.resize(i + 1);
    if (labels[i].empty()) labels[i] = label;
}

void scan_tgf(Scanner& sc, Framework& af, const ReadLimits& limits, std::vector<std::string>* labels) {
    NameIndex names{af, {}};
    bool edges = false;
    while (!sc.done()) {
        sc.skip_blanks();
        if (sc.at_line_end()) {
            sc.skip_line();
            continue;
        }
        // The separator is "#" alone (a word may follow after a blank): a node
        // may be named "#hash".
        const std::size_t next = sc.pos + 1;
        if (!edges && sc.peek() == '#' &&
            (next >= sc.text.size() || std::string_view(" \t\r\n").find(sc.text[next]) != std::string_view::npos)) {
            edges = true;
            sc.skip_line();
            continue;
        }
        std::size_t start = sc.pos;
        std::string_view a = take_name(sc, " \t\r\n");
        if (a.size() > limits.max_text) sc.fail("argument name too long", start);
        if (!edges) {
            const std::uint32_t i = names.add(a);
            check_size(af.size, limits, sc);
            if (labels) read_label(sc, limits, i, *labels);
            sc.skip_line();  // the rest of a node line is its label
            continue;
        }
        sc.skip_blanks();
        std::string_view b = take_name(sc, " \t\r\n");
        if (b.empty()) sc.fail("expected two node names \"A B\" on an edge line", start);
        auto ia = names.at.find(a), ib = names.at.find(b);
        if (ia == names.at.end() || ib == names.at.end())
            sc.fail("edge names an undeclared node '" + std::string(ia == names.at.end() ? a : b) + "'", start);
        af.attacks.emplace_back(ia->second, ib->second);
        sc.skip_line();
    }
}

}  // namespace

Framework parse_i23(std::string_view text, const std::string& name, const ReadLimits& limits) {
    return read_framework(text, name, limits, scan_i23);
}

Framework parse_apx(std::string_view text, const std::string& name, const ReadLimits& limits) {
    return read_framework(text, name, limits, scan_apx);
}

Framework parse_tgf(std::string_view text, const std::string& name, const ReadLimits& limits,
                    std::vector<std::string>* labels) {
    return read_framework(text, name, limits, [labels](Scanner& sc, Framework& af, const ReadLimits& l) {
        scan_tgf(sc, af, l, labels);
    });
}

std::string write_i23(const Framework& af) {
    std::string out = "p af " + std::to_string(af.size) + "\n";
    out.reserve(out.size() + af.attacks.size() * 14);
    if (!af.names.empty()) {
        // Keep the names as comments so nothing is lost silently; a line
        // break in a name would end its comment, so it becomes a space.
        for (std::uint32_t i = 0; i < af.size; ++i) {
            std::string name = af.names[i];
            std::replace_if(name.begin(), name.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
            out += "# " + std::to_string(i + 1) + " " + name + "\n";
        }
    }
    for (auto [a, b] : af.attacks) {
        out += std::to_string(a + 1);
        out += ' ';
        out += std::to_string(b + 1);
        out += '\n';
    }
    return out;
}

namespace {

// A name holding one of `stops` would be read back as something else (tgf
// has no quoting; apx quotes have no escapes), so it is refused rather than written.
void check_names(const Framework& af, std::string_view stops, std::string_view format) {
    for (std::uint32_t i = 0; i < af.size; ++i) {
        const std::string& n = af.name(i);
        if (n.empty() || n.find_first_of(stops) != std::string::npos || (format == "tgf" && n == "#"))  // "#": the separator
            throw Error(ErrorKind::unsupported, "claim id '" + n + "' cannot be written in " + std::string(format) +
                                                    (format == "apx" ? " (its names cannot hold quotes, backslashes or line breaks"
                                                                     : n == "#" ? " (a node named # reads as its separator"
                                                                                : " (its names cannot hold spaces") +
                                                    "); convert to i23, which numbers the claims, or to json");
    }
}

}  // namespace

std::string write_apx(const Framework& af) {
    check_names(af, "\"\\\r\n", "apx");
    // ASP tools (ASPARTIX, clingo) read a name as a constant only when it is
    // one (a lower-case letter, then letters, digits and _; or a number):
    // "A" would be a variable and "b%c" end at a comment. Others are quoted.
    std::vector<std::string> names(af.size);
    for (std::uint32_t i = 0; i < af.size; ++i) {
        const std::string n = af.name(i);
        const bool word = std::islower(static_cast<unsigned char>(n[0])) &&
                          std::all_of(n.begin(), n.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
        const bool number = std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
                            (n == "0" || n[0] != '0');
        names[i] = word || number ? n : "\"" + n + "\"";
    }
    std::string out;
    for (std::uint32_t i = 0; i < af.size; ++i) out += "arg(" + names[i] + ").\n";
    for (auto [a, b] : af.attacks) out += "att(" + names[a] + "," + names[b] + ").\n";
    return out;
}

std::string write_tgf(const Framework& af, const std::vector<std::string>& labels) {
    check_names(af, " \t\r\n", "tgf");
    std::string out;
    for (std::uint32_t i = 0; i < af.size; ++i) {
        const std::string name = af.name(i);
        out += name;
        if (i < labels.size() && !labels[i].empty() && labels[i] != name) {
            out += ' ';
            for (char c : labels[i]) out += c == '\n' || c == '\r' ? ' ' : c;
        }
        out += '\n';
    }
    out += "#\n";
    for (auto [a, b] : af.attacks) out += af.name(a) + " " + af.name(b) + "\n";
    return out;
}

}  // namespace agon::detail
