#include "reading.hpp"

namespace agon {

Reading extension_reading(const Snapshot& s, const Request& request, const Control& control) {
    Reading r;
    r.mode = support_mode(request);
    if (!gives_labels(request.semantics)) return r;
    r.semantics = extension_semantics_from_string(request.semantics);
    if (!r.semantics) return r;  // labels without extensions (Carneades)
    request.only({"support"});
    if (r.mode != SupportMode::evidential) r.view.emplace(s, r.mode, control);
    return r;
}

std::string extension_semantics_list() { return "grounded, complete, preferred, stable, semi-stable, stage, ideal"; }

}  // namespace agon
