// Argdown, the common subset (docs/formats.md §2): statement and argument
// definitions and references, indented relation trees (+ - _ <+ +> <- -> <_ _> ><),
// premise-conclusion structures, #tags, YAML front matter, comments, headings.
// Export writes definitions and relation blocks that re-import to the same graph.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "formats.hpp"

namespace agon::detail {

namespace {

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// Remove // line comments, /* */ and <!-- --> blocks, keeping line structure.
// A block never closed is an error where it opens: it would hide the rest of the file.
std::string strip_comments(std::string_view in, const std::string& name) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in.compare(i, 2, "/*") == 0 || in.compare(i, 4, "<!--") == 0) {
            const bool html = in[i] == '<';
            const std::size_t end = in.find(html ? "-->" : "*/", i + 2);
            if (end == std::string_view::npos)
                fail_at(in, i, name, std::string("a comment opened with ") + (html ? "<!--" : "/*") + " is never closed");
            const std::size_t stop = end + (html ? 3 : 2);
            for (std::size_t k = i; k < stop; ++k)
                if (in[k] == '\n') out += '\n';
            i = stop - 1;
            continue;
        }
        if (in.compare(i, 2, "//") == 0 && (i == 0 || std::isspace(static_cast<unsigned char>(in[i - 1])))) {
            while (i < in.size() && in[i] != '\n') ++i;
            if (i < in.size()) out += '\n';
            continue;
        }
        out += in[i];
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& body) {
    std::vector<std::string> lines;
    for (std::size_t pos = 0; pos <= body.size();) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string::npos) end = body.size();
        lines.push_back(body.substr(pos, end - pos));
        if (!lines.back().empty() && lines.back().back() == '\r') lines.back().pop_back();
        pos = end + 1;
    }
    return lines;
}

struct Element {
    bool argument = false;
    std::string title;
    std::optional<std::string> text;  // a definition has text; a reference none
    bool canonical = false;
};

// True when `s` opens with a [title] or <title> (a [link](url) is text).
bool starts_with_title(std::string_view s) {
    if (s.empty() || (s[0] != '[' && s[0] != '<')) return false;
    const std::size_t end = s.find(s[0] == '[' ? ']' : '>');
    return end != std::string_view::npos && !(s[0] == '[' && end + 1 < s.size() && s[end + 1] == '(');
}

// "[T]: text", "[T]", "<T>: text", "<T>", or plain text (anonymous statement).
Element parse_element(const std::string& s) {
    Element e;
    if (starts_with_title(s)) {
        const char close = s[0] == '[' ? ']' : '>';
        const std::size_t end = s.find(close);
        {
            e.argument = s[0] == '<';
            e.title = trim(s.substr(1, end - 1));
            std::string rest = trim(s.substr(end + 1));
            if (!rest.empty() && rest[0] == ':') e.text = trim(rest.substr(1));
            else if (!rest.empty()) e.text = rest;
            return e;
        }
    }
    e.text = s;
    return e;
}

// Strip trailing {yaml} data and link targets; collect #tags.
std::string clean_text(std::string text, std::vector<std::string>& tags, bool& canonical) {
    const std::size_t brace = text.rfind('{');
    if (brace != std::string::npos && trim(text).back() == '}') {
        canonical = text.find("isCanonical: true", brace) != std::string::npos;
        text = trim(text.substr(0, brace));
    }
    // [link text](url) -> link text
    for (std::size_t at = text.find("]("); at != std::string::npos; at = text.find("](")) {
        const std::size_t open = text.rfind('[', at), close = text.find(')', at);
        if (open == std::string::npos || close == std::string::npos) break;
        text = text.substr(0, open) + text.substr(open + 1, at - open - 1) + text.substr(close + 1);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '#' || (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1])))) continue;
        if (i + 1 < text.size() && text[i + 1] == '(') {
            const std::size_t end = text.find(')', i);
            if (end != std::string::npos) tags.push_back(text.substr(i + 2, end - i - 2));
        } else {
            std::size_t j = i + 1;
            while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
            if (j > i + 1) tags.push_back(text.substr(i + 1, j - i - 1));
        }
    }
    return text;
}

