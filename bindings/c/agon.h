/* agon.h - the stable C interface of agon, an argument and debate graph engine.
 *
 * Claims are nodes; support, attack and undercut are edges. Build a graph,
 * evaluate it under a semantics, read labels or strengths, try what-if
 * scenarios, render maps.
 *
 * Conventions (they hold for every function below):
 *  - Every function returns an agon_status. AGON_OK is 0. On failure nothing
 *    that the call would have produced is returned, output pointers are set to
 *    NULL/0 where the call has them, and agon_last_error() describes the
 *    failure in one line (with file:line:column for input errors).
 *  - Handles are opaque; each agon_*_new / loader has an agon_*_free. Passing
 *    NULL to a free function does nothing. Passing NULL where a handle or a
 *    string is required returns AGON_ERR_ARGUMENT.
 *  - Strings are UTF-8 and NUL-terminated; strings that agon returns stay valid
 *    until the next call on the same handle unless the function says they
 *    must be released with agon_free().
 *  - No C++ exception, Lua error or longjmp ever crosses this interface.
 *  - Thread safety: separate handles are independent and may be used from
 *    different threads at the same time. One graph may be read (evaluated,
 *    saved, rendered) from several threads at once, but not modified while
 *    doing so. Rendering serialises internally (Graphviz is not thread-safe).
 *    The last-error message is kept per thread.
 *
 * Version: AGON_VERSION_* describe the header; agon_version() the library.
 */
#ifndef AGON_H
#define AGON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(AGON_BUILDING_LIBRARY)
#define AGON_API __attribute__((visibility("default")))
#else
#define AGON_API
#endif

#define AGON_VERSION_MAJOR 0
#define AGON_VERSION_MINOR 1
#define AGON_VERSION_PATCH 0
#define AGON_VERSION_STRING "0.1.0"
/** One number for comparisons: major*10000 + minor*100 + patch. */
#define AGON_VERSION_NUMBER (AGON_VERSION_MAJOR * 10000 + AGON_VERSION_MINOR * 100 + AGON_VERSION_PATCH)

/** Result of every call. */
typedef enum agon_status {
    AGON_OK = 0,
    AGON_ERR_INPUT = 1,       /**< malformed file or graph (syntax, dangling id, range) */
    AGON_ERR_USAGE = 2,       /**< bad parameter value, unknown semantics or format */
    AGON_ERR_NOT_FOUND = 3,   /**< no such claim, edge or file */
    AGON_ERR_LIMIT = 4,       /**< a size or time limit was exceeded */
    AGON_ERR_CANCELLED = 5,   /**< the cancel callback asked to stop */
    AGON_ERR_IO = 6,          /**< the operating system refused a read or write */
    AGON_ERR_UNSUPPORTED = 7, /**< the feature was not built into this library */
    AGON_ERR_NOMEM = 8,       /**< out of memory */
    AGON_ERR_ARGUMENT = 9,    /**< NULL handle or string, invalid UTF-8, index out of range */
    AGON_ERR_INTERNAL = 10    /**< a bug in agon; please report it with the message */
} agon_status;

/** Edge kinds. */
typedef enum agon_edge_kind { AGON_SUPPORT = 0, AGON_ATTACK = 1, AGON_UNDERCUT = 2 } agon_edge_kind;

/** Acceptance labels of extension semantics. */
typedef enum agon_label { AGON_OUT = 0, AGON_IN = 1, AGON_UNDEC = 2 } agon_label;

typedef struct agon_graph agon_graph;       /**< an editable argument graph */
typedef struct agon_result agon_result;     /**< the outcome of one evaluation */

/** The message of the last failed call on this thread ("" if none). Never NULL. */
AGON_API const char* agon_last_error(void);

/** The library version, "MAJOR.MINOR.PATCH". Never NULL. */
AGON_API const char* agon_version(void);

/* ---- memory ------------------------------------------------------------ */

/** A caller-supplied allocator. `alloc` returns NULL on failure; `release`
 *  accepts NULL. `user` is passed back unchanged. */
typedef struct agon_allocator {
    void* (*alloc)(size_t size, void* user);
    void (*release)(void* block, void* user);
    void* user;
} agon_allocator;

/** Use `allocator` for every block this interface hands to the caller
 *  (buffers released with agon_free) and for handle objects. Pass NULL to go
 *  back to malloc/free. Call it before creating any handle: blocks must be
 *  released by the allocator that made them. The engine's internal working
 *  memory still comes from the C++ heap. */
