// Internal: the logical terms of Carneades 4 (statement ids, scheme premises,
// guards), read and printed as Carneades' own term package does, so that ids
// agon builds are the ids Carneades shows: `happens(wfh_order, 1)` in a file
// is the statement `happens(wfh_order,1)`; lists print as `[a, b]`; reals as
// `0.500000`. Variables start with A-Z; `true`/`false` are booleans.
// Operators and their priorities (1 loosest): || (1), && (2), == != < <= > >= =< = in (3),
// + - ^ or (4), * / % div mod & &^ << >> (5), unary + - ! ^ ¬ (6).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agon::detail::carneades_io {

/// Terms nest at most this deep (deeper text is not read as a term).
constexpr int max_term_depth = 200;

struct Term {
    enum class Kind { atom, boolean, integer, real, string, variable, compound, list };
    Kind kind = Kind::atom;
    /// Atom, variable or functor name; a string with its quotes as written.
    std::string name;
    long long integer = 0;
    double real = 0;
    bool truth = false;
    /// Operator priority of a compound written with an operator; 0 otherwise.
    int prio = 0;
    /// Compound arguments or list elements (a list's tail is a trailing `|` compound).
    std::vector<Term> args;
};

using Bindings = std::map<std::string, Term>;

/// The term written in `text`, or nullopt when it is not one (the id is then
/// kept as written, as Carneades does).
std::optional<Term> read_term(std::string_view text);
/// Carneades' printing of a term.
std::string print(const Term& t);
/// `text` read and printed back, or `text` itself when it is not a term.
std::string normalize(const std::string& text);

/// One-way matching: variables of `pattern` bind to parts of `t`; a variable
/// already bound must meet an equal part. `b` is extended only on success.
bool match(const Term& pattern, const Term& t, Bindings& b);
/// `t` with its bound variables replaced.
Term substitute(const Term& t, const Bindings& b);
/// Nesting depth of `t` (1 for an atom).
std::size_t depth(const Term& t);
/// True when `t` has no variables.
bool ground(const Term& t);

/// The built-in operators (comparisons, arithmetic, && || ! ¬) evaluated on a
/// ground term; nullopt when `t` is not built from them or cannot be computed.
std::optional<bool> evaluate(const Term& t);
/// True when `t` is written with an operator (a built-in, never a statement);
/// a negation `¬p` is a statement, as in Carneades.
inline bool is_builtin(const Term& t) { return t.kind == Term::Kind::compound && t.prio != 0 && t.name != "\xC2\xAC"; }

/// Functor of a compound or name of an atom ("" otherwise).
std::string predicate(const Term& t);
/// Second argument of a two-argument compound, printed; nullopt otherwise.
std::optional<std::string> object(const Term& t);

/// Natural-language text of `t` from a `language` entry ("price/2": "The price of %v is %v."),
/// or "" when the language has no entry for it.
std::string apply_language(const std::map<std::string, std::string>& language, const Term& t);

}  // namespace agon::detail::carneades_io
