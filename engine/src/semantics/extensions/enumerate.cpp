// Enumeration for every extension semantics: of whole extensions, or of
// their projections onto the first arguments (a flattened claim graph's
// claims, whose auxiliary arguments are never shown), each projection once.
#include <vector>

#include "cegar.hpp"
#include "problem.hpp"
#include "projections.hpp"

namespace agon {

namespace detail {

using namespace ext;

namespace {

using Sem = ExtensionSemantics;

// The projections seen so far, blocked in the solver while guard() is
// assumed. Only the candidate searches assume it: the maximality steps
// (growing an in-set or a range) still compare against every candidate,
// including those whose projection was already reported.
class Projections {
public:
    Projections(Problem& p, std::uint32_t shown) : p_(p), guard_(p.fresh()) {
        for (std::uint32_t a = 0; a < p.n(); ++a)
            if (p.core.global[a] < shown) shown_.push_back(a);
    }
    int guard() const { return guard_; }
    /// Block the last model's projection (no shown argument differs).
    void block() {
        std::vector<int> differ{-guard_};
        for (std::uint32_t a : shown_) differ.push_back(p_.value(p_.x(a)) ? -p_.x(a) : p_.x(a));
        p_.clause(differ);
    }

private:
    Problem& p_;
    int guard_;
    std::vector<std::uint32_t> shown_;  // local arguments
};

}  // namespace

std::uint64_t enumerate_projections(const Snapshot& s, ExtensionSemantics sem, std::uint32_t shown,
                                    std::uint64_t limit, const std::function<void(const Extension&)>& found,
                                    const Control& control) {
    std::uint64_t count = 0;
    auto report = [&](Extension e) {
        std::erase_if(e, [&](std::uint32_t v) { return v >= shown; });
        ++count;
        if (found) found(e);
        return limit == 0 || count < limit;
    };
    if (sem == Sem::grounded || sem == Sem::ideal) {
        report(*some_extension(s, sem, control));
        return count;
    }
    if ((sem == Sem::semi_stable || sem == Sem::stage) && some_extension(s, Sem::stable, control))
        return enumerate_projections(s, Sem::stable, shown, limit, found, control);
    Problem p(s, sem, control);
    Projections seen(p, shown);
    const int fresh = seen.guard();  // assumed: a candidate with a new projection
    if (sem == Sem::complete || sem == Sem::stable) {
        while (p.solve({fresh})) {
            if (!report(p.enc.extension())) break;
            seen.block();
        }
        return count;
    }
    if (sem == Sem::preferred) {
        // An admissible set with a new projection, grown to a preferred
        // extension, whose projection may be an old one.
        while (p.solve({fresh})) {
            grow_in(p, {});
            const std::vector<char> in = in_set(p);
            if (p.solve(exactly(p, {fresh}, in))) {
                if (!report(p.enc.extension())) break;
                seen.block();
            }
            std::vector<int> outside;  // every other preferred extension has one
            for (std::uint32_t a = 0; a < p.n(); ++a)
                if (!in[a]) outside.push_back(p.x(a));
            if (outside.empty()) break;  // everything in: the only preferred extension
            p.clause(outside);
        }
        return count;
    }
    // Semi-stable and stage without a stable extension: a candidate with a
    // new projection, its range grown to a maximal one R, then every new
    // projection with range R. No candidate whose range lies inside R is an
    // answer after that, for good: a range grown from outside them never
    // enters them. The 300-argument map of tests/unit/data/stage_deductive.json
    // (over 3,000 stage extensions, two projections) takes two rounds.
    while (p.solve({fresh})) {
        const std::vector<char> range = grow_range(p);
        std::vector<int> at = range_at_least(p, range);
        at.push_back(fresh);
        while (p.solve(at)) {
            if (!report(p.enc.extension())) return count;
            seen.block();
        }
        exclude_range(p, range);
    }
    return count;
}

}  // namespace detail

std::uint64_t enumerate(const Snapshot& s, ExtensionSemantics sem, std::uint64_t limit,
                        const std::function<void(const Extension&)>& found, const Control& control) {
    return detail::enumerate_projections(s, sem, s.size(), limit, found, control);
}

}  // namespace agon