AGON_API agon_status agon_set_allocator(const agon_allocator* allocator);

/** Release a buffer that agon returned (agon_graph_write, agon_result_json,
 *  agon_render, ...). NULL is ignored. */
AGON_API void agon_free(void* block);

/* ---- control of long work ------------------------------------------------ */

/** Return non-zero to stop the running operation; it then fails with
 *  AGON_ERR_CANCELLED. Called often (many times per second) from the thread
 *  doing the work. */
typedef int (*agon_cancel_fn)(void* user);

/** Options for long operations; pass NULL for no limit. */
typedef struct agon_control {
    double timeout_seconds; /**< <= 0: no time limit; otherwise AGON_ERR_LIMIT when exceeded */
    agon_cancel_fn cancel;  /**< may be NULL */
    void* cancel_user;
} agon_control;

/* ---- graphs -------------------------------------------------------------- */

/** Create an empty graph with a title (may be NULL). */
AGON_API agon_status agon_graph_new(const char* title, agon_graph** out);
/** Destroy a graph. Results computed from it stay valid. */
AGON_API void agon_graph_free(agon_graph* graph);

/** Add a claim. `text` may be NULL (empty); `base` must be in [0,1].
 *  AGON_ERR_INPUT on a duplicate id or a base out of range. */
AGON_API agon_status agon_graph_add_claim(agon_graph* graph, const char* id, const char* text, double base);
/** Mark a claim as an argument (inference node) instead of a statement. */
AGON_API agon_status agon_graph_set_argument(agon_graph* graph, const char* claim_id, int is_argument);
/** Add a tag to a claim. */
AGON_API agon_status agon_graph_add_tag(agon_graph* graph, const char* claim_id, const char* tag);
/** Set (or replace) a claim attribute such as "source" or "url". */
AGON_API agon_status agon_graph_set_attribute(agon_graph* graph, const char* claim_id, const char* key,
                                              const char* value);
/** Change a claim's base score (in [0,1]). */
AGON_API agon_status agon_graph_set_base(agon_graph* graph, const char* claim_id, double base);

/** Add an edge. `id` may be NULL for a fresh "eN" id. For AGON_UNDERCUT, `to`
 *  names an edge. `weight` must be finite and >= 0 (1 is the usual value).
 *  AGON_ERR_INPUT on duplicate ids, dangling references or bad weights. */
AGON_API agon_status agon_graph_add_edge(agon_graph* graph, const char* id, agon_edge_kind kind, const char* from,
                                         const char* to, double weight);
/** Change an edge's weight. */
AGON_API agon_status agon_graph_set_weight(agon_graph* graph, const char* edge_id, double weight);
/** Remove a claim with its edges and the undercuts on them. */
AGON_API agon_status agon_graph_remove_claim(agon_graph* graph, const char* claim_id);
/** Remove an edge and the undercuts aimed at it. */
AGON_API agon_status agon_graph_remove_edge(agon_graph* graph, const char* edge_id);

/** Number of claims and of edges. */
AGON_API agon_status agon_graph_claim_count(const agon_graph* graph, size_t* out);
AGON_API agon_status agon_graph_edge_count(const agon_graph* graph, size_t* out);
/** Id and text of the claim at `index` (insertion order). The strings live as
 *  long as the graph is not modified. */
AGON_API agon_status agon_graph_claim_at(const agon_graph* graph, size_t index, const char** id, const char** text);
/** Base score of a claim. */
AGON_API agon_status agon_graph_base(const agon_graph* graph, const char* claim_id, double* out);

/* ---- files --------------------------------------------------------------- */

/** Read a graph from a file. `format` is a name ("json", "i23", "apx", "tgf",
 *  "argdown", "aif", "kialo", "carneades") or NULL to detect it from the
 *  extension and content. */
AGON_API agon_status agon_graph_load(const char* path, const char* format, agon_graph** out);
/** Parse a graph from memory (`size` bytes, no NUL needed); `format` is required. */
AGON_API agon_status agon_graph_parse(const char* text, size_t size, const char* format, agon_graph** out);
/** Write a graph to a file atomically (temporary file + rename; an existing
 *  file is untouched on failure). `format` NULL: from the extension. */
AGON_API agon_status agon_graph_save(const agon_graph* graph, const char* path, const char* format);
/** Serialise a graph into a new buffer (release it with agon_free); `size`
 *  receives its length; the buffer is also NUL-terminated. */
AGON_API agon_status agon_graph_write(const agon_graph* graph, const char* format, char** out, size_t* size);

