// Shared pieces of the agon command line: command registration, loading,
// parameters, cancellation and the error convention (one line, exit 2).
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agon/control.hpp"
#include "agon/error.hpp"
#include "agon/framework.hpp"
#include "agon/graph.hpp"
#include "agon/io.hpp"
#include "agon/question.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace CLI {
class App;
class Option;
class Validator;
}

namespace agon::cli {

/// Exit codes of every command.
enum Exit : int { ok = 0, negative = 1, bad_input = 2 };

/// Each command file defines one of these; main.cpp calls them all.
/// The callback stores its exit code through set_exit().
void add_eval(CLI::App& app);
void add_convert(CLI::App& app);
void add_explain(CLI::App& app);
void add_extensions(CLI::App& app);
/// `after_dashes`: the words after `agon run`'s first --, which main.cpp keeps
/// from CLI11; they are the script's arguments (the first is the script when
/// none came before the --).
void add_run(CLI::App& app, std::vector<std::string> after_dashes);
void add_render(CLI::App& app);
void add_hinge(CLI::App& app);
void add_robust(CLI::App& app);
void add_round(CLI::App& app);
void add_report(CLI::App& app);
void add_diff(CLI::App& app);

void set_exit(int code);
int exit_code();

/// Print "agon: error: MESSAGE" on stderr.
void print_error(const std::string& message);
/// Throw usage when `output` is the file `input` (a conversion into its own
/// input file replaced the graph, exit 0). Nothing when either is missing.
void refuse_overwriting_input(const std::string& input, const std::string& output);
/// `code`, or bad_input when standard output could not be written (a full
/// disk; a reader that stopped early is no error). Called as main returns.
int stdout_checked(int code);
/// Print "agon: warning: MESSAGE" for each warning on stderr.
void print_warnings(const Warnings& warnings);
/// Warn on stderr when `r` did not converge (a gradual semantics stopped
/// by max_iterations): what is built on it carries the same error.
void warn_if_unconverged(const Result& r);
/// The same for `request` on `subject`, evaluated once more for this (the
/// commands that answer from many evaluations: explain, hinge, robust),
/// without `control`'s time limit. Nothing for label semantics, which
/// always converge.
void warn_if_unconverged(const Subject& subject, const Request& request, const Control& control);

/// A control whose token Ctrl-C sets, with an optional time limit.
Control interruptible(double timeout_seconds);
/// What every --timeout takes, as its error says: "must be a number of
/// seconds, 0 or more (0 = no limit)".
extern const char* const kTimeoutRule;
/// A Control that shows progress on stderr when it is a terminal.
Control with_progress(Control control);
/// End a progress line that work stopped in the middle of, so that what is
/// printed next starts on a line of its own.
void end_progress_line();

/// "k=v" strings into a map; throws usage on a missing '='.
std::map<std::string, std::string> parse_params(const std::vector<std::string>& items);

/// Resolve --from or detect the format of `path`.
std::optional<Format> format_option(const std::string& from);

/// What a command evaluates: a snapshot, and the graph it came from when the
/// input was a claim graph (ICCMA files skip the Graph for speed).
struct Input {
    std::optional<Graph> graph;
    std::shared_ptr<const Snapshot> snapshot;
};
/// Load `path` for evaluation. ICCMA formats take the fast framework path
/// unless `need_graph` is set.
Input load_input(const std::string& path, const std::string& from, bool need_graph = false);

/// The request of --semantics, --param KEY=VALUE... and --support (empty: not given).
Request request_of(const std::string& semantics, const std::vector<std::string>& params, const std::string& support);

/// Check that claim `id` is in the input; throws not_found naming the file.
void require_claim(const Input& in, const std::string& id, const std::string& file);

/// Run `body`; an agon::Error of `kind` from it is thrown again with `hint`
/// (how to fix it with this command's options) appended to its message.
/// The Control's own "time limit exceeded" is left alone (it is --timeout's).
template <typename Body>
decltype(auto) with_hint(ErrorKind kind, const std::string& hint, Body&& body) {
    try {
        return body();
    } catch (const Error& e) {
        if (e.kind() != kind || e.message() == "time limit exceeded") throw;
        throw Error(kind, e.message() + " (" + hint + ")", e.where());
    }
}

/// Write `text` to `out` atomically, or to stdout when `out` is empty or "-".
void emit(const std::string& out, const std::string& text);

// ---- options the commands share (options.cpp), so each is named and
// explained once ------------------------------------------------------------

/// The question a command asks: -s/--semantics, -p/--param, --support.
struct RequestArgs {
    std::string semantics;
    std::vector<std::string> params;
    std::string support;
    Request request() const { return request_of(semantics, params, support); }
};

/// FILE (positional, required) and --from.
void add_input(CLI::App& cmd, std::string& file, std::string& from, const std::string& what = "graph file");
/// -s/--semantics (its default shown), -p/--param and --support.
void add_request(CLI::App& cmd, RequestArgs& request, const std::string& semantics_help = "semantics name");
/// --json.
void add_json(CLI::App& cmd, bool& json, const std::string& help = "print JSON");
/// The largest --max-memory of `agon run` and `agon round`, in MiB (1 TiB).
constexpr double kMaxMemoryMiB = 1 << 20;
/// Option check: a number from `least` to `most` ("must be a number, 0 or
/// more"; "too large (the largest accepted is N)"). NaN is refused. Counts
/// take 0, or 1 where 0 finds nothing (a hinge set's largest size), up to
/// max_of their variable, so that none wraps round.
CLI::Validator number_range(long double least, long double most);
/// The largest value the type of `variable` holds.
template <class T>
constexpr long double max_of(const T& /*variable*/) {
    return static_cast<long double>(std::numeric_limits<T>::max());
}
/// Option check: any finite number.
extern const CLI::Validator kFinite;
/// --timeout SECONDS: 0 or more, 0 for no limit, as `help` then says (NaN
/// and negative values are refused).
void add_timeout(CLI::App& cmd, double& seconds, const std::string& help = "give up after this many seconds, exit 2");
/// -o/--output FILE, plus any old names in `aliases` (",--map").
CLI::Option* add_output(CLI::App& cmd, std::string& path, const std::string& help, const std::string& aliases = "");
/// A repeatable option that takes one value each time it is given, so it
/// never swallows the positional arguments after it (--read DIR script.lua).
CLI::Option* add_list(CLI::App& cmd, const std::string& names, std::vector<std::string>& values, const std::string& help);

}  // namespace agon::cli
