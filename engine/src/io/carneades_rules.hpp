// Internal: Carneades 4's argument construction from argument schemes with
// variables (its `Infer`): every scheme is a propagation rule - premises kept,
// guards checked, conclusions, scheme assumptions and the term
// argument(scheme, [values]) added - run to a fixpoint from the file's
// assumptions; each new argument term is an instantiation of its scheme.
// And its issue schemes, which make issues of the statements matching them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "io/carneades_terms.hpp"

namespace agon::detail::carneades_io {

struct Scheme {
    std::string id;
    std::vector<std::string> variables;
    std::vector<Term> premises, assumptions, exceptions, guards, deletions, conclusions;
};

/// One argument term the rules derived: scheme index and variable values.
struct Instance {
    std::size_t scheme = 0;
    std::vector<Term> values;
};

struct Derivation {
    std::vector<Instance> instances;  ///< new argument terms, in the order derived
    std::string stopped;              ///< why derivation stopped early ("" when it reached a fixpoint)
    std::vector<std::size_t> unevaluated_guards;  ///< schemes with a guard that is no built-in
};

/// Run the schemes that have conclusions and no deletions (CHR propagation
/// rules; schemes with deletions are the caller's to report) over `facts`,
/// Carneades' goals: `go`, the assumptions and the argument terms of the
/// file's arguments. The store is a set, so cyclic rules terminate; a rule
/// that builds ever deeper terms stops at max_term_depth.
Derivation derive(const std::vector<Scheme>& schemes, std::vector<Term> facts, std::size_t max_applications);

/// The argument term argument(scheme, [values]) (Carneades' spelling).
Term argument_term(const std::string& scheme, const std::vector<Term>& values);

/// Apply one issue scheme (its patterns: `[p1, p2, ...]`, or `[p, "...", p]`
/// for any number of positions) to `statements` (ids, in order), as
/// Carneades' makeIssue does: statements matching the first pattern, with
/// those matching the others under the same bindings (for an enumeration:
/// the first pattern with variables ending in a digit left free), become
/// positions of one issue when there are at least two. `issue_of[i]` is the
/// issue of statement i ("" for none); a statement is a position of one issue
/// at most; `new_issue` names a new issue. Returns false when a pattern is no term.
bool apply_issue_scheme(const std::vector<std::string>& patterns, const std::vector<std::string>& statements,
                        std::vector<std::string>& issue_of, const std::function<std::string()>& new_issue);

}  // namespace agon::detail::carneades_io
