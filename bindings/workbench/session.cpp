#include "session.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "json_fields.hpp"
#include "stop_signals.hpp"

namespace agon::workbench {

namespace {

// Undo keeps whole maps: up to 200 of them, fewer for large maps, so that
// the history holds about 256 MB at most (a 30,000-claim map kept 200 copies,
// 3 GB) but never fewer than 10 steps.
constexpr std::size_t kUndoDepth = 200, kUndoMinDepth = 10, kUndoBytes = std::size_t(256) << 20;

// Drawings kept (a 600-claim map's takes about 1 MB).
constexpr std::size_t kDrawings = 2;

// About what a copy of `g` holds in memory: each claim and edge, its strings
// and its place in the id indexes, twice over for the allocator's headers and
// rounding (measured: a 30,000-claim map's copy took about 14 MB).
std::size_t approx_bytes(const Graph& g) {
    std::size_t bytes = sizeof(Graph);
    for (const Claim& c : g.claims()) {
        bytes += sizeof(Claim) + 2 * c.id.size() + c.text.size() + 64;
        for (const auto& t : c.tags) bytes += sizeof(t) + t.size();
        for (const auto& [k, v] : c.attributes) bytes += sizeof(k) + sizeof(v) + k.size() + v.size();
    }
    for (const Edge& e : g.edges()) bytes += sizeof(Edge) + 2 * e.id.size() + e.from.size() + e.to.size() + 64;
    return 2 * bytes;
}

// One edit applied to `g`; throws the engine's error (g may be half-edited:
// the caller works on a copy).
void apply_op(Graph& g, const Json& op) {
    const std::string kind = field_string(op, "op", "");
    if (kind == "add_claim") {
        if (!op.contains("claim")) throw ApiError(400, "add_claim needs \"claim\"", "claim");
        Claim c = claim_from_json(field_object(op, "claim"));
        if (c.id.empty()) {  // a fresh id: c1, c2, ...
            std::size_t n = g.claims().size() + 1;
            while (g.find_claim("c" + std::to_string(n))) ++n;
            c.id = "c" + std::to_string(n);
        }
        g.add_claim(std::move(c));
    } else if (kind == "update_claim") {
        const Json& j = field_object(op, "claim");
        const Claim* old = g.find_claim(field_string(j, "id", ""));
        if (!old) throw Error(ErrorKind::not_found, "no claim '" + field_string(j, "id", "") + "'");
        Claim c = *old;
        Claim given = claim_from_json(j);
        if (j.contains("text")) c.text = given.text;
        if (j.contains("base")) c.base = given.base;
        if (j.contains("kind")) c.kind = given.kind;
        if (j.contains("tags")) c.tags = given.tags;
        if (j.contains("attributes")) c.attributes = given.attributes;
        g.update_claim(c);
    } else if (kind == "delete_claim") {
        g.remove_claim(field_string(op, "id", ""));
    } else if (kind == "add_edge") {
        if (!op.contains("edge")) throw ApiError(400, "add_edge needs \"edge\"", "edge");
        g.add_edge(edge_from_json(field_object(op, "edge")));
    } else if (kind == "update_edge") {
        if (!op.contains("weight")) throw ApiError(400, "update_edge needs \"weight\"", "weight");
        g.set_weight(field_string(op, "id", ""), field_number(op, "weight", 1.0));
    } else if (kind == "delete_edge") {
        g.remove_edge(field_string(op, "id", ""));
    } else if (kind == "set_title") {
        g.set_title(field_string(op, "title", ""));
    } else {
        throw ApiError(400, "unknown edit '" + kind + "'", "op");
    }
}

// Formats a save writes back without losing part of the map.
bool savable(Format f) {
    return f == Format::json || f == Format::argdown || f == Format::i23 || f == Format::apx || f == Format::tgf;
}

// A save-as name must stay in the map's folder: a symbolic link there (even
// one to a file not made yet) would send the write elsewhere.
void check_plain_target(const std::string& path, const std::string& file) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
        throw ApiError(400, file + " is a link to another place; save under another name", "name");
}

}  // namespace

void check_file_name(const std::string& name) {
    bool ok = !name.empty() && name.size() <= 200 && name[0] != '.';
    for (char c : name) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ' ');
    if (!ok || name.find("..") != std::string::npos)
        throw ApiError(400, "a file name must be a plain name such as debate.json (no folders, no leading dot)", "name");
}

Session::Session(std::string dir, bool read_only)
    : dir_(std::move(dir)), read_only_(read_only), graph_(std::make_shared<const Graph>()) {}

