// Built when cairo, pango or librsvg is missing: the report has no PDF form.
#include "agon/error.hpp"
#include "agon/report.hpp"

namespace agon {

bool report_pdf_available() noexcept { return false; }

std::string report_pdf(const Report&) {
    throw Error(ErrorKind::unsupported, "this agon was built without cairo, pango and librsvg, so it cannot write PDF; "
                                        "write the report as .html");
}

}  // namespace agon
