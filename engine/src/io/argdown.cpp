// Argdown, the common subset (docs/formats.md §2): statement and argument
// definitions and references, indented relation trees (+ - _ <+ +> <- -> <_ _> ><),
// premise-conclusion structures, #tags, YAML front matter, comments, headings.
// Export writes definitions and relation blocks that re-import to the same graph.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

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
std::string strip_comments(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in.compare(i, 2, "/*") == 0 || in.compare(i, 4, "<!--") == 0) {
            const bool html = in[i] == '<';
            const std::size_t end = in.find(html ? "-->" : "*/", i + 2);
            const std::size_t stop = end == std::string_view::npos ? in.size() : end + (html ? 3 : 2);
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

struct Element {
    bool argument = false;
    std::string title;
    std::optional<std::string> text;  // a definition has text; a reference none
    bool canonical = false;
};

// "[T]: text", "[T]", "<T>: text", "<T>", or plain text (anonymous statement).
Element parse_element(const std::string& s) {
    Element e;
    if (!s.empty() && (s[0] == '[' || s[0] == '<')) {
        const char close = s[0] == '[' ? ']' : '>';
        const std::size_t end = s.find(close);
        if (end != std::string::npos) {
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

const char* const kOps[] = {"<+", "+>", "<-", "->", "<_", "_>", "><", "+", "-", "_"};

class Reader {
public:
    Reader(std::string_view text, const std::string& name, Warnings* warnings) : src_(text), name_(name), warnings_(warnings) {}

    Graph read() {
        std::string body = strip_comments(src_);
        std::vector<std::string> lines;
        for (std::size_t pos = 0; pos <= body.size();) {
            std::size_t end = body.find('\n', pos);
            if (end == std::string::npos) end = body.size();
            lines.push_back(body.substr(pos, end - pos));
            pos = end + 1;
        }
        std::size_t i = 0;
        if (!lines.empty() && trim(lines[0]) == "===") {  // front matter
            for (i = 1; i < lines.size() && trim(lines[i]) != "==="; ++i) {
                const std::string l = trim(lines[i]);
                if (l.rfind("title:", 0) == 0) title_ = trim(l.substr(6));
            }
            ++i;
        }
        for (; i < lines.size(); ++i) line(lines[i], i + 1);
        return build();
    }

private:
    struct Node {  // an element instance on the relation stack
        int indent;
        std::string id;
        bool argument;
        bool inference = false;  // the "----" line of a PCS
    };

    std::string id_for(const Element& e) {
        if (!e.title.empty()) return e.title;
        return "Untitled " + std::to_string(++untitled_);
    }

    // Register an element (definition or reference); returns its id.
    std::string element(const Element& e, std::size_t line) {
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
        (void)line;
        return id;
    }

    void warn(std::size_t line, const std::string& m) {
        if (warnings_) warnings_->push_back(name_ + ":" + std::to_string(line) + ": " + m);
    }

    void relation(const std::string& op, const Node& parent, const Node& child) {
        auto add = [&](const std::string& from, const std::string& to, EdgeKind k) { rels_.push_back({from, to, k}); };
        if (op == "+" || op == "<+") add(child.id, parent.id, EdgeKind::support);
        else if (op == "+>") add(parent.id, child.id, EdgeKind::support);
        else if (op == "-" || op == "<-") add(child.id, parent.id, EdgeKind::attack);
        else if (op == "->") add(parent.id, child.id, EdgeKind::attack);
        else if (op == "_" || op == "<_") undercuts_.push_back({child.id, parent.inference ? pcs_argument_ : parent.id});
        else if (op == "_>") undercuts_.push_back({parent.id, child.id});
        else if (op == "><") {
            add(parent.id, child.id, EdgeKind::attack);
            add(child.id, parent.id, EdgeKind::attack);
        }
    }

    void line(const std::string& raw, std::size_t n) {
        int indent = 0;
        for (char c : raw) {
            if (c == ' ') ++indent;
            else if (c == '\t') indent += 4;
            else break;
        }
        const std::string l = trim(raw);
        if (l.empty()) {
            blank_ = true;
            last_text_ = nullptr;
            return;
        }
        if (l[0] == '#' && (l.size() == 1 || l[1] == '#' || l[1] == ' ')) {  // heading
            stack_.clear();
            last_text_ = nullptr;
            return;
        }
        // Premise-conclusion structure items and inferences.
        if (l.size() >= 4 && l.find_first_not_of('-') == std::string::npos) {
            if (pcs_items_.empty()) return warn(n, "an inference line outside a premise-conclusion structure");
            pcs_inference_at_ = pcs_items_.size();
            stack_.assign(1, Node{indent, pcs_argument_, true, true});
            last_text_ = nullptr;
            return;
        }
        if (l[0] == '(' && l.find(')') != std::string::npos && std::isdigit(static_cast<unsigned char>(l[1]))) {
            if (pcs_items_.empty()) start_pcs();
            const std::string rest = trim(l.substr(l.find(')') + 1));
            Element e = parse_element(rest);
            const std::string id = element(e, n);
            pcs_items_.push_back(id);
            stack_.assign(1, Node{indent, id, false});
            set_last_text(e, id);
            blank_ = false;
            return;
        }
        for (const char* op : kOps) {
            const std::size_t len = std::char_traits<char>::length(op);
            if (l.compare(0, len, op) == 0 && l.size() > len && l[len] == ' ') {
                while (!stack_.empty() && stack_.back().indent >= indent) stack_.pop_back();
                if (stack_.empty()) return warn(n, "a relation without an element above it");
                Element e = parse_element(trim(l.substr(len)));
                const std::string id = element(e, n);
                Node child{indent, id, e.argument};
                relation(op, stack_.back(), child);
                stack_.push_back(child);
                set_last_text(e, id);
                blank_ = false;
                return;
            }
        }
        if (l[0] == '*' || l.rfind("@include", 0) == 0) return warn(n, "unsupported construct (lists, includes) skipped");
        // A continuation of the previous element's text.
        if (last_text_ && !blank_ && l[0] != '[' && l[0] != '<') {
            *last_text_ += " " + l;
            return;
        }
        // A new top-level element; it may be followed by a PCS.
        finish_pcs();
        Element e = parse_element(l);
        const std::string id = element(e, n);
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

    void finish_pcs() {
        if (pcs_items_.empty()) return;
        const std::size_t premises = std::min(pcs_inference_at_, pcs_items_.size() - 1);
        for (std::size_t k = 0; k + 1 < pcs_items_.size() && k < std::max<std::size_t>(premises, pcs_items_.size() - 1); ++k)
            rels_.push_back({pcs_items_[k], pcs_argument_, EdgeKind::support});
        main_conclusion_[pcs_argument_] = rels_.size();
        rels_.push_back({pcs_argument_, pcs_items_.back(), EdgeKind::support});
        pcs_items_.clear();
        pcs_inference_at_ = 0;
    }

    Graph build() {
        finish_pcs();
        Graph g;
        g.set_title(title_);
        std::set<std::string> statement_ids;
        for (const auto& [id, arg] : order_)
            if (!arg) statement_ids.insert(id);
        auto claim_id = [&](const std::string& id, bool arg) { return arg && statement_ids.count(id) ? "arg:" + id : id; };
        for (const auto& [id, arg] : order_) {
            const Info& info = (arg ? arguments_ : statements_)[id];
            Claim c;
            c.id = claim_id(id, arg);
            c.text = info.text.empty() ? id : info.text;
            c.kind = arg ? ClaimKind::argument : ClaimKind::statement;
            c.tags = info.tags;
            g.add_claim(std::move(c));
        }
        auto resolve = [&](const std::string& id) { return arguments_.count(id) ? claim_id(id, true) : id; };
        std::set<std::tuple<std::string, std::string, EdgeKind>> seen;
        std::vector<std::string> edge_of(rels_.size());
        for (std::size_t k = 0; k < rels_.size(); ++k) {
            const auto& r = rels_[k];
            const std::string from = r.from_arg() ? resolve(r.from) : r.from, to = resolve_any(r.to, statement_ids, resolve);
            const std::string f = resolve_any(r.from, statement_ids, resolve);
            (void)from;
            if (!seen.insert({f, to, r.kind}).second) continue;
            edge_of[k] = g.add_edge({"", r.kind, f, to, 1.0}).id;
        }
        // Undercuts aim at the argument's conclusion edge (main conclusion,
        // else its only outgoing support, else its only outgoing edge).
        for (const auto& [u, target] : undercuts_) {
            const std::string a = resolve_any(target, statement_ids, resolve);
            std::string edge;
            if (auto it = main_conclusion_.find(target); it != main_conclusion_.end()) edge = edge_of[it->second];
            if (edge.empty()) {
                std::vector<std::string> sup, any;
                for (const Edge& e : g.edges())
                    if (e.from == a && e.kind != EdgeKind::undercut) {
                        any.push_back(e.id);
                        if (e.kind == EdgeKind::support) sup.push_back(e.id);
                    }
                edge = sup.size() == 1 ? sup[0] : any.size() == 1 ? any[0] : "";
            }
            const std::string from = resolve_any(u, statement_ids, resolve);
            if (edge.empty()) g.add_edge({"", EdgeKind::attack, from, a, 1.0});
            else g.add_edge({"", EdgeKind::undercut, from, edge, 1.0});
        }
        return g;
    }

    template <typename R>
    std::string resolve_any(const std::string& id, const std::set<std::string>& statements, R&& resolve) {
        return statements.count(id) ? id : resolve(id);
    }

    struct Info {
        std::string text;
        std::vector<std::string> tags;
        bool canonical = false;
    };
    struct Rel {
        std::string from, to;
        EdgeKind kind;
        bool from_arg() const { return false; }
    };

    std::string_view src_;
    const std::string& name_;
    Warnings* warnings_;
    std::string title_;
    std::map<std::string, Info> statements_, arguments_;
    std::vector<std::pair<std::string, bool>> order_;
    std::vector<Rel> rels_;
    std::vector<std::pair<std::string, std::string>> undercuts_;
    std::map<std::string, std::size_t> main_conclusion_;
    std::vector<Node> stack_;
    std::string* last_text_ = nullptr;
    bool blank_ = true;
    int untitled_ = 0;
    std::optional<std::string> pending_argument_;
    std::string pcs_argument_;
    std::vector<std::string> pcs_items_;
    std::size_t pcs_inference_at_ = 0;
};

}  // namespace

// Sizes are checked by parse_graph once the graph is built (check_graph_limits).
Graph parse_argdown(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits&) {
    return Reader(text, name, warnings).read();
}

std::string write_argdown(const Graph& g, Warnings* warnings) {
    std::string out;
    if (!g.title().empty()) out += "===\ntitle: " + g.title() + "\n===\n\n";
    auto ref = [&](const std::string& id) {
        const Claim* c = g.find_claim(id);
        return c && c->kind == ClaimKind::argument ? "<" + id + ">" : "[" + id + "]";
    };
    bool lossy_ids = false;
    for (const Claim& c : g.claims()) {
        lossy_ids |= c.id.find_first_of("[]<>\n") != std::string::npos;
        std::string text = c.text;
        for (char& ch : text)
            if (ch == '\n') ch = ' ';
        for (const auto& t : c.tags)
            if (text.find("#" + t) == std::string::npos) text += t.find(' ') == std::string::npos ? " #" + t : " #(" + t + ")";
        out += ref(c.id) + ": " + (text.empty() ? c.id : text) + "\n\n";
    }
    std::size_t dropped = 0;
    for (const Claim& c : g.claims()) {
        std::string block;
        for (const Edge& e : g.edges()) {
            if (e.kind == EdgeKind::undercut) {
                const Edge* t = g.find_edge(e.to);
                if (!t || t->from != c.id) continue;
                // Argdown undercuts an argument's inference: only its single outgoing edge.
                std::size_t outgoing = 0;
                for (const Edge& x : g.edges()) outgoing += x.from == c.id && x.kind != EdgeKind::undercut;
                if (outgoing != 1 || g.find_claim(c.id)->kind != ClaimKind::argument) {
                    ++dropped;
                    continue;
                }
                block += "  _ " + ref(e.from) + "\n";
            } else if (e.to == c.id) {
                block += std::string("  ") + (e.kind == EdgeKind::support ? "+ " : "- ") + ref(e.from) + "\n";
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
        if (lossy_ids) warnings->push_back("some claim ids contain [ ] < > or line breaks and will not re-import as the same ids");
    }
    return out;
}

}  // namespace agon::detail
