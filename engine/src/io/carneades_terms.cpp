// Carneades 4 terms: a recursive-descent reader over the tokens of Go's text
// scanner (identifiers, numbers, quoted strings, punctuation), the printer of
// Carneades' term package, matching, substitution and the built-in operators
// of its rule engine.
#include "io/carneades_terms.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace agon::detail::carneades_io {

namespace {

using Kind = Term::Kind;

// Nesting deeper than any real term is not read as one (and cannot exhaust the stack).
struct Nest {
    int& depth;
    explicit Nest(int& d) : depth(++d) {}
    ~Nest() { --depth; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    bool too_deep() const { return depth > max_term_depth; }
};

enum class Tok { eof, ident, integer, real, string, punct, bad };

bool ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }
bool not_sign(std::string_view s, std::size_t i) {  // U+00AC, "¬"
    return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xAC;
}

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) { next(); }

    std::optional<Term> top() {
        auto t = expression();
        if (!t) return std::nullopt;
        if (is(",")) {  // a comma-separated list at the top is read as a list
            Term list;
            list.kind = Kind::list;
            list.args.push_back(std::move(*t));
            while (is(",")) {
                next();
                auto e = expression();
                if (!e) return std::nullopt;
                list.args.push_back(std::move(*e));
            }
            t = std::move(list);
        }
        if (tok_ != Tok::eof) return std::nullopt;
        return t;
    }

