// Internal: the YAML forms of Carneades 4 weighing functions and scheme
// metadata (compiled only with yaml-cpp, like carneades_yaml.cpp):
//   weight: linked | convergent | cumulative | factorized | NAME of weighing_functions
//   weight: {constant: 0.8}
//   weight: {criteria: {hard: [0], soft: {price: {factor: 2, values: {low: 1.0, high: 0.0}}}}}
//   weight: {preference: [{property: authority, order: [local, state, federal]},
//                         {property: effective_date, order: ascending}]}
#pragma once

#include <map>
#include <string>

#include "io/carneades_weighing.hpp"

namespace YAML {
class Node;
}

namespace agon::detail::carneades_io {

/// The weighing function `w` (absent or null: linked); `named` resolves
/// names. Throws a located invalid_input on anything else.
Weighing read_weighing(const YAML::Node& w, const std::map<std::string, Weighing>& named, const std::string& name);

/// A `meta:` mapping's plain values, typed as Carneades' YAML loader types them.
Metadata read_metadata(const YAML::Node& meta);

}  // namespace agon::detail::carneades_io