// Relation operators in the order Argdown's lexer tries them (first match wins,
// no space needed after the operator; `_` only when followed by a space, since
// it also starts _italic_ text).
const char* const kOps[] = {"+>", "->", "<+", "+", "<-", "-", "><", "_>", "<_", "_"};

// The relation operator at the start of `l`, or "".
std::string_view relation_op(std::string_view l) {
    for (std::string_view op : kOps)
        if (l.substr(0, op.size()) == op && (op != "_" || (l.size() > 1 && std::isspace(static_cast<unsigned char>(l[1])))))
            return op;
    return {};
}

// Length of a list marker ("1." or "*") followed by a space at the start of `l`; 0 if none.
std::size_t list_marker(std::string_view l) {
    if (l.size() > 1 && l[0] == '*' && std::isspace(static_cast<unsigned char>(l[1]))) return 1;
    std::size_t i = 0;
    while (i < l.size() && std::isdigit(static_cast<unsigned char>(l[i]))) ++i;
    if (i > 0 && i + 1 < l.size() && l[i] == '.' && std::isspace(static_cast<unsigned char>(l[i + 1]))) return i + 1;
    return 0;
}

enum class RelKind { support, attack, undercut, contradiction };

class Reader {
public:
    Reader(std::string_view text, const std::string& name, Warnings* warnings) : src_(text), name_(name), warnings_(warnings) {}

    Graph read() {
        const std::vector<std::string> lines = split_lines(strip_comments(src_, name_)), original = split_lines(std::string(src_));
        std::size_t i = 0;
        while (i < lines.size() && trim(lines[i]).empty()) ++i;
        if (i < lines.size() && trim(lines[i]).rfind("===", 0) == 0) {  // front matter
            const std::size_t open = i;
            for (++i; i < lines.size() && trim(lines[i]).rfind("===", 0) != 0; ++i) {
                const std::string l = trim(lines[i]);
                if (l.rfind("title:", 0) == 0) title_ = unquote(trim(l.substr(6)));
            }
            if (i == lines.size()) warn(open + 1, "front matter opened here is never closed with ===");
            ++i;
        }
        for (; i < lines.size(); ++i) {
            // A line holding only a comment is no blank line: text goes on after it.
            if (trim(lines[i]).empty() && i < original.size() && !trim(original[i]).empty()) continue;
            line(lines[i], i + 1);
        }
        if (inference_open_) warn(inference_open_, "an inference opened with -- is never closed");
        return build();
    }

private:
    struct Node {  // an element instance on the relation stack
        int indent;
        std::string id;
        bool argument;
        bool inference = false;  // the inference line of a PCS
    };
    struct Ref {
        std::string id;
        bool argument;
        bool operator<(const Ref& o) const { return std::tie(argument, id) < std::tie(o.argument, o.id); }
        bool operator==(const Ref& o) const { return argument == o.argument && id == o.id; }
    };

    // A YAML scalar: "double quoted" with backslash escapes, 'single quoted'
    // with '' for a quote, or plain.
    static std::string unquote(std::string s) {
        if (s.size() < 2 || (s[0] != '"' && s[0] != '\'') || s.back() != s[0]) return s;
        const char q = s[0];
        std::string out;
        for (std::size_t i = 1; i + 1 < s.size(); ++i) {
            if (q == '\'' && s[i] == '\'' && s[i + 1] == '\'' && i + 2 < s.size()) ++i;
            else if (q == '"' && s[i] == '\\' && i + 2 < s.size()) {
                const char e = s[++i];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                continue;
            }
            out += s[i];
        }
        return out;
    }

    std::string id_for(const Element& e) {
        if (!e.title.empty()) return e.title;
        return "Untitled " + std::to_string(++untitled_);
    }

    // Register an element (definition or reference); returns its id.
    std::string element(const Element& e) {
        const std::string id = id_for(e);
        auto& known = e.argument ? arguments_ : statements_;
        auto it = known.find(id);
        if (it == known.end()) {
            it = known.emplace(id, Info{}).first;
            order_.push_back({id, e.argument});
        }
        if (e.text && !e.text->empty() && !it->second.canonical) {
            bool canonical = false;
            std::vector<std::string> tags;
            it->second.text = clean_text(*e.text, tags, canonical);
            it->second.canonical = canonical;
            for (auto& t : tags)
                if (std::find(it->second.tags.begin(), it->second.tags.end(), t) == it->second.tags.end())
                    it->second.tags.push_back(t);
        }
        return id;
    }

