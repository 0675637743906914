// agon round FILE [--paradigm NAME|FILE.lua] [--after SPEECH] [--json] [-o SHEET.svg|png|pdf]
// and agon round --paradigms | --formats | --show-format NAME.
#include <CLI/CLI.hpp>
#include <iostream>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/render.hpp"
#include "agon/round.hpp"
#include "cli.hpp"
#ifdef AGON_HAVE_LUA
#include "lua_round.hpp"
#endif

namespace agon::cli {

namespace {

struct RoundOptions {
    std::string file, paradigm = "tech", after, out, export_to, show_format;
    bool json = false, paradigms = false, formats = false;
    double timeout = 10, max_memory_mib = 64;
};

// The first `n` characters of `s` (UTF-8), with "..." when cut.
// The first `n` characters of a text on one table row (line breaks read as spaces).
std::string clip(std::string s, std::size_t n) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n - 3) break;
    return i < s.size() ? s.substr(0, i) + "..." : s;
}

std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string table(const Round& r, const Analysis& an, const Decision* d) {
    std::string out = "Motion: " + r.motion + "\nFormat: " + r.format().name + ", flow after the " + an.after + "\n\n";
    std::size_t idw = 2;
    for (const auto& a : an.arguments) idw = std::max(idw, a.id.size());
    out += pad("id", idw + 1) + pad("speech", 7) + pad("side", 6) + pad("move", 8) + pad("status", 16) +
           (d ? pad("judged", 10) : "") + "text\n";
    for (const auto& a : an.arguments) {
        std::string status(to_string(a.status));
        if (a.status == ArgStatus::dropped) status += " " + a.dropped_in;
        if (a.status == ArgStatus::conceded) status += " " + a.conceded_in;
        std::string judged;
        if (const Verdict* v = d ? d->find(a.id) : nullptr) judged = !v->judged() ? "ignored" : v->outcome();
        out += pad(a.id, idw + 1) + pad(a.speech, 7) + pad(a.side, 6) + pad(std::string(to_string(a.kind)), 8) +
               pad(status, 16) + (d ? pad(judged, 10) : "") + clip(a.text, 60) + "\n";
    }
    out += "\nLive offence after the " + an.after + ":\n";
    for (const auto& side : r.format().sides) {
        std::string ids;
        for (const auto& id : an.live.at(side.id)) ids += (ids.empty() ? "" : ", ") + id;
        out += "  " + side.name + ": " + (ids.empty() ? "none" : ids) + "\n";
    }
    if (d) {
        out += "\nDecision (" + d->paradigm + "): the " + r.format().side(d->winner)->name + " wins\n";
        for (const auto& reason : d->reasons) out += "  - " + reason + "\n";
    }
    return out;
}

void run(const RoundOptions& o) {
    if (o.paradigms || o.formats) {
#ifdef AGON_HAVE_LUA
        if (o.paradigms)
            for (const auto& n : lua::paradigm_names()) std::cout << n << "\n";
#else
        if (o.paradigms) throw Error(ErrorKind::unsupported, "this agon was built without Lua, so it has no paradigms");
#endif
        if (o.formats)
            for (const auto& n : round_format_names()) std::cout << n << "\n";
        return;
    }
    if (!o.show_format.empty()) {
        std::cout << builtin_round_format_text(o.show_format);
        return;
    }
    if (o.file.empty()) throw Error(ErrorKind::usage, "agon round needs a FILE (or --paradigms, --formats)");
    if (!o.out.empty()) map_format(o.out);  // a bad extension fails before any work
    refuse_overwriting_input(o.file, o.export_to);  // the coach's flow, comments and all
    refuse_overwriting_input(o.file, o.out);
    const Round round = load_round(o.file);
    if (round.speeches().empty()) throw Error(ErrorKind::invalid_input, "no speech on the flow", Location{o.file, 0, 0});
    const Analysis an = analyse(round, o.after);
    std::optional<Decision> decision;
#ifdef AGON_HAVE_LUA
    lua::HostOptions limits;
    if (!(o.max_memory_mib > 0 && o.max_memory_mib <= kMaxMemoryMiB))
        throw Error(ErrorKind::usage, "--max-memory must be in (0, 1048576] MiB");
    limits.timeout = o.timeout;
    limits.max_memory = static_cast<std::size_t>(o.max_memory_mib * 1024 * 1024);
    limits.out_dir.clear();
    lua::LuaParadigm paradigm(lua::paradigm_source(o.paradigm), o.paradigm, limits);
    decision = decide(round, an, paradigm.paradigm(), interruptible(o.timeout));
#else
    std::cerr << "agon: note: built without Lua, so no paradigm judges the round\n";
#endif
    const Decision* d = decision ? &*decision : nullptr;
    if (!o.export_to.empty())
        write_file_atomic(o.export_to, o.export_to.size() > 5 && o.export_to.ends_with(".json") ? format_round_json(round)
                                                                                               : format_round_text(round));
    if (!o.out.empty()) write_file_atomic(o.out, render_dot(flow_sheet_dot(round, an, d), map_format(o.out)));
    std::cout << (o.json ? round_report_json(round, an, d) + "\n" : table(round, an, d));
}

}  // namespace

void add_round(CLI::App& app) {
    auto o = std::make_shared<RoundOptions>();
    auto* cmd = app.add_subcommand("round", "Judge a debate round from its flow: statuses, flow sheet, decision and RFD.");
    cmd->footer("FILE is a text flow (one move a line: SPEECH [SIDE] MOVE [ID] [> TARGET, ...] [: TEXT] [{weighing}];\n"
                "a speech that made no moves is its name alone on a line),\n"
                "a CSV spreadsheet flow (.csv: columns = speeches, rows = lines of argument) or native JSON (.json).\n"
                "Statuses: open, answered, dropped, extended, conceded, turned, new-in-rebuttal. The paradigm is a\n"
                "Lua script run in the sandbox (shipped ones: --paradigms). See docs/rounds.md.");
    cmd->add_option("file", o->file, "the round's flow (.flow/.txt, .csv or .json)");
    cmd->add_option("-p,--paradigm", o->paradigm, "judge paradigm: a shipped name or a .lua file")->capture_default_str();
    cmd->add_option("--after", o->after, "judge the flow as it stood after this speech");
    add_json(*cmd, o->json, "print statuses and decision as JSON");
    add_output(*cmd, o->out, "draw the flow sheet: .svg, .png, .pdf or .dot");
    cmd->add_option("--export", o->export_to, "write the round as a text flow, or as JSON when it ends in .json");
    cmd->add_flag("--paradigms", o->paradigms, "list the shipped paradigms, one a line");
    cmd->add_flag("--formats", o->formats, "list the built-in debate formats, one a line");
    cmd->add_option("--show-format", o->show_format, "print a built-in format's file, to copy and edit");
    add_timeout(*cmd, o->timeout, "seconds the paradigm script may run");
    cmd->add_option("--max-memory", o->max_memory_mib, "MiB the paradigm script may allocate")->capture_default_str();
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