private:
    bool is(std::string_view p) const { return tok_ == Tok::punct && text_ == p; }
    bool is_word(std::string_view w) const { return tok_ == Tok::ident && text_ == w; }

    void next() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        if (pos_ >= s_.size()) {
            tok_ = Tok::eof;
            text_.clear();
            return;
        }
        const std::size_t start = pos_;
        const auto c = static_cast<unsigned char>(s_[pos_]);
        if (not_sign(s_, pos_)) {
            pos_ += 2;
            tok_ = Tok::punct;
        } else if (ident_start(c)) {
            while (pos_ < s_.size() && ident_char(static_cast<unsigned char>(s_[pos_])) && !not_sign(s_, pos_)) ++pos_;
            tok_ = Tok::ident;
        } else if (std::isdigit(c)) {
            tok_ = Tok::integer;
            while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
            if (pos_ + 1 < s_.size() && s_[pos_] == '.' && std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) {
                tok_ = Tok::real;
                ++pos_;
                while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
            }
            if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
                std::size_t k = pos_ + 1;
                if (k < s_.size() && (s_[k] == '+' || s_[k] == '-')) ++k;
                if (k < s_.size() && std::isdigit(static_cast<unsigned char>(s_[k]))) {
                    tok_ = Tok::real;
                    pos_ = k;
                    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
                }
            }
        } else if (c == '"' || c == '`') {
            ++pos_;
            while (pos_ < s_.size() && static_cast<unsigned char>(s_[pos_]) != c) pos_ += (s_[pos_] == '\\' && c == '"') ? 2 : 1;
            tok_ = pos_ < s_.size() ? Tok::string : Tok::bad;
            ++pos_;
        } else {
            ++pos_;
            tok_ = Tok::punct;
        }
        text_ = std::string(s_.substr(start, std::min(pos_, s_.size()) - start));
    }

    // The second character of a two-character operator, taken when present.
    bool take(char c) {
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            text_ += c;
            return true;
        }
        return false;
    }

    static Term op(std::string f, int prio, std::vector<Term> args) {
        Term t;
        t.kind = Kind::compound;
        t.name = std::move(f);
        t.prio = prio;
        t.args = std::move(args);
        return t;
    }

    std::optional<Term> expression() {  // ||
        const Nest nest(depth_);
        if (nest.too_deep()) return std::nullopt;
        return doubled('|', 1, &Reader::and_expr);
    }

    std::optional<Term> and_expr() { return doubled('&', 2, &Reader::comparison); }  // &&

    // Left-associative `a cc b cc c` for a doubled character (|| or &&).
    std::optional<Term> doubled(char c, int prio, std::optional<Term> (Reader::*operand)()) {
        auto t = (this->*operand)();
        while (t && tok_ == Tok::punct && text_.size() == 1 && text_[0] == c && take(c)) {
            next();
            auto r = (this->*operand)();
            if (!r) return std::nullopt;
            t = op(std::string(2, c), prio, {std::move(*t), std::move(*r)});
        }
        return t;
    }

    std::optional<Term> comparison() {
        auto t = sum();
        if (!t) return t;
        std::string f;
        if (is_word("in")) f = "in";
        else if (is("=")) f = take('=') ? "==" : take('<') ? "=<" : "=";
        else if (is("<")) f = take('=') ? "<=" : (pos_ < s_.size() && s_[pos_] == '<') ? "" : "<";
        else if (is(">")) f = take('=') ? ">=" : (pos_ < s_.size() && s_[pos_] == '>') ? "" : ">";
        else if (is("!") && take('=')) f = "!=";
        if (f.empty()) return t;
        next();
        auto r = sum();
        if (!r) return std::nullopt;
        return op(f, 3, {std::move(*t), std::move(*r)});
    }

    std::optional<Term> sum() {  // + - ^ or
        auto t = product();
        for (;;) {
            if (!t) return t;
            std::string f;
            if (is("+") || is("-") || is("^")) f = text_;
            else if (is("|") && !(pos_ < s_.size() && s_[pos_] == '|')) return t;  // a list tail
            else if (is_word("or")) f = "or";
            if (f.empty()) return t;
            next();
            auto r = product();
            if (!r) return std::nullopt;
            t = op(f, 4, {std::move(*t), std::move(*r)});
        }
    }

    std::optional<Term> product() {  // * / % div mod & &^ << >>
        auto t = unary();
        for (;;) {
            if (!t) return t;
            std::string f;
            if (is("*") || is("/") || is("%")) f = text_;
            else if (is_word("div") || is_word("mod")) f = text_;
            else if (is("&") && !(pos_ < s_.size() && s_[pos_] == '&')) f = take('^') ? "&^" : "&";
            else if (is("<") && take('<')) f = "<<";
            else if (is(">") && take('>')) f = ">>";
            if (f.empty()) return t;
            next();
            auto r = unary();
            if (!r) return std::nullopt;
            t = op(f, 5, {std::move(*t), std::move(*r)});
        }
    }

    std::optional<Term> unary() {
        const Nest nest(depth_);
        if (nest.too_deep()) return std::nullopt;
        std::string f;
        if (is("+")) {
            next();
            return unary();
        }
        if (is("-") || is("!")) {
            const std::string sign = text_;
            if (take(sign[0])) {  // "--x" and "!!x" cancel out
                next();
                return unary();
            }
            f = sign;
        } else if (is("^") || is("\xC2\xAC")) {
            f = text_;
        }
        if (f.empty()) return factor();
        next();
        auto t = unary();
        if (!t) return std::nullopt;
        return op(f, 6, {std::move(*t)});
    }

    std::optional<Term> arguments(Term t, std::string_view close) {
        next();
        if (is(close)) {
            next();
            return t;
        }
        for (;;) {
            auto a = expression();
            if (!a) return std::nullopt;
            t.args.push_back(std::move(*a));
            if (is(",")) {
                next();
                continue;
            }
            break;
        }
        if (close == "]" && is("|")) {
            next();
            if (tok_ != Tok::ident || !std::isupper(static_cast<unsigned char>(text_[0]))) return std::nullopt;
            Term v;
            v.kind = Kind::variable;
            v.name = text_;
            t.args.push_back(op("|", 6, {std::move(v)}));
            t.args.back().prio = 0;
            next();
        }
        if (!is(close)) return std::nullopt;
        next();
        return t;
    }

    std::optional<Term> factor() {
        Term t;
        switch (tok_) {
            case Tok::ident: {
                t.name = text_;
                next();
                if (is("(")) {
                    t.kind = Kind::compound;
                    return arguments(std::move(t), ")");
                }
                if (t.name == "true" || t.name == "false") {
                    t.kind = Kind::boolean;
                    t.truth = t.name == "true";
                } else if (t.name[0] >= 'A' && t.name[0] <= 'Z') {
                    t.kind = Kind::variable;
                }
                return t;
            }
            case Tok::integer:
                t.kind = Kind::integer;
                try {
                    t.integer = std::stoll(text_);
                } catch (const std::exception&) {
                    return std::nullopt;
                }
                next();
                return t;
            case Tok::real:
                t.kind = Kind::real;
                t.real = std::strtod(text_.c_str(), nullptr);
                next();
                return t;
            case Tok::string:
                t.kind = Kind::string;
                t.name = text_;
                next();
                return t;
            case Tok::punct:
                if (is("[")) {
                    t.kind = Kind::list;
                    return arguments(std::move(t), "]");
                }
                if (is("(")) {
                    next();
                    auto e = expression();
                    if (!e || !is(")")) return std::nullopt;
                    next();
                    return e;
                }
                return std::nullopt;
            default:
                return std::nullopt;
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    Tok tok_ = Tok::eof;
    std::string text_;
};

bool is_tail(const Term& t) { return t.kind == Kind::compound && t.name == "|" && t.prio == 0 && t.args.size() == 1; }

bool equal(const Term& a, const Term& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Kind::integer: return a.integer == b.integer;
        case Kind::real: return a.real == b.real;
        case Kind::boolean: return a.truth == b.truth;
        case Kind::compound:
        case Kind::list:
            if (a.name != b.name || a.args.size() != b.args.size()) return false;
            for (std::size_t i = 0; i < a.args.size(); ++i)
                if (!equal(a.args[i], b.args[i])) return false;
            return true;
        default: return a.name == b.name;
    }
}

