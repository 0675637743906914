// Extensions of an extension semantics, on the attack-only reading evaluate uses.
#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "agon/question.hpp"
#include "reading.hpp"
#include "semantics/extensions/projections.hpp"

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
    // Undercuts add auxiliary claims, which are not shown: extensions that
    // differ only in them are one extension to the user, listed and counted once.
    struct Enough {};  // one more than the limit
    auto found = [&](const Extension& claims) {
        if (options.limit > 0 && out.count == options.limit) {  // there are more than asked for
            out.complete = false;
            throw Enough{};
        }
        ++out.count;
        if (options.keep || options.found) {
            std::vector<std::string> ids;
            for (std::uint32_t v : claims) ids.push_back(original.id(v));
            if (options.found) options.found(ids);
            if (options.keep) out.sets.push_back(std::move(ids));
        }
    };
    try {
        const std::uint64_t one_more = options.limit > 0 ? options.limit + 1 : 0;
        detail::enumerate_projections(reading.view->snapshot(), *reading.semantics, original.size(), one_more,
                                      found, control);
    } catch (const Enough&) {
    } catch (const Error& e) {
        if (!options.partial_on_stop || (e.kind() != ErrorKind::cancelled && e.kind() != ErrorKind::limit)) throw;
        out.complete = false;
        out.stopped = e.kind();
    }
    return out;
}

}  // namespace agon