    void warn(std::size_t line, const std::string& m) {
        if (warnings_) warnings_->push_back(name_ + ":" + std::to_string(line) + ": " + m);
    }

    void relation(std::string_view op, const Node& parent, const Node& child) {
        const Ref p{parent.id, parent.argument}, c{child.id, child.argument};
        auto add = [&](const Ref& from, const Ref& to, RelKind k) { rels_.push_back({from, to, k}); };
        if (op == "+" || op == "<+") add(c, p, RelKind::support);
        else if (op == "+>") add(p, c, RelKind::support);
        else if (op == "-" || op == "<-") add(c, p, RelKind::attack);
        else if (op == "->") add(p, c, RelKind::attack);
        else if (op == "_" || op == "<_") add(c, parent.inference ? Ref{pcs_argument_, true} : p, RelKind::undercut);
        else if (op == "_>") add(p, c, RelKind::undercut);
        else if (op == "><") add(p, c, RelKind::contradiction);
    }

    // A line starting with "--": a one-line inference ("----", "-- Modus Ponens --",
    // "-- rule {uses: [1]} --") or the start of a multi-line one ("--", rules, "--").
    void inference(const std::string& l, int indent, std::size_t n) {
        std::string rule = l.substr(l.find_first_not_of('-') == std::string::npos ? l.size() : l.find_first_not_of('-'));
        const bool closed = rule.empty() ? l.size() >= 3 : rule.size() >= 2 && rule.compare(rule.size() - 2, 2, "--") == 0;
        while (!rule.empty() && rule.back() == '-') rule.pop_back();
        if (pcs_items_.empty()) {  // no block opened: the lines after it stay text
            warn(n, "an inference line outside a premise-conclusion structure");
            return;
        }
        if (!closed) inference_open_ = n;
        inference_rule(rule);
        stack_.assign(1, Node{indent, pcs_argument_, true, true});
        last_text_ = nullptr;
    }

    // Inference rules and data are metadata of the argument, kept as its
    // "inference" attribute (rule names without the {data}).
    void inference_rule(std::string rule) {
        if (const std::size_t brace = rule.find('{'); brace != std::string::npos) rule = rule.substr(0, brace);
        rule = trim(rule);
        if (rule.empty()) return;
        std::string& kept = arguments_[pcs_argument_].inference;
        kept += (kept.empty() ? "" : "; ") + rule;
    }

    void line(const std::string& raw, std::size_t n) {
        int indent = 0;
        for (char c : raw) {
            if (c == ' ') ++indent;
            else if (c == '\t') indent += 4;
            else break;
        }
        const std::string l = trim(raw);
        if (inference_open_) {  // inside "--" ... "--"
            if (l.rfind("--", 0) == 0) {
                inference_open_ = 0;
                inference_rule(l.substr(l.find_first_not_of('-') == std::string::npos ? l.size() : l.find_first_not_of('-')));
            } else {
                inference_rule(l);
            }
            return;
        }
        if (l.empty()) {
            blank_ = true;
            in_heading_ = false;
            last_text_ = nullptr;
            return;
        }
        if (l[0] == '#' && (l.size() == 1 || l[1] == '#' || l[1] == ' ')) {  // heading
            finish_pcs();
            stack_.clear();
            last_text_ = nullptr;
            pending_argument_.reset();
            in_heading_ = true;
            return;
        }
        if (in_heading_) return;  // a heading's text goes on until a blank line
        if (l.rfind("--", 0) == 0) return inference(l, indent, n);
        if (l[0] == '(' && l.find(')') != std::string::npos && l.size() > 1 && std::isdigit(static_cast<unsigned char>(l[1]))) {
            if (pcs_items_.empty()) start_pcs();
            const std::string rest = trim(l.substr(l.find(')') + 1));
            Element e = parse_element(rest);
            const std::string id = element(e);
            pcs_items_.push_back(id);
            stack_.assign(1, Node{indent, id, false});
            set_last_text(e, id);
            blank_ = false;
            return;
        }
        if (const std::string_view op = relation_op(l); !op.empty()) {
            while (!stack_.empty() && stack_.back().indent >= indent) stack_.pop_back();
            const std::string rest = trim(l.substr(op.size()));
            if (stack_.empty()) return warn(n, "a relation without an element above it: '" + l + "'");
            if (rest.empty()) return warn(n, "a relation operator without an element after it");
            Element e = parse_element(rest);
            const std::string id = element(e);
            Node child{indent, id, e.argument};
            relation(op, stack_.back(), child);
            stack_.push_back(child);
            set_last_text(e, id);
            blank_ = false;
            return;
        }
        if (const std::size_t marker = list_marker(l); marker > 0) {  // a list item is an element of its own
            finish_pcs();
            Element e = parse_element(trim(l.substr(marker)));
            const std::string id = element(e);
            stack_.assign(1, Node{indent, id, e.argument});
            set_last_text(e, id);
            blank_ = false;
            return;
        }
        if (l.rfind("@include", 0) == 0) return warn(n, "@include is not followed: the included file is not read");
        // A continuation of the previous element's text.
        if (last_text_ && !blank_ && !starts_with_title(l)) {
            *last_text_ += " " + l;
            return;
        }
        // A new top-level element; it may be followed by a PCS.
        finish_pcs();
        Element e = parse_element(l);
        const std::string id = element(e);
        stack_.assign(1, Node{indent, id, e.argument});
        pending_argument_ = e.argument ? std::optional<std::string>(id) : std::nullopt;
        set_last_text(e, id);
        blank_ = false;
    }

