// Internal: the strings a snapshot keeps per claim for the semantics to read.
// A claim's tags, then its attributes `format`, `weighing`, `preference` and
// `criteria` (the Carneades reader's, docs/formats.md §1) as `key:value` tags,
// one per line of the value. Those keep the imported graph's tags exactly as
// the format maps them while the Carneades evaluation still sees its weighing.
// Every path from a Claim to what an evaluation reads goes through here:
// Snapshot::of, scenario snapshots and the incremental LiveGraph.
#pragma once

#include <string>
#include <vector>

#include "agon/graph.hpp"

namespace agon::detail {

/// The tags of `c` followed by its evaluation attributes as `key:line` tags.
std::vector<std::string> evaluation_tags(const Claim& c);

/// True when evaluation_tags(c) differs from c.tags (c has an evaluation
/// attribute). O(attributes), no allocation.
bool has_evaluation_attributes(const Claim& c);

}  // namespace agon::detail
