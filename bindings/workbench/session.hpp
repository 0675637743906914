// session.hpp - the map a workbench serves: the graph, its version number,
// undo and redo, the file it came from, and the layout cache that keeps
// unchanged claims where they were. Thread-safe: every method locks.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "agon/graph.hpp"
#include "agon/io.hpp"
#include "engine_calls.hpp"
#include "live_answers.hpp"

namespace agon::workbench {

/// The state a request works on, copied out under the lock (graphs are shared, immutable).
struct MapView {
    std::shared_ptr<const Graph> graph;
    std::uint64_t version = 0;
    std::string path;         ///< the file the map was read from; empty for a new map
    std::string watch_error;  ///< why the last reload of the file failed, if it did
    Positions positions;      ///< layout cache
    bool can_undo = false, can_redo = false;
};

class Session {
public:
    /// Files are saved in `dir` (the directory of the served file, or the
    /// working directory); `read_only` refuses every change.
    Session(std::string dir, bool read_only);

    /// Load `path` (any format agon reads). Throws like load_graph.
    void open_file(const std::string& path);
    /// Replace the map by `text` in the format of `name` (an upload from the
    /// page; `name` is never opened). Throws like parse_graph.
    std::uint64_t open_text(const std::string& name, const std::string& text);

    MapView view() const;
    bool read_only() const noexcept { return read_only_; }

    /// Apply edits ({"op": "add_claim" | "update_claim" | "delete_claim" |
    /// "add_edge" | "update_edge" | "delete_edge" | "set_title", ...}) all or
    /// nothing, when `version` is current. Returns the new version. Throws
    /// ApiError 409 on a stale version, 403 when read-only, and the engine's
    /// errors (nothing changed) on a bad edit.
    std::uint64_t edit(std::uint64_t version, const Json& ops);
    std::uint64_t undo(std::uint64_t version);
    std::uint64_t redo(std::uint64_t version);

    /// Save atomically to `name` in the session's directory (a plain file name,
    /// format from its extension) or, when empty, back to the file the map came
    /// from in its own format (a Kialo or Carneades file: to a .json beside
    /// it). Without `overwrite`, a file changed on disk since it was read or
    /// saved, or another file that exists, is left alone (ApiError 409, where
    /// "overwrite"). The map then belongs to the file written, whose path is
    /// returned. The file is written without blocking other requests (edits
    /// may follow meanwhile and stay unsaved); saves run one at a time, in order.
    std::string save(std::uint64_t version, const std::string& name, bool overwrite = false);

    /// Remember where the nodes of map `version` were drawn (positions already
    /// cached win, so unchanged claims never move).
    void remember_layout(std::uint64_t version, const Positions& drawn);

    /// The drawing of map `version` without a what-if, or "" (the page
    /// recolours a drawing for any semantics, so one serves them all). Kept
    /// for the last two maps drawn or shown, by map rather than version: an undo or a
    /// redo brings back a map that is drawn already (claims never move, so
    /// its drawing is the same).
    std::string drawing(std::uint64_t version) const;
    void keep_drawing(std::uint64_t version, std::string svg);

    /// Held while a map without cached positions is laid out, so that two
    /// requests (the start-up drawing and the page's) do not both lay it out:
    /// the second finds the positions the first remembered.
    std::unique_lock<std::mutex> laying_out() const { return std::unique_lock(layout_mutex_); }

    /// The answers of the map's versions, kept between clicks (live_answers.hpp).
    LiveAnswers& answers() const { return answers_; }

    /// Reload the file when it changed on disk since it was read or saved
    /// (for --watch). True when the map changed; a file that does not parse
    /// leaves the map as it was and sets watch_error.
    bool reload_if_changed();

private:
    using History = std::vector<std::shared_ptr<const Graph>>;
    /// Move the map from the top of `from` (undo or redo) and the current one onto `to`.
    std::uint64_t step(std::uint64_t version, History& from, History& to, const char* what);
    void check_version(std::uint64_t version) const;
    void replace(Graph g);  // new state, undo history kept
    std::optional<std::string> stamp_of(const std::string& path) const;

    mutable std::mutex mutex_;
    mutable std::mutex layout_mutex_;
    std::mutex file_mutex_;  // held by a save from its checks to its end, without mutex_ while it writes
    std::string dir_;
    bool read_only_;
    std::shared_ptr<const Graph> graph_;
    std::uint64_t version_ = 1;
    std::string path_;
    Format format_ = Format::json;
    std::string stamp_;  // size and mtime of the file as the map last reflected it (read or saved)
    std::string seen_;   // ... as --watch last looked at it (a file that does not read is seen, not reflected)
    std::string watch_error_;
    Positions positions_;
    struct Drawing {
        std::shared_ptr<const Graph> graph;  // held, so that its address names no other map
        std::string svg;
    };
    mutable std::vector<Drawing> drawings_;  // the latest used last
    History undo_, redo_;
    mutable LiveAnswers answers_;
};

/// A file name the page may name: plain (no directory part, no leading dot,
/// only letters, digits, '-', '_', '.', ' '), at most 200 bytes. Throws
/// ApiError 400 otherwise.
void check_file_name(const std::string& name);

}  // namespace agon::workbench