    void set_last_text(const Element& e, const std::string& id) {
        last_text_ = nullptr;
        if (!e.text) return;
        auto& info = (e.argument ? arguments_ : statements_)[id];
        last_text_ = &info.text;
    }

    void start_pcs() {
        if (pending_argument_) pcs_argument_ = *pending_argument_;
        else {
            pcs_argument_ = "Untitled " + std::to_string(++untitled_);
            arguments_.emplace(pcs_argument_, Info{});
            order_.push_back({pcs_argument_, true});
        }
        pending_argument_.reset();
    }

    // Every item but the main conclusion (premises and intermediary
    // conclusions) supports the argument; the argument supports the last item.
    void finish_pcs() {
        if (pcs_items_.empty()) return;
        for (std::size_t k = 0; k + 1 < pcs_items_.size(); ++k)
            pcs_rels_.push_back({{pcs_items_[k], false}, {pcs_argument_, true}, RelKind::support});
        conclusion_of_[pcs_argument_] = pcs_items_.back();
        pcs_rels_.push_back({{pcs_argument_, true}, {pcs_items_.back(), false}, RelKind::support});
        pcs_items_.clear();
    }

    struct Rel {
        Ref from, to;
        RelKind kind;
    };

    // Argdown moves the outgoing relations of a reconstructed argument to its
    // main conclusion and merges duplicates: `<A2> - <A1>` where A2's
    // conclusion C also has `-> <A1>` is one relation, not two (counted twice
    // by gradual semantics otherwise). agon keeps the relation as written and
    // drops only such duplicates.
    using RelKey = std::tuple<Ref, Ref, RelKind>;
    bool duplicates_conclusion_relation(const Rel& r, const std::set<RelKey>& written) const {
        if (!r.from.argument) return false;
        auto c = conclusion_of_.find(r.from.id);
        return c != conclusion_of_.end() && written.count({Ref{c->second, false}, r.to, r.kind});
    }