void Session::open_file(const std::string& path) {
    const std::string text = read_file(path);
    const Format f = detect_format(path, text);
    Graph g = parse_graph(text, f, path);
    std::lock_guard hold(mutex_);
    // Absolute, so that a save under the same name is known as the same file.
    path_ = std::filesystem::absolute(path).lexically_normal().string();
    format_ = f;
    stamp_ = seen_ = stamp_of(path).value_or("");
    graph_ = std::make_shared<const Graph>(std::move(g));
    ++version_;
}

std::uint64_t Session::open_text(const std::string& name, const std::string& text) {
    if (read_only_) throw ApiError(403, "the workbench was started with --read-only", "open");
    check_file_name(name);
    Graph g = parse_graph(text, detect_format(name, text), name);
    std::lock_guard after_saves(file_mutex_);  // a save in progress must not adopt the upload as its file's map
    std::lock_guard hold(mutex_);
    // A new map, not an edit: undo cannot bring back the file the map came
    // from, so the history starts again.
    undo_.clear();
    redo_.clear();
    graph_ = std::make_shared<const Graph>(std::move(g));
    path_.clear();  // an upload has no file to save back to
    positions_.clear();
    drawings_.clear();  // drawn with the positions just dropped
    return ++version_;
}

MapView Session::view() const {
    std::lock_guard hold(mutex_);
    return {graph_, version_, path_, watch_error_, positions_, !undo_.empty(), !redo_.empty()};
}

void Session::check_version(std::uint64_t version) const {
    if (read_only_) throw ApiError(403, "the workbench was started with --read-only", "version");
    if (version != version_)
        throw ApiError(409, "the map changed since you loaded it (version " + std::to_string(version) + ", now " +
                                std::to_string(version_) + "); reload to see the changes",
                       "version");
}

void Session::replace(Graph g) {
    undo_.push_back(graph_);
    const std::size_t depth = std::clamp(kUndoBytes / approx_bytes(*graph_), kUndoMinDepth, kUndoDepth);
    if (undo_.size() > depth) undo_.erase(undo_.begin(), undo_.end() - static_cast<std::ptrdiff_t>(depth));
    redo_.clear();
    graph_ = std::make_shared<const Graph>(std::move(g));
    ++version_;
}

std::uint64_t Session::edit(std::uint64_t version, const Json& ops) {
    if (!ops.is_array() || ops.empty()) throw ApiError(400, "ops must be a non-empty array of edits", "ops");
    std::lock_guard hold(mutex_);
    check_version(version);
    Graph g = *graph_;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        try {
            apply_op(g, ops[i]);
        } catch (const ApiError& e) {
            throw ApiError(e.status, e.what(), "ops[" + std::to_string(i) + "]." + e.where);
        } catch (const Error& e) {
            throw ApiError(e.kind() == ErrorKind::not_found ? 404 : 400, e.what(), "ops[" + std::to_string(i) + "]");
        }
    }
    replace(std::move(g));
    return version_;
}

std::uint64_t Session::step(std::uint64_t version, History& from, History& to, const char* what) {
    std::lock_guard hold(mutex_);
    check_version(version);
    if (from.empty()) throw ApiError(400, std::string("nothing to ") + what, what);
    to.push_back(graph_);
    graph_ = from.back();
    from.pop_back();
    return ++version_;
}

std::uint64_t Session::undo(std::uint64_t version) { return step(version, undo_, redo_, "undo"); }
std::uint64_t Session::redo(std::uint64_t version) { return step(version, redo_, undo_, "redo"); }

