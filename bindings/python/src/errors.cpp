// agon.Error: every engine error as one Python exception class carrying the
// engine's kind and, when the problem sits in a file, its place.
#include <string_view>

#include "agon/error.hpp"
#include "py_agon.hpp"

namespace agon::python {

namespace {

std::string_view kind_name(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::invalid_input: return "invalid_input";
    case ErrorKind::usage: return "usage";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::limit: return "limit";
    case ErrorKind::cancelled: return "cancelled";
    case ErrorKind::io: return "io";
    case ErrorKind::unsupported: return "unsupported";
    }
    return "usage";
}

py::object or_none(std::uint32_t n) { return n ? py::object(py::int_(n)) : py::object(py::none()); }

}  // namespace

void bind_errors(py::module_& m) {
    static py::exception<Error> type(m, "Error");
    type.attr("__module__") = "agon";
    type.doc() = "An agon error. `kind` is one of invalid_input, usage, not_found, limit, cancelled, io,\n"
                 "unsupported; `file`, `line` and `column` say where in an input file (None when unknown);\n"
                 "`message` is the text without the place; str(error) is the whole one-line message.";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error& e) {
            py::object error = py::reinterpret_borrow<py::object>(type.ptr())(e.what());
            error.attr("kind") = py::str(std::string(kind_name(e.kind())));
            error.attr("message") = e.message();
            error.attr("file") = e.where().file.empty() ? py::object(py::none()) : py::object(py::str(e.where().file));
            error.attr("line") = or_none(e.where().line);
            error.attr("column") = or_none(e.where().column);
            PyErr_SetObject(type.ptr(), error.ptr());
        }
    });
}

}  // namespace agon::python
