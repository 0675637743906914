// Internal: Carneades 4 weighing functions as the YAML reader hands them to
// the graph. linked, convergent, cumulative, factorized and constant are
// evaluated by the Carneades semantics from the argument's `weighing` attribute
// (a constant weight on the conclusion edge); a preference ranking depends only
// on scheme metadata, so the reader turns it into a `preference` attribute per
// argument; criteria (multi-criteria decision analysis) depend on labels, so the
// reader passes them on as a `criteria` attribute. Attributes, not tags, so that
// the claim's tags are exactly those the format maps (snapshot/evaluation_tags.hpp
// hands them to semantics/carneades.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace agon::detail::carneades_io {

/// A scheme metadata value with the type YAML gives it (dates stay strings).
struct MetaValue {
    enum class Type { string, integer, real, other } type = Type::other;
    std::string text;
    double number = 0;
};
using Metadata = std::map<std::string, MetaValue>;

/// One property of a preference ordering: explicit values (weakest first) or
/// an implicit ascending/descending order of numbers and YYYY-MM-DD dates.
struct PropertyOrder {
    std::string property;
    bool ascending = false;
    std::vector<std::string> values;
};

/// A soft criterion: its factor and the normalised value of each object.
struct SoftCriterion {
    std::string property;
    double factor = 0;
    std::vector<std::pair<std::string, double>> values;
};

struct Weighing {
    std::string kind = "linked";  ///< linked, convergent, cumulative, factorized, constant, preference, criteria
    double constant = 1.0;
    std::vector<PropertyOrder> preference;
    std::vector<long long> hard;  ///< premise indices that must not be out
    std::vector<SoftCriterion> soft;
};

std::string lower(std::string s);
/// The shortest text that reads back as `v` exactly.
std::string number_text(double v);
/// The four weighing functions every file may name.
std::map<std::string, Weighing> basic_weighings();

/// The weight of each argument with a preference weighing whose conclusion is
/// at issue (issue_of(i) != ""): the arguments of all positions of the issue,
/// ordered by the properties of their schemes' metadata (Carneades' ByProperties),
/// fall into groups of equals; group k of n (weakest first) weighs (k+1)/n.
/// Other arguments get 1.
std::vector<double> preference_weights(std::size_t count, const std::vector<const Weighing*>& weighings,
                                       const std::vector<const Metadata*>& metas,
                                       const std::function<std::string(std::size_t)>& issue_of);

/// The `criteria` attribute carrying a criteria weighing to the semantics, one
/// line each: `hard:PREMISE`, `soft:PROPERTY:FACTOR`, `value:PROPERTY:OBJECT=VALUE`.
std::string criteria_attribute(const Weighing& w, const std::vector<std::string>& premises);

}  // namespace agon::detail::carneades_io