    Graph build() {
        finish_pcs();
        Graph g;
        g.set_title(title_);
        std::set<std::string> statement_ids;
        for (const auto& [id, arg] : order_)
            if (!arg) statement_ids.insert(id);
        auto claim_id = [&](const Ref& r) { return r.argument && statement_ids.count(r.id) ? "arg:" + r.id : r.id; };
        for (const auto& [id, arg] : order_) {
            const Info& info = (arg ? arguments_ : statements_)[id];
            Claim c;
            c.id = claim_id({id, arg});
            // Clean again: lines that continued the text after its first one
            // may hold links, #tags and trailing {data} too.
            std::vector<std::string> more_tags;
            bool canonical = false;
            const std::string text = clean_text(info.text, more_tags, canonical);
            c.text = text.empty() ? id : text;
            c.kind = arg ? ClaimKind::argument : ClaimKind::statement;
            c.tags = info.tags;
            for (auto& t : more_tags)
                if (std::find(c.tags.begin(), c.tags.end(), t) == c.tags.end()) c.tags.push_back(t);
            if (!info.inference.empty()) c.attributes.emplace_back("inference", info.inference);
            g.add_claim(std::move(c));
        }
        std::set<RelKey> written;
        for (const Rel& r : rels_) written.insert({r.from, r.to, r.kind});
        std::set<std::tuple<std::string, std::string, EdgeKind>> seen;
        std::map<std::string, std::string> conclusion_edge;  // argument claim id -> its conclusion edge
        auto add = [&](const std::string& from, const std::string& to, EdgeKind k) -> std::string {
            if (!seen.insert({from, to, k}).second) return "";
            return g.add_edge({"", k, from, to, 1.0}).id;
        };
        for (const Rel& r : pcs_rels_) {
            const std::string id = add(claim_id(r.from), claim_id(r.to), EdgeKind::support);
            if (r.from.argument && !id.empty()) conclusion_edge[claim_id(r.from)] = id;
        }
        for (const Rel& r : rels_) {
            if (r.kind == RelKind::undercut || duplicates_conclusion_relation(r, written)) continue;
            const std::string from = claim_id(r.from), to = claim_id(r.to);
            if (r.kind == RelKind::contradiction) {
                add(from, to, EdgeKind::attack);
                add(to, from, EdgeKind::attack);
            } else {
                add(from, to, r.kind == RelKind::support ? EdgeKind::support : EdgeKind::attack);
            }
        }
        // Undercuts aim at the argument's conclusion edge (main conclusion,
        // else its only outgoing support, else its only outgoing edge).
        std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> outgoing;  // supports, all
        for (const Edge& e : g.edges()) {
            auto& [sup, any] = outgoing[e.from];
            any.push_back(e.id);
            if (e.kind == EdgeKind::support) sup.push_back(e.id);
        }
        for (const Rel& r : rels_) {
            if (r.kind != RelKind::undercut || duplicates_conclusion_relation(r, written)) continue;
            const std::string a = claim_id(r.to), from = claim_id(r.from);
            std::string edge = conclusion_edge.count(a) ? conclusion_edge[a] : "";
            if (edge.empty() && outgoing.count(a)) {
                const auto& [sup, any] = outgoing[a];
                edge = sup.size() == 1 ? sup[0] : any.size() == 1 ? any[0] : "";
            }
            if (edge.empty()) add(from, a, EdgeKind::attack);
            else add(from, edge, EdgeKind::undercut);
        }
        return g;
    }

    struct Info {
        std::string text;
        std::vector<std::string> tags;
        bool canonical = false;
        std::string inference;  // inference rules of an argument's PCS
    };

    std::string_view src_;
    const std::string& name_;
    Warnings* warnings_;
    std::string title_;
    std::map<std::string, Info> statements_, arguments_;
    std::vector<std::pair<std::string, bool>> order_;
    std::vector<Rel> rels_, pcs_rels_;
    std::map<std::string, std::string> conclusion_of_;  // argument title -> main conclusion title
    std::vector<Node> stack_;
    std::string* last_text_ = nullptr;
    bool blank_ = true;
    bool in_heading_ = false;
    int untitled_ = 0;
    std::size_t inference_open_ = 0;  // line of an unclosed "--", else 0
    std::optional<std::string> pending_argument_;
    std::string pcs_argument_;
    std::vector<std::string> pcs_items_;
};

}  // namespace

// Sizes are checked by parse_graph once the graph is built (check_graph_limits).
Graph parse_argdown(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits&) {
    return Reader(text, name, warnings).read();
}

namespace {

// The front matter's title as a YAML double-quoted scalar: a plain one would
// end at a line break and read "T # c" as T and "[a]" as a list.
std::string yaml_quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c != '\r') out += c;
    }
    return out + "\"";
}

// Why `c`'s id cannot be an Argdown title, or "" when it can. A title has
// no quoting: "[a]b]" reads back as the claim "a" with text "b]", a line
// break splits the claim, an argument line opening "<-", "<+" or "<_" is a
// relation, and a title is trimmed.
std::string unwritable_title(const Claim& c) {
    if (c.id.find_first_of("[]<>\r\n") != std::string::npos) return "its titles cannot hold [ ] < > or line breaks";
    if (c.kind == ClaimKind::argument && std::string_view("+-_").find(c.id[0]) != std::string_view::npos)
        return "an argument's title cannot start with + - or _, which read as a relation";
    if (std::isspace(static_cast<unsigned char>(c.id.front())) || std::isspace(static_cast<unsigned char>(c.id.back())))
        return "titles are read without spaces at their ends";
    return "";
}

}  // namespace

