// agon/io.hpp - reading and writing graphs in every supported format.
//
// Readers throw Error(ErrorKind::invalid_input) with file, line and column on
// malformed input (invalid UTF-8 included), and never return a partial graph. Writers produce
// deterministic text (same graph, same bytes). Saving goes through a temporary
// file in the target directory that is flushed and renamed into place, so a
// failed write never damages an existing file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agon/file.hpp"
#include "agon/framework.hpp"
#include "agon/graph.hpp"

namespace agon {

/// File formats. `json` is agon's native format.
/// `xaif` is AIF wrapped as OVA3 and current AIFdb tools export it
/// (`{"AIF": {...}, "OVA": {...}, "text": ...}`); both AIF names read both shapes.
enum class Format { json, i23, apx, tgf, argdown, aif, kialo, carneades, dot, xaif };

/// Format names as used by `--from`/`--to` ("json", "i23", "apx", ...).
/// Accepts the aliases "af" (i23), "ad" (argdown), "yaml"/"yml" (carneades).
std::optional<Format> format_from_name(std::string_view name);
std::string_view to_string(Format format);

/// True for the ICCMA abstract-framework formats (i23, apx, tgf): attacks
/// only, read by the fast framework readers below.
bool is_framework_format(Format format) noexcept;

/// Guess the format of `path` from its extension and, for `.json`, from the
/// top-level keys of the content in any order: "nodes" or "AIF" without
/// "format" is AIF, anything else native JSON. O(size of content).
/// Throws usage when it cannot tell.
Format detect_format(const std::string& path, std::string_view content);

/// Limits applied by readers; exceeding one is an Error(ErrorKind::limit).
struct ReadLimits {
    std::size_t max_bytes = std::size_t(4) << 30;     ///< file size
    std::size_t max_claims = 50'000'000;              ///< claims / arguments
    std::size_t max_edges = 500'000'000;              ///< edges / attacks
    std::size_t max_text = 1 << 20;                   ///< bytes in one claim text or id
    std::size_t max_depth = 256;                      ///< nesting depth (JSON, indentation)
};

/// Warnings a reader or writer reports (lossy conversion, skipped nodes).
using Warnings = std::vector<std::string>;

/// Parse `text` in `format`; `name` is used in error locations.
Graph parse_graph(std::string_view text, Format format, const std::string& name, Warnings* warnings = nullptr,
                  const ReadLimits& limits = {});
/// Read a graph from a file; the format is detected when not given.
Graph load_graph(const std::string& path, std::optional<Format> format = std::nullopt, Warnings* warnings = nullptr,
                 const ReadLimits& limits = {});

/// Serialise a graph. Formats that cannot hold everything (i23, apx, tgf drop
/// supports, texts and undercuts) add a warning naming what was lost. Throws
/// unsupported for formats without a writer.
std::string format_graph(const Graph& graph, Format format, Warnings* warnings = nullptr);
/// format_graph + write_file_atomic.
void save_graph(const Graph& graph, const std::string& path, std::optional<Format> format = std::nullopt,
                Warnings* warnings = nullptr);

/// Fast readers for abstract frameworks (i23, apx, tgf): no per-argument
/// strings for i23. Other formats are read as graphs and flattened with
/// to_framework. An attack listed twice stays twice here; Snapshot::of and
/// to_graph read it once. A 1M-argument, 5M-attack i23 file parses in well under a second.
Framework parse_framework(std::string_view text, Format format, const std::string& name,
                          const ReadLimits& limits = {});
Framework load_framework(const std::string& path, std::optional<Format> format = std::nullopt,
                         const ReadLimits& limits = {});
/// Serialise a framework as i23, apx or tgf. Throws usage for other formats.
std::string format_framework(const Framework& af, Format format);

}  // namespace agon
