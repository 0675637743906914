// Internal: one reader/writer pair per format, dispatched by io/dispatch.cpp.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "agon/error.hpp"
#include "agon/io.hpp"

namespace agon::detail {

/// `text` without a leading UTF-8 byte-order mark (editors on Windows and
/// spreadsheet exports write one; it is not part of the content).
std::string_view without_bom(std::string_view text);

/// Line and column (1-based) of byte `offset` in `text`.
Location locate(std::string_view text, std::size_t offset, const std::string& name);

/// locate() for many offsets of one text, in any order: the line starts are
/// found once (O(size)), then each offset costs O(log lines + its column),
/// where locate() rescans from the start.
class LineIndex {
public:
    LineIndex(std::string_view text, std::string name);
    Location at(std::size_t offset) const;

private:
    std::string_view text_;
    std::string name_;
    std::vector<std::size_t> starts_;  // byte offset of each line's first byte
};

/// Throw invalid_input at byte `offset` of `text`.
[[noreturn]] void fail_at(std::string_view text, std::size_t offset, const std::string& name,
                          const std::string& message);

/// Throw limit when a parsed graph has more claims or edges, or a longer id
/// or text, than `limits` allow. Run by parse_graph after every reader that
/// does not check as it reads.
void check_graph_limits(const Graph& g, const ReadLimits& limits, const std::string& name);

/// The member names of the top-level object of JSON text `t`, in file order,
/// without parsing the values (escapes inside names are kept as written);
/// empty when `t` is not an object. O(size of t), no allocation per value.
std::vector<std::string> top_level_keys(std::string_view t);

/// Byte offsets of the items of the top-level member `key` of JSON text `t`
/// when it is an array (where each item starts, for error locations); empty
/// otherwise. O(size of t), without parsing the values.
std::vector<std::size_t> top_level_array_items(std::string_view t, std::string_view key);
/// The same for the array reached through nested object members, e.g.
/// {"AIF", "nodes"} for xAIF's node list. O(size of t).
std::vector<std::size_t> array_items_at(std::string_view t, std::initializer_list<std::string_view> path);
/// Just past the closing quote of the JSON string whose opening quote is at
/// `at` (the end of `t` when it is not closed). O(length).
std::size_t json_string_end(std::string_view t, std::size_t at);

Graph parse_json(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits);
std::string write_json(const Graph& graph);

Graph parse_kialo(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits);
Graph parse_aif(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits);
/// AIF as a bare nodeset, or with `xaif` wrapped as OVA3 exports it
/// ({"AIF": ..., "OVA": ..., "text": ...}) with OVA positions from x/y attributes.
std::string write_aif(const Graph& graph, Warnings* warnings, bool xaif = false);
Graph parse_argdown(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits);
std::string write_argdown(const Graph& graph, Warnings* warnings);
/// Carneades YAML; throws unsupported when agon was built without yaml-cpp.
Graph parse_carneades(std::string_view text, const std::string& name, Warnings* warnings, const ReadLimits& limits);

Framework parse_i23(std::string_view text, const std::string& name, const ReadLimits& limits);
Framework parse_apx(std::string_view text, const std::string& name, const ReadLimits& limits);
/// tgf; with `labels`, also each node's label (the rest of its line, blanks
/// trimmed; empty when it has none), one per argument.
Framework parse_tgf(std::string_view text, const std::string& name, const ReadLimits& limits,
                    std::vector<std::string>* labels = nullptr);
std::string write_i23(const Framework& af);
std::string write_apx(const Framework& af);
/// tgf; a non-empty `labels[i]` other than the name follows argument i's
/// name on its node line (line breaks in it written as spaces).
std::string write_tgf(const Framework& af, const std::vector<std::string>& labels = {});

}  // namespace agon::detail