std::string write_argdown(const Graph& g, Warnings* warnings) {
    std::string out;
    if (!g.title().empty()) out += "===\ntitle: " + yaml_quoted(g.title()) + "\n===\n\n";
    auto ref = [&](const std::string& id) {
        const Claim* c = g.find_claim(id);
        return c && c->kind == ClaimKind::argument ? "<" + id + ">" : "[" + id + "]";
    };
    std::size_t markup = 0;
    for (const Claim& c : g.claims()) {
        if (const std::string why = unwritable_title(c); !why.empty())
            throw Error(ErrorKind::unsupported,
                        "claim id '" + c.id + "' cannot be written in argdown (" + why + "); convert to json");
        // Argdown reads these in a text as comments, links or data, not words.
        for (const char* mark : {"//", "/*", "<!--", "](", "{"})
            if (c.text.find(mark) != std::string::npos) {
                ++markup;
                break;
            }
        std::string text = c.text;
        for (char& ch : text)
            if (ch == '\n') ch = ' ';
        for (const auto& t : c.tags)
            if (text.find("#" + t) == std::string::npos) text += t.find(' ') == std::string::npos ? " #" + t : " #(" + t + ")";
        out += ref(c.id) + ": " + (text.empty() ? c.id : text) + "\n\n";
    }
    std::size_t dropped = 0;
    std::set<std::tuple<std::string, std::string, EdgeKind>> drawn;
    std::size_t repeated = 0;  // Argdown relations are one per pair and kind
    for (const Edge& e : g.edges()) repeated += e.kind != EdgeKind::undercut && !drawn.insert({e.from, e.to, e.kind}).second;
    // Each claim's block: the edges into it, and the undercuts of its own
    // inference, in the graph's order (indexed once: graphs reach 100,000 claims).
    std::unordered_map<std::string_view, std::vector<const Edge*>> below;
    std::unordered_map<std::string_view, std::size_t> outgoing;
    for (const Edge& e : g.edges()) {
        if (e.kind != EdgeKind::undercut) {
            below[e.to].push_back(&e);
            ++outgoing[e.from];
        } else if (const Edge* t = g.find_edge(e.to)) {
            below[t->from].push_back(&e);
        }
    }
    for (const Claim& c : g.claims()) {
        const auto at = below.find(c.id);
        if (at == below.end()) continue;
        std::string block;
        for (const Edge* e : at->second) {
            if (e->kind == EdgeKind::undercut) {
                // Argdown undercuts an argument's inference: only its single outgoing edge.
                if (outgoing[c.id] != 1 || c.kind != ClaimKind::argument) {
                    ++dropped;
                    continue;
                }
                block += "  _ " + ref(e->from) + "\n";
            } else {
                block += std::string("  ") + (e->kind == EdgeKind::support ? "+ " : "- ") + ref(e->from) + "\n";
            }
        }
        if (!block.empty()) out += ref(c.id) + "\n" + block + "\n";
    }
    if (warnings) {
        bool weighted = false, based = false;
        for (const Edge& e : g.edges()) weighted |= e.weight != 1.0;
        for (const Claim& c : g.claims()) based |= c.base != 0.5;
        if (weighted) warnings->push_back("argdown keeps no edge weights");
        if (based) warnings->push_back("argdown keeps no base scores");
        if (dropped) warnings->push_back("argdown cannot express " + std::to_string(dropped) + " undercut(s) of edges other than an argument's single inference");
        if (markup)
            warnings->push_back(std::to_string(markup) + " claim text(s) hold //, /*, <!--, ]( or {, which Argdown reads as "
                                                         "comments, links or data: they will not re-import as written");
        if (repeated)
            warnings->push_back("argdown keeps one relation per pair of claims: " + std::to_string(repeated) +
                                " repeated edge(s) will re-import as one");
    }
    return out;
}

}  // namespace agon::detail