/* ---- evaluation ---------------------------------------------------------- */

/** Evaluate a graph under a semantics ("grounded", "preferred", "dfquad", ...;
 *  see agon_semantics_names). `params` is NULL or a NULL-terminated array of
 *  alternating keys and values, e.g. {"epsilon", "1e-9", NULL}. `control`
 *  may be NULL. */
AGON_API agon_status agon_evaluate(const agon_graph* graph, const char* semantics, const char* const* params,
                                   const agon_control* control, agon_result** out);
/** Destroy a result. */
AGON_API void agon_result_free(agon_result* result);

/** Number of claims in the result (those of the graph it came from). */
AGON_API agon_status agon_result_count(const agon_result* result, size_t* out);
/** Id of the claim at `index`. Lives as long as the result. */
AGON_API agon_status agon_result_claim_id(const agon_result* result, size_t index, const char** out);
/** Non-zero when the semantics gives labels (extension semantics), zero when it gives strengths. */
AGON_API agon_status agon_result_has_labels(const agon_result* result, int* out);
/** Label of a claim; AGON_ERR_USAGE for gradual semantics. */
AGON_API agon_status agon_result_label(const agon_result* result, const char* claim_id, agon_label* out);
/** Strength of a claim in [0,1]. For extension semantics: in 1, out 0, undecided 0.5. */
AGON_API agon_status agon_result_strength(const agon_result* result, const char* claim_id, double* out);
/** Whether an iterative method converged, and how many iterations it used. */
AGON_API agon_status agon_result_converged(const agon_result* result, int* converged, unsigned long long* iterations);
/** The result as JSON (the `agon eval --json` object) in a new buffer; release with agon_free. */
AGON_API agon_status agon_result_json(const agon_result* result, char** out, size_t* size);
/* ---- what-if scenarios and diffs ---------------------------------------- */

typedef struct agon_scenario agon_scenario; /**< a what-if overlay on a graph */

/** A scenario over a copy of the graph as it is now (later edits of the graph
 *  do not reach it). */
AGON_API agon_status agon_scenario_new(const agon_graph* graph, const char* name, agon_scenario** out);
/** A new scenario that starts from `parent`'s edits. */
AGON_API agon_status agon_scenario_derive(const agon_scenario* parent, const char* name, agon_scenario** out);
/** Destroy a scenario. */
AGON_API void agon_scenario_free(agon_scenario* scenario);
/** Remove a claim (with its edges) or an edge. AGON_ERR_NOT_FOUND when neither exists. */
AGON_API agon_status agon_scenario_remove(agon_scenario* scenario, const char* id);
/** Add a claim or an edge (`id` may be NULL) to the scenario. */
AGON_API agon_status agon_scenario_add_claim(agon_scenario* scenario, const char* id, const char* text, double base);
AGON_API agon_status agon_scenario_add_edge(agon_scenario* scenario, const char* id, agon_edge_kind kind,
                                            const char* from, const char* to, double weight);
/** Change a base score / weight in the scenario. */
AGON_API agon_status agon_scenario_set_base(agon_scenario* scenario, const char* claim_id, double base);
AGON_API agon_status agon_scenario_set_weight(agon_scenario* scenario, const char* edge_id, double weight);
/** Evaluate the scenario (see agon_evaluate for `params`), without a limit:
 *  agon_scenario_evaluate_with_control with a NULL control. */
AGON_API agon_status agon_scenario_evaluate(const agon_scenario* scenario, const char* semantics,
                                            const char* const* params, agon_result** out);
/** Evaluate the scenario under `control` (NULL: no limit), like agon_evaluate:
 *  AGON_ERR_LIMIT after the timeout, AGON_ERR_CANCELLED when the callback asks
 *  to stop. (A new function so that agon_scenario_evaluate keeps its ABI.) */
AGON_API agon_status agon_scenario_evaluate_with_control(const agon_scenario* scenario, const char* semantics,
                                                         const char* const* params, const agon_control* control,
                                                         agon_result** out);
/** A JSON array of the claims whose label or strength differ between two
 *  results (matched by id): [{"id":..., "before":..., "after":...}]; release with agon_free. */
AGON_API agon_status agon_diff_json(const agon_result* before, const agon_result* after, char** out, size_t* size);

/* ---- incremental sessions (agon/session.hpp) ------------------------------ */

