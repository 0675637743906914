/* ipafair.h - IPAFAIR, the incremental C interface of dynamic argumentation
 * solvers used by the ICCMA 2023 dynamic track, as implemented by agon
 * (library agon_ipafair; pkg-config agon-ipafair; CMake agon::ipafair).
 *
 * The function names, the semantics codes and the return conventions are
 * those of the published interface (github.com/ooinaruhugh/ipafair,
 * ipafair/ipafair.h, Andreas Niskanen 2022, MIT licence), so a program written
 * against it compiles and links against agon unchanged. The text is agon's.
 *
 * A solver handle is in one of four states: INPUT (after changes), SAT or
 * UNSAT (after a query) and ERROR (after a misuse; sticky - every later query
 * returns -1). Arguments are positive integers up to INT32_MAX. A failed call
 * leaves the framework as it was. Handles are independent; one thread at a
 * time per handle.
 */
#ifndef ipafair_h_INCLUDED
#define ipafair_h_INCLUDED

#include <stdint.h>

/* Symbol visibility: empty unless IPAFAIR_SHARED_LIB is defined, as in the
 * published header (agon builds its library with it and
 * BUILDING_IPAFAIR_SHARED_LIB, and needs nothing from programs on ELF). */
#if defined(IPAFAIR_SHARED_LIB) && defined(__GNUC__) && !defined(_WIN32)
#define IPAFAIR_API __attribute__((visibility("default")))
#elif defined(IPAFAIR_SHARED_LIB) && defined(_WIN32) && defined(BUILDING_IPAFAIR_SHARED_LIB)
#define IPAFAIR_API __declspec(dllexport)
#elif defined(IPAFAIR_SHARED_LIB) && defined(_WIN32)
#define IPAFAIR_API __declspec(dllimport)
#else
#define IPAFAIR_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The semantics codes (values 0..6 in this order). Admissible: credulous
 * acceptance is that of preferred; skeptical acceptance holds only for an
 * empty set of assumptions (the empty set is always admissible). */
typedef enum { admissible, complete, preferred, stable, semistable, stage, ideal } semantics;

/* The solver's name and version ("agon 0.x (IPAFAIR)"); a static string. */
IPAFAIR_API const char* ipafair_signature();

/* A new solver with an empty framework and no semantics (state INPUT), or
 * NULL when out of memory. Free it with ipafair_release. */
IPAFAIR_API void* ipafair_init();

/* Free the solver; the handle is invalid afterwards. NULL is ignored. */
IPAFAIR_API void ipafair_release(void* solver);

/* Choose the semantics of the next queries (state INPUT). An unknown code
 * enters ERROR. Changing it re-encodes the framework at the next query. */
IPAFAIR_API void ipafair_set_semantics(void* solver, semantics sem);

/* Add argument `arg` (state INPUT). An existing or non-positive argument
 * enters ERROR. O(1) amortised. */
IPAFAIR_API void ipafair_add_argument(void* solver, int32_t arg);

/* Delete argument `arg` and its attacks (state INPUT). An unknown argument
 * enters ERROR. O(degree). A later ipafair_add_argument with the same number
 * starts a fresh argument. */
IPAFAIR_API void ipafair_del_argument(void* solver, int32_t arg);

/* Add the attack s -> t (state INPUT). An existing attack or an unknown
 * argument enters ERROR. O(1) amortised. */
IPAFAIR_API void ipafair_add_attack(void* solver, int32_t s, int32_t t);

/* Delete the attack s -> t (state INPUT). An unknown attack enters ERROR. */
IPAFAIR_API void ipafair_del_attack(void* solver, int32_t s, int32_t t);

/* Assume argument `arg` for the next query only (state INPUT). Several
 * assumptions ask about all of them together. An unknown argument enters
 * ERROR, and so does the query when an assumed argument is deleted before it
 * (unless added again: then the new argument of that number is assumed). */
IPAFAIR_API void ipafair_assume(void* solver, int32_t arg);

/* Credulous query: are all assumed arguments together in some extension of
 * the current framework? Returns 10 (yes; state SAT), 20 (no; state UNSAT)
 * or -1 (ERROR: no semantics chosen, a misuse before, or out of memory). The
 * assumptions are cleared. Cost: see agon/session.hpp (worst case that of a
 * from-scratch solve). */
IPAFAIR_API int ipafair_solve_cred(void* solver);

/* Skeptical query: are all assumed arguments in every extension? Returns 10
 * (yes; SAT), 20 (no; UNSAT) or -1 (ERROR). Vacuously 10 when there is no
 * extension (stable semantics only). */
IPAFAIR_API int ipafair_solve_skept(void* solver);

/* After a credulous 10 or a skeptical 20: `arg` when the argument is in the
 * witness (an extension with the assumptions, or a counter-example without
 * one of them), `-arg` when not. 0 in any other state or for an unknown
 * argument. The first call may compute the witness (one more solve). */
IPAFAIR_API int32_t ipafair_val(void* solver, int32_t arg);

#ifdef __cplusplus
}
#endif

#endif
