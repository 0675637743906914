// agon convert IN --to FORMAT [-o OUT]
#include <CLI/CLI.hpp>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "cli.hpp"

namespace agon::cli {

namespace {

struct ConvertOptions {
    std::string file;
    std::string from;
    std::string to;
    std::string out;
    std::string support;
};

void run(const ConvertOptions& o) {
    auto to = format_option(o.to);
    if (!to) throw Error(ErrorKind::usage, "--to is required");
    refuse_overwriting_input(o.file, o.out);
    std::string text = read_file(o.file);
    Format from = o.from.empty() ? with_hint(ErrorKind::usage, "--from FORMAT", [&] { return detect_format(o.file, text); })
                                 : *format_option(o.from);
    // Framework to framework stays on the fast path (no per-argument strings).
    if (is_framework_format(from) && is_framework_format(*to) && o.support.empty()) {
        emit(o.out, format_framework(parse_framework(text, from, o.file), *to));
        return;
    }
    Warnings warnings;
    Graph g = parse_graph(text, from, o.file, &warnings);
    if (!o.support.empty()) {
        auto mode = support_mode_from_string(o.support);
        if (!mode) throw Error(ErrorKind::usage, "--support must be none, deductive or necessary");
        // Evidential support is a reading of grounded semantics, not a set of
        // derived attacks (flattening it failed on a duplicate edge id).
        if (*mode == SupportMode::evidential)
            throw Error(ErrorKind::usage, "--support evidential has no attack-only framework to export "
                                          "(none, deductive or necessary)");
        g = flatten(g, *mode);
    }
    std::string result = format_graph(g, *to, &warnings);
    print_warnings(warnings);
    emit(o.out, result);
}

}  // namespace

void add_convert(CLI::App& app) {
    auto o = std::make_shared<ConvertOptions>();
    auto* cmd = app.add_subcommand("convert", "Convert a graph between formats.");
    cmd->footer("Formats: json (native), i23, apx, tgf, argdown, aif, xaif (AIF as OVA3 exports it), kialo and\n"
                "carneades (read only), dot (write only). The input format comes from the file extension or --from;\n"
                "a .json file is AIF when its top-level keys include \"nodes\" or \"AIF\" and not \"format\".\n"
                "Lossy conversions (e.g. to apx, which keeps only attacks) say what was lost on stderr.\n"
                "The output file is replaced atomically; without -o the result goes to stdout.");
    add_input(*cmd, o->file, o->from, "input file");
    cmd->add_option("--to", o->to, "output format")->required();
    add_output(*cmd, o->out, "output file (default: stdout)");
    cmd->add_option("--support", o->support,
                    "first turn supports into attacks (deductive, necessary) and undercuts into auxiliary "
                    "claims, as extension semantics see them");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::cli