std::optional<double> number(const Term& t) {
    if (t.kind == Kind::integer) return static_cast<double>(t.integer);
    if (t.kind == Kind::real) return t.real;
    return std::nullopt;
}

Term boolean(bool v) {
    Term t;
    t.kind = Kind::boolean;
    t.truth = v;
    t.name = v ? "true" : "false";
    return t;
}

// The value of a built-in expression: a number, a boolean, or the term itself
// when its parts are not numbers (a comparison then compares the printed terms).
std::optional<Term> value(const Term& t) {
    if (!is_builtin(t)) return t.kind == Kind::variable ? std::nullopt : std::optional<Term>(t);
    std::vector<Term> a;
    for (const Term& x : t.args) {
        auto v = value(x);
        if (!v) return std::nullopt;
        a.push_back(std::move(*v));
    }
    const std::string& f = t.name;
    if (a.size() == 1) {
        if ((f == "!" || f == "\xC2\xAC") && a[0].kind == Kind::boolean) return boolean(!a[0].truth);
        if (f == "-" && a[0].kind == Kind::integer) {
            Term r = a[0];
            r.integer = -r.integer;
            return r;
        }
        if (f == "-" && a[0].kind == Kind::real) {
            Term r = a[0];
            r.real = -r.real;
            return r;
        }
        return std::nullopt;
    }
    if (a.size() != 2) return std::nullopt;
    if (f == "&&" || f == "||") {
        if (a[0].kind != Kind::boolean || a[1].kind != Kind::boolean) return std::nullopt;
        return boolean(f == "&&" ? a[0].truth && a[1].truth : a[0].truth || a[1].truth);
    }
    const auto x = number(a[0]), y = number(a[1]);
    if (f == "==" || f == "!=") {
        const bool same = x && y ? *x == *y : equal(a[0], a[1]);
        return boolean(f == "==" ? same : !same);
    }
    if (f == "<" || f == "<=" || f == "=<" || f == ">" || f == ">=") {
        int order;
        if (x && y) order = *x < *y ? -1 : *x > *y ? 1 : 0;
        else if (!x && !y && a[0].kind != Kind::compound && a[1].kind != Kind::compound)
            order = print(a[0]).compare(print(a[1]));
        else
            return std::nullopt;
        if (f == "<") return boolean(order < 0);
        if (f == ">") return boolean(order > 0);
        if (f == ">=") return boolean(order >= 0);
        return boolean(order <= 0);
    }
    if (!x || !y) return std::nullopt;
    const bool integers = a[0].kind == Kind::integer && a[1].kind == Kind::integer;
    Term r;
    r.kind = integers ? Kind::integer : Kind::real;
    auto set = [&](double v) {
        if (integers) r.integer = static_cast<long long>(v);
        else r.real = v;
        return r;
    };
    if (f == "+") return set(*x + *y);
    if (f == "-") return set(*x - *y);
    if (f == "*") return set(*x * *y);
    if ((f == "/" || f == "div") && *y != 0) return set(integers ? std::trunc(*x / *y) : *x / *y);
    if ((f == "%" || f == "mod") && integers && a[1].integer != 0) {
        r.integer = a[0].integer % a[1].integer;
        return r;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Term> read_term(std::string_view text) { return Reader(text).top(); }

std::string print(const Term& t) {
    switch (t.kind) {
        case Kind::boolean: return t.truth ? "true" : "false";
        case Kind::integer: return std::to_string(t.integer);
        case Kind::real: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%f", t.real);
            return buf;
        }
        case Kind::list: {
            std::string out = "[", tail;
            bool first = true;
            for (const Term& a : t.args) {
                if (is_tail(a)) {
                    tail = print(a.args[0]);
                    continue;
                }
                if (!first) out += ", ";
                out += print(a);
                first = false;
            }
            return out + (tail.empty() ? "" : " | " + tail) + "]";
        }
        case Kind::compound: break;
        default: return t.name;
    }
    static const std::set<std::string> spaced = {"||", "&&", "in", "or", "div", "mod"};
    auto prio = [](const Term& x) { return x.kind == Kind::compound ? std::optional<int>(x.prio) : std::nullopt; };
    if (t.prio != 0 && (t.args.size() == 1 || t.args.size() == 2)) {
        const std::string f = spaced.count(t.name) ? " " + t.name + " " : t.name;
        const std::string a = print(t.args[0]);
        const auto p0 = prio(t.args[0]);
        if (t.args.size() == 1) return f + (p0 && *p0 != 0 && *p0 < t.prio ? "(" + a + ")" : a);
        const std::string b = print(t.args[1]);
        const auto p1 = prio(t.args[1]);
        const bool low0 = p0 && *p0 < t.prio, low1 = p1 && *p1 < t.prio;
        if (low0 && low1) return "(" + a + ") " + f + " (" + b + ")";
        if (low0) return "(" + a + ") " + f + " " + b;
        if (low1) return a + " " + f + " (" + b + ")";
        return a + f + b;
    }
    std::string out = t.name + "(";
    for (std::size_t i = 0; i < t.args.size(); ++i) out += (i ? "," : "") + print(t.args[i]);
    return out + ")";
}

std::string normalize(const std::string& text) {
    const auto t = read_term(text);
    return t ? print(*t) : text;
}

bool match(const Term& pattern, const Term& t, Bindings& b) {
    if (pattern.kind == Kind::variable) {
        auto it = b.find(pattern.name);
        if (it == b.end()) {
            b.emplace(pattern.name, t);
            return true;
        }
        return equal(it->second, t);
    }
    if (pattern.kind != t.kind) return false;
    if (pattern.kind != Kind::compound && pattern.kind != Kind::list) return equal(pattern, t);
    if (pattern.name != t.name || pattern.args.size() != t.args.size()) return false;
    Bindings trial = b;
    for (std::size_t i = 0; i < pattern.args.size(); ++i)
        if (!match(pattern.args[i], t.args[i], trial)) return false;
    b = std::move(trial);
    return true;
}

Term substitute(const Term& t, const Bindings& b) {
    if (t.kind == Kind::variable) {
        auto it = b.find(t.name);
        // A variable bound to a variable follows the chain (never to itself).
        if (it != b.end() && !(it->second.kind == Kind::variable && it->second.name == t.name)) return substitute(it->second, b);
        return t;
    }
    Term out = t;
    for (Term& a : out.args) a = substitute(a, b);
    return out;
}

std::size_t depth(const Term& t) {
    std::size_t d = 0;
    for (const Term& a : t.args) d = std::max(d, depth(a));
    return d + 1;
}

bool ground(const Term& t) {
    if (t.kind == Kind::variable) return false;
    for (const Term& a : t.args)
        if (!ground(a)) return false;
    return true;
}

std::optional<bool> evaluate(const Term& t) {
    if (t.kind == Kind::boolean) return t.truth;
    if (t.kind != Kind::compound || t.prio == 0) return std::nullopt;
    auto v = value(t);
    if (!v || v->kind != Kind::boolean) return std::nullopt;
    return v->truth;
}

std::string predicate(const Term& t) {
    return t.kind == Kind::compound || t.kind == Kind::atom ? t.name : "";
}

std::optional<std::string> object(const Term& t) {
    if (t.kind != Kind::compound || t.args.size() != 2) return std::nullopt;
    return print(t.args[1]);
}

std::string apply_language(const std::map<std::string, std::string>& language, const Term& t) {
    if (t.kind != Kind::compound && t.kind != Kind::atom) return "";
    auto it = language.find(t.name + "/" + std::to_string(t.args.size()));
    if (it == language.end()) return t.name == "\xC2\xAC" && t.args.size() == 1 ? t.name + print(t.args[0]) : "";
    // Go's Sprintf verbs (%v, %s, %d, ...) take the printed arguments in turn.
    std::string out;
    std::size_t next = 0;
    const std::string& f = it->second;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%' || i + 1 == f.size()) {
            out += f[i];
        } else if (f[i + 1] == '%') {
            out += '%';
            ++i;
        } else {
            if (next < t.args.size()) out += print(t.args[next++]);
            ++i;
        }
    }
    return out;
}

}  // namespace agon::detail::carneades_io
