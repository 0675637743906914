// agon - the command line. Each command lives in its own file (cmd_*.cpp).
#include <CLI/CLI.hpp>
#include <iostream>

#include "agon/error.hpp"
#include "agon/version.hpp"
#include "cli.hpp"
#include "iccma.hpp"
#include "workbench.hpp"

int main(int argc, char** argv) {
    using namespace agon::cli;
    // The ICCMA interface has its own single-dash options (-fo), parsed by hand.
    if (argc >= 2 && std::string(argv[1]) == "iccma")
        return stdout_checked(run_iccma(std::vector<std::string>(argv + 2, argv + argc)));
    CLI::App app{"agon - argument and debate graph engine.\n"
                 "Claims are nodes; support, attack and undercut are edges. Evaluate which claims stand,\n"
                 "ask why, stress-test positions and render maps.",
                 "agon"};
    app.set_version_flag("--version", std::string("agon ") + AGON_VERSION_STRING);
    app.set_help_all_flag("--help-all", "Print help for every command");
    app.require_subcommand(1);
    app.failure_message([](const CLI::App*, const CLI::Error& e) { return std::string(e.what()); });
    app.add_subcommand("iccma", "The ICCMA 2023 solver interface: -p TASK -f FILE [-a ARG] [-fo FORMAT], "
                                "--problems, --formats (see agon iccma --help).")
        ->allow_extras();
    add_eval(app);
    add_convert(app);
    add_extensions(app);
    add_render(app);
    // `agon run ... -- WORDS`: the words after the first -- go to the script as
    // they are. CLI11 would read them as options once the script's positional
    // arguments were filled (`agon run s.lua a -- -b` failed on -b).
    int parsed_argc = argc;
    std::vector<std::string> script_words;
    if (argc >= 2 && std::string(argv[1]) == "run")
        for (int i = 2; i < argc; ++i)
            if (std::string(argv[i]) == "--") {
                script_words.assign(argv + i + 1, argv + argc);
                parsed_argc = i;
                break;
            }
    add_run(app, std::move(script_words));
    add_explain(app);
    add_hinge(app);
    add_robust(app);
    add_round(app);
    add_report(app);
    agon::workbench::add_serve(app);
    agon::workbench::add_export(app);
    add_diff(app);
    // A misspelt command: CLI11 would only say that a subcommand is required.
    if (argc > 1 && argv[1][0] != '-') {
        const auto commands = app.get_subcommands([](CLI::App*) { return true; });
        std::string known;
        bool found = false;
        for (const CLI::App* c : commands) {
            known += (known.empty() ? "" : ", ") + c->get_name();
            found = found || c->check_name(argv[1]);
        }
        if (!found) {
            print_error(std::string("unknown command '") + argv[1] + "' (commands: " + known + "; see agon --help)");
            return bad_input;
        }
    }
    try {
        app.parse(parsed_argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion&) {
        std::cout << "agon " << AGON_VERSION_STRING << "\n";
        return 0;
    } catch (const CLI::ParseError& e) {
        print_error(std::string(e.what()) + " (see agon --help)");
        return bad_input;
    } catch (const agon::Error& e) {
        print_error(e.what());
        return e.kind() == agon::ErrorKind::cancelled ? 130 : bad_input;
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return bad_input;
    } catch (const std::exception& e) {
        print_error(e.what());
        return bad_input;
    }
    return stdout_checked(exit_code());
}