/* A long-lived solver over an abstract framework (arguments are unsigned ids,
 * attacks between them) that keeps its work between changes: answering again
 * after a small change costs far less than from scratch. IPAFAIR (ipafair.h,
 * libagon_ipafair) offers the same sessions through the ICCMA interface. */
typedef struct agon_session agon_session; /**< an incremental extension-reasoning session */

/** A session with an empty framework under an extension semantics: grounded,
 *  complete, preferred, stable, semi-stable, stage, ideal (or GR CO PR ST SST
 *  STG ID). AGON_ERR_USAGE for another name. */
AGON_API agon_status agon_session_new(const char* semantics, agon_session** out);
/** Destroy a session. */
AGON_API void agon_session_free(agon_session* session);
/** Change the semantics (the next question encodes the framework again). */
AGON_API agon_status agon_session_set_semantics(agon_session* session, const char* semantics);
/** Add an argument (AGON_ERR_INPUT when it exists) / remove one with its
 *  attacks (AGON_ERR_NOT_FOUND). A removed id may be added again as a new argument. */
AGON_API agon_status agon_session_add_argument(agon_session* session, unsigned id);
AGON_API agon_status agon_session_remove_argument(agon_session* session, unsigned id);
/** Add an attack (AGON_ERR_NOT_FOUND for an unknown argument, AGON_ERR_INPUT
 *  when it exists) / remove one (AGON_ERR_NOT_FOUND). */
AGON_API agon_status agon_session_add_attack(agon_session* session, unsigned from, unsigned to);
AGON_API agon_status agon_session_remove_attack(agon_session* session, unsigned from, unsigned to);
/** Are all `count` arguments of `ids` together in some extension (credulous)
 *  / in every extension (skeptical; 1 when there is none)? `*accepted` is 1 or
 *  0. `control` may be NULL; on AGON_ERR_LIMIT/CANCELLED the session stays usable. */
AGON_API agon_status agon_session_credulous(agon_session* session, const unsigned* ids, size_t count,
                                            const agon_control* control, int* accepted);
AGON_API agon_status agon_session_skeptical(agon_session* session, const unsigned* ids, size_t count,
                                            const agon_control* control, int* accepted);
/** The last answer's witness (ascending ids; release with agon_free): an
 *  extension with the arguments after a credulous yes, one without them after
 *  a skeptical no. AGON_ERR_NOT_FOUND when there is none or the framework changed since. */
AGON_API agon_status agon_session_witness(agon_session* session, const agon_control* control, unsigned** ids,
                                          size_t* count);
/** An argument's label in the grounded labelling, repaired below the changes since the last call. */
AGON_API agon_status agon_session_grounded_label(agon_session* session, unsigned id, agon_label* out);

/* ---- maps and explanations ----------------------------------------------- */

/** Render the map ("svg", "png", "pdf" or "dot") into a new buffer, coloured
 *  by `result` when not NULL, with a legend. AGON_ERR_UNSUPPORTED without
 *  Graphviz (except "dot"). Serialised internally; safe from any thread. */
AGON_API agon_status agon_render(const agon_graph* graph, const agon_result* result, const char* format, char** out,
                                 size_t* size);
/** Render to a file (format from the extension), written atomically. */
AGON_API agon_status agon_render_file(const agon_graph* graph, const agon_result* result, const char* path);

/** Write the stress-test report on claim `target` (see `agon report`) to
 *  `path`, atomically, as HTML, PDF or JSON by its extension. `options_json`
 *  may be NULL or an object with any of "semantics" (default "dfquad"),
 *  "params" {name: value}, "threshold", "samples", "seed", "spread",
 *  "uncertainty" (the format of agon robust --uncertainty), "max_size",
 *  "title", "maps". Cost: that of agon::build_report (seconds on large
 *  graphs). AGON_ERR_NOT_FOUND for an unknown target, AGON_ERR_UNSUPPORTED
 *  for PDF in a build without cairo. */
AGON_API agon_status agon_report_file(const agon_graph* graph, const char* target, const char* options_json,
                                      const char* path);
/** Why a claim has its grounded label, as JSON: {"claim", "label", "defeats":
 *  [{"defender", "attacker"}], "cycle": [...]}; release with agon_free. */
AGON_API agon_status agon_explain_grounded_json(const agon_graph* graph, const char* claim_id, char** out,
                                                size_t* size);

/** Names of every semantics, comma-separated, e.g. "card,complete,dfquad,...". Never NULL. */
AGON_API const char* agon_semantics_names(void);

#ifdef __cplusplus
}
#endif

#endif /* AGON_H */
