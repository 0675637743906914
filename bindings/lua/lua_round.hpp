// Debate rounds in Lua: judge paradigms (Lua scripts run in the sandbox) and
// the round API (agon.round, agon.load_round, r:speech, r:decide, ...).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "agon/round.hpp"
#include "lua_host.hpp"

struct lua_State;

namespace agon::lua {

/// Names of the shipped paradigms (scripts/paradigms/*.lua, compiled in), sorted.
std::vector<std::string> paradigm_names();

/// The text of paradigm `name_or_path`: a shipped name, or a .lua file.
/// Throws not_found naming the shipped ones.
std::string paradigm_source(const std::string& name_or_path);

/// A judge paradigm read from a Lua script: the script runs once in a
/// Sandbox with `options`' limits and returns a table of rules (see
/// docs/rounds.md); its `keep` and `weigh` functions are called later, under
/// the same limits, through paradigm(). Throws Error (invalid_input for a bad
/// table or script, limit when the script overruns memory or time).
class LuaParadigm {
public:
    LuaParadigm(const std::string& source, const std::string& chunkname, const HostOptions& options);
    ~LuaParadigm();
    /// The rules; valid while this object lives.
    const Paradigm& paradigm() const { return paradigm_; }

private:
    /// Call the rule function and argument on the stack; errors name the paradigm and the rule.
    void call_rule(const char* rule);

    Sandbox box_;
    Paradigm paradigm_;
    int keep_ = -2, weigh_ = -2;  // registry references (LUA_NOREF when absent)
};

/// Push the state of a claim of the flow as a table (id, speech, side, text,
/// kind, status, offence, targets, answered_by, extended_in, dropped_in,
/// conceded_in, turned_by, base, magnitude, probability, timeframe,
/// reversibility, impact, role, last).
void push_argument(lua_State* L, const Round& round, const ArgumentState& a);

/// agon.round{...} and agon.load_round(path) (lua_round.cpp).
int module_round(lua_State* L);
int module_load_round(lua_State* L);
/// Register the round metatables.
void open_round(lua_State* L);

}  // namespace agon::lua
