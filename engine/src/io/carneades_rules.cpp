// Carneades 4 rule instantiation and issue schemes (see carneades_rules.hpp).
// Semi-naive forward chaining: each round only tries matches that use at
// least one fact added in the round before, so a fixpoint costs each match once.
#include "io/carneades_rules.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace agon::detail::carneades_io {

namespace {

Term atom(const std::string& name) {
    Term t;
    t.name = name;
    return t;
}

std::string index_key(const Term& t) { return predicate(t) + "/" + std::to_string(t.args.size()); }

class Store {
public:
    bool add(Term t) {
        if (!seen_.insert(print(t)).second) return false;
        by_key_[index_key(t)].push_back(facts_.size());
        facts_.push_back(std::move(t));
        return true;
    }
    std::size_t size() const { return facts_.size(); }
    const Term& at(std::size_t i) const { return facts_[i]; }
    // Indices of the facts with the head's predicate and arity, in the order
    // added (nullptr: none). The vector grows while rules fire: index it, never iterate.
    const std::vector<std::size_t>* candidates(const Term& head) const {
        auto it = by_key_.find(index_key(head));
        return it == by_key_.end() ? nullptr : &it->second;
    }

private:
    std::vector<Term> facts_;
    std::unordered_set<std::string> seen_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
};

struct Rule {
    std::size_t scheme;
    std::vector<Term> heads;
};

}  // namespace

Term argument_term(const std::string& scheme, const std::vector<Term>& values) {
    Term list;
    list.kind = Term::Kind::list;
    list.args = values;
    Term t = atom("argument");
    t.kind = Term::Kind::compound;
    t.args = {atom(scheme), std::move(list)};
    return t;
}

Derivation derive(const std::vector<Scheme>& schemes, std::vector<Term> facts, std::size_t max_applications) {
    Derivation out;
    std::vector<Rule> rules;
    for (std::size_t k = 0; k < schemes.size(); ++k) {
        const Scheme& s = schemes[k];
        if (s.conclusions.empty() || !s.deletions.empty()) continue;
        rules.push_back({k, s.premises.empty() ? std::vector<Term>{atom("go")} : s.premises});
    }
    Store store;
    store.add(atom("go"));
    for (Term& f : facts) store.add(std::move(f));
    std::set<std::size_t> bad_guard;
    std::size_t applications = 0, attempts = 0;
    // Rules with many premises over many facts could try matches without end.
    const std::size_t max_attempts = 10 * max_applications;
    std::size_t from = 0;
    while (from < store.size() && out.stopped.empty()) {
        const std::size_t to = store.size();
        for (const Rule& rule : rules) {
            const Scheme& s = schemes[rule.scheme];
            // Match heads in order; the last head takes only new facts when none was new yet.
            std::function<void(std::size_t, Bindings&, bool)> step = [&](std::size_t i, Bindings& b, bool fresh) {
                if (!out.stopped.empty()) return;
                if (i == rule.heads.size()) {
                    if (!fresh) return;
                    for (const Term& g : s.guards) {
                        const auto ok = evaluate(substitute(g, b));
                        if (!ok) bad_guard.insert(rule.scheme);
                        if (!ok || !*ok) return;
                    }
                    if (++applications > max_applications) {
                        out.stopped = "after " + std::to_string(max_applications) + " rule applications, as Carneades does";
                        return;
                    }
                    std::vector<Term> added;
                    for (const Term& c : s.conclusions)
                        if (c.kind != Term::Kind::boolean) added.push_back(substitute(c, b));
                    for (const Term& a : s.assumptions) added.push_back(substitute(a, b));
                    for (Term& t : added) {
                        if (depth(t) > static_cast<std::size_t>(max_term_depth)) {
                            out.stopped = "because scheme '" + s.id + "' builds ever deeper terms";
                            return;
                        }
                        store.add(std::move(t));
                    }
                    std::vector<Term> values;
                    for (const std::string& v : s.variables) {
                        Term var;
                        var.kind = Term::Kind::variable;
                        var.name = v;
                        values.push_back(substitute(var, b));
                    }
                    if (store.add(argument_term(s.id, values))) out.instances.push_back({rule.scheme, std::move(values)});
                    return;
                }
                // A variable head (a premise such as `A`) matches every fact.
                const bool any = rule.heads[i].kind == Term::Kind::variable;
                const auto* cands = any ? nullptr : store.candidates(rule.heads[i]);
                if (!any && !cands) return;
                const std::size_t count = any ? to : cands->size();
                const bool last = i + 1 == rule.heads.size();
                std::size_t k = 0;
                if (last && !fresh) k = any ? from : std::lower_bound(cands->begin(), cands->end(), from) - cands->begin();
                for (; k < count; ++k) {
                    const std::size_t f = any ? k : (*cands)[k];
                    if (f >= to) break;
                    if (++attempts > max_attempts) {
                        out.stopped = "after " + std::to_string(max_attempts) + " premise matches";
                        return;
                    }
                    Bindings trial = b;
                    if (!match(rule.heads[i], store.at(f), trial)) continue;
                    step(i + 1, trial, fresh || f >= from);
                }
            };
            Bindings b;
            step(0, b, false);
        }
        from = to;
    }
    out.unevaluated_guards.assign(bad_guard.begin(), bad_guard.end());
    return out;
}

bool apply_issue_scheme(const std::vector<std::string>& patterns, const std::vector<std::string>& statements,
                        std::vector<std::string>& issue_of, const std::function<std::string()>& new_issue) {
    std::vector<Term> pats;
    const bool enumeration = patterns.size() == 3 && patterns[1] == "...";
    for (const auto& p : patterns) {
        if (enumeration && &p == &patterns[1]) continue;
        auto t = read_term(p);
        if (!t) return false;
        pats.push_back(std::move(*t));
    }
    std::vector<std::optional<Term>> terms;
    for (const auto& s : statements) terms.push_back(read_term(s));
    for (std::size_t i = 0; i < statements.size(); ++i) {
        Bindings b;
        if (!terms[i] || !match(pats[0], *terms[i], b)) continue;
        // An enumeration frees the variables whose names end in a digit (O1 ... On).
        Bindings shared;
        for (const auto& [name, value] : b)
            if (!std::isdigit(static_cast<unsigned char>(name.back()))) shared.emplace(name, value);
        std::vector<std::size_t> candidates = {i};
        for (std::size_t j = 0; j < statements.size(); ++j) {
            if (j == i || !terms[j]) continue;
            bool found = false;
            if (enumeration) {
                Bindings copy = shared;
                found = match(pats[0], *terms[j], copy);
            } else {
                for (std::size_t k = 1; k < pats.size() && !found; ++k) found = match(pats[k], *terms[j], b);
            }
            if (found) candidates.push_back(j);
        }
        std::string issue;
        std::vector<std::size_t> positions;
        for (std::size_t c : candidates) {
            if (!issue_of[c].empty()) {
                if (issue.empty()) issue = issue_of[c];
                else if (issue_of[c] != issue) continue;  // already a position of another issue
            }
            positions.push_back(c);
        }
        if (positions.size() < 2) continue;
        if (issue.empty()) issue = new_issue();
        for (std::size_t p : positions)
            if (issue_of[p].empty()) issue_of[p] = issue;
    }
    return true;
}

}  // namespace agon::detail::carneades_io