std::string Session::save(std::uint64_t version, const std::string& name, bool overwrite) {
    // Saves one at a time, each writing the map it checked: a later save
    // (a later version) is never overwritten by an earlier one.
    std::lock_guard one_at_a_time(file_mutex_);
    std::unique_lock hold(mutex_);
    check_version(version);
    std::string path = path_;
    std::optional<Format> format = format_;
    if (!name.empty()) {
        check_file_name(name);
        path = (std::filesystem::absolute(dir_) / name).lexically_normal().string();
        format = std::nullopt;  // from the extension
    } else if (path.empty()) {
        throw ApiError(400, "this map has no file yet: give a file name", "name");
    } else if (*format == Format::kialo || *format == Format::carneades) {
        // agon writes neither: the map goes to a new .json beside the file it came from.
        path = std::filesystem::path(path).replace_extension(".json").string();
        format = Format::json;
    }
    if (!format) {
        const auto dot = path.find_last_of('.');
        format = format_from_name(dot == std::string::npos ? "" : path.substr(dot + 1));
        // Only the formats that keep the whole map: AIF drops supports' kind,
        // tags, sources, base scores and weights, and the map would then live there.
        if (!format || !savable(*format))
            throw ApiError(400, "save as .json, .argdown, .ad, .i23, .apx or .tgf (export for AIF, DOT and pictures)",
                           "name");
    }
    const std::string file = std::filesystem::path(path).filename().string();
    if (path != path_) check_plain_target(path, file);
    // A pipe or a device would block the save (and every request after it) until read.
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        throw ApiError(400, file + " is not a regular file; save under another name", "name");
    // Never replace work the page has not seen without being asked to: a
    // change made to the file since it was read, or another existing file.
    const std::optional<std::string> on_disk = stamp_of(path);
    if (!overwrite && path == path_ && !on_disk)
        throw ApiError(409, file + " was deleted or moved since the workbench read it; saving writes it again",
                       "overwrite");
    if (!overwrite && path == path_ && *on_disk != stamp_)
        throw ApiError(409, file + " changed on disk since the workbench read it; saving replaces those changes",
                       "overwrite");
    if (!overwrite && path != path_ && on_disk)
        throw ApiError(409, file + " already exists; saving replaces it", "overwrite");
    // Read-only by its mode too: root may write anything, but a file made
    // read-only is meant to stay as it is.
    if (exists && ((st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0))
        throw ApiError(403, file + " is read-only; save under another name", "name");
    // Written without the lock (graphs are immutable): a 30,000-claim map
    // takes most of a second, which every version check had to wait for.
    const std::shared_ptr<const Graph> graph = graph_;
    hold.unlock();
    {
        const QuitAfter written;  // a second Ctrl-C leaves no temporary file behind
        save_graph(*graph, path, format);
    }
    hold.lock();
    // The map now lives in the file it was saved to (save as, like any editor).
    path_ = path;
    format_ = *format;
    stamp_ = seen_ = stamp_of(path).value_or("");
    return path;
}

void Session::remember_layout(std::uint64_t version, const Positions& drawn) {
    std::lock_guard hold(mutex_);
    if (version != version_) return;
    // A drawing's coordinates may be shifted against the cache's (Graphviz
    // translates each layout differently): align them on the nodes both know.
    double dx = 0, dy = 0;
    std::size_t common = 0;
    for (const auto& [name, at] : drawn)
        if (auto it = positions_.find(name); it != positions_.end()) {
            dx += it->second.first - at.first;
            dy += it->second.second - at.second;
            ++common;
        }
    if (common) dx /= static_cast<double>(common), dy /= static_cast<double>(common);
    for (const auto& [name, at] : drawn) positions_.emplace(name, std::pair{at.first + dx, at.second + dy});
}

std::string Session::drawing(std::uint64_t version) const {
    std::lock_guard hold(mutex_);
    if (version != version_) return {};
    const auto it = std::find_if(drawings_.begin(), drawings_.end(), [&](const Drawing& d) { return d.graph == graph_; });
    if (it == drawings_.end()) return {};
    // The latest used goes last, so that an edit after an undo keeps the map undone to.
    std::rotate(it, it + 1, drawings_.end());
    return drawings_.back().svg;
}

void Session::keep_drawing(std::uint64_t version, std::string svg) {
    std::lock_guard hold(mutex_);
    if (version != version_) return;
    std::erase_if(drawings_, [&](const Drawing& d) { return d.graph == graph_; });
    // Two: the map before an edit and after it, which undo and redo go between.
    if (drawings_.size() == kDrawings) drawings_.erase(drawings_.begin());
    drawings_.push_back({graph_, std::move(svg)});
}

std::optional<std::string> Session::stamp_of(const std::string& path) const {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

bool Session::reload_if_changed() {
    // Not while a save writes the file (it is looked at again 250 ms later):
    // a reload of it then would take the saved map for an edit made elsewhere
    // and undo the edits made meanwhile.
    std::unique_lock no_save(file_mutex_, std::try_to_lock);
    if (!no_save) return false;
    std::string path;
    std::optional<std::string> now;
    {
        std::lock_guard hold(mutex_);
        if (path_.empty()) return false;
        now = stamp_of(path_);
        if (!now || *now == seen_) return false;
        seen_ = *now;  // looked at: not again until it changes
        path = path_;
    }
    try {
        const std::string text = read_file(path);
        Graph g = parse_graph(text, detect_format(path, text), path);
        std::lock_guard hold(mutex_);
        // A save (or another file) since the read makes what was read stale.
        if (path != path_ || seen_ != *now) return false;
        stamp_ = *now;  // the map now reflects the file as it is
        watch_error_.clear();
        if (*graph_ == g) return false;
        replace(std::move(g));
        return true;
    } catch (const Error& e) {
        std::lock_guard hold(mutex_);
        watch_error_ = e.what();
        ++version_;  // so the page hears about the error
        return true;
    }
}

}  // namespace agon::workbench
