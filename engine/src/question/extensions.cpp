// Extensions of an extension semantics, on the attack-only reading evaluate uses.
#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "agon/question.hpp"
#include "reading.hpp"

namespace agon {

Extensions extensions(const Subject& subject, const Request& request, const ExtensionsOptions& options,
                      const Control& control) {
    const Reading reading = extension_reading(subject.snapshot(), request, control);
    if (!reading.semantics)
        throw Error(ErrorKind::usage, "'" + request.semantics + "' has no extensions (extension semantics: " +
                                          extension_semantics_list() + ")");
    if (reading.mode == SupportMode::evidential)
        throw Error(ErrorKind::usage, "support=evidential has no extensions; use none, deductive or necessary");
    const Snapshot& original = subject.snapshot();
    Extensions out;
    out.semantics = request.semantics;
    auto found = [&](const Extension& e) {
        ++out.count;
        if (!options.keep && !options.found) return;
        std::vector<std::string> ids;
        for (std::uint32_t v : e)
            if (v < original.size()) ids.push_back(original.id(v));  // auxiliary claims are not shown
        if (options.found) options.found(ids);
        if (options.keep) out.sets.push_back(std::move(ids));
    };
    try {
        enumerate(reading.view->snapshot(), *reading.semantics, options.limit, found, control);
    } catch (const Error& e) {
        if (!options.partial_on_stop || (e.kind() != ErrorKind::cancelled && e.kind() != ErrorKind::limit)) throw;
        out.complete = false;
        out.stopped = e.kind();
    }
    return out;
}

}  // namespace agon
