// agon.Error: every engine error as a Python exception carrying the engine's
// kind and, when the problem sits in a file, its place. Each is raised as a
// subclass of agon.Error that is also the built-in exception that fits
// (agon.Error.KeyError, ...), so both `except agon.Error` and `except KeyError` work.
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

/// agon.Error and its subclasses, one per built-in exception (set once, at import).
struct Classes {
    py::object error, value, key, file_not_found, os;
};
Classes& classes() {
    static auto* c = new Classes;  // never destroyed: the interpreter may outlive static destructors
    return *c;
}

/// agon.Error.<builtin's name>: a subclass of agon.Error and `builtin`, reachable by that name so
/// pickle finds it (multiprocessing sends a worker's exception back pickled). Its str() is the
/// message alone (KeyError's own would quote it).
py::object subclass(PyObject* builtin) {
    const py::handle base = classes().error;
    const std::string name = py::str(py::handle(builtin).attr("__name__"));
    py::dict body;
    body["__module__"] = "agon";
    body["__qualname__"] = "Error." + name;  // repr() keeps the name Error: Error('no claim ...')
    body["__doc__"] = base.attr("__doc__");
    body["__str__"] = py::handle(PyExc_BaseException).attr("__str__");
    const py::handle type(reinterpret_cast<PyObject*>(&PyType_Type));
    py::object cls = type("Error", py::make_tuple(base, py::handle(builtin)), body);
    base.attr(name.c_str()) = cls;
    return cls;
}

/// The class for an error: not_found is a KeyError (an id) or a FileNotFoundError (a file),
/// io an OSError, invalid_input and usage ValueError; limit, cancelled and unsupported
/// have no built-in counterpart.
const py::object& class_for(ErrorKind kind, bool in_file) {
    const Classes& c = classes();
    switch (kind) {
    case ErrorKind::invalid_input:
    case ErrorKind::usage: return c.value;
    case ErrorKind::not_found: return in_file ? c.file_not_found : c.key;
    case ErrorKind::io: return c.os;
    case ErrorKind::limit:
    case ErrorKind::cancelled:
    case ErrorKind::unsupported: break;
    }
    return c.error;
}

py::object make_error(const Error& e) {
    const bool in_file = !e.where().file.empty();
    py::object error = class_for(e.kind(), in_file)(e.what());
    error.attr("kind") = py::str(std::string(kind_name(e.kind())));
    error.attr("message") = e.message();
    error.attr("file") = in_file ? py::object(py::str(e.where().file)) : py::object(py::none());
    error.attr("line") = or_none(e.where().line);
    error.attr("column") = or_none(e.where().column);
    if (in_file && py::isinstance(error, py::handle(PyExc_OSError))) error.attr("filename") = e.where().file;
    return error;
}

}  // namespace

void bind_errors(py::module_& m) {
    static py::exception<Error> type(m, "Error");
    type.attr("__module__") = "agon";
    type.doc() = "An agon error. `kind` is one of invalid_input, usage, not_found, limit, cancelled, io,\n"
                 "unsupported; `file`, `line` and `column` say where in an input file (None when unknown);\n"
                 "`message` is the text without the place; str(error) is the whole one-line message.\n"
                 "It is also the built-in exception that fits: ValueError (invalid_input, usage), KeyError\n"
                 "(not_found: an unknown id), FileNotFoundError (not_found: a missing file), OSError (io),\n"
                 "as agon.Error.ValueError, agon.Error.KeyError, ..., subclasses of both.";
    Classes& c = classes();
    c.error = type;
    c.value = subclass(PyExc_ValueError);
    c.key = subclass(PyExc_KeyError);
    c.file_not_found = subclass(PyExc_FileNotFoundError);
    c.os = subclass(PyExc_OSError);
    m.def("_usage_error", [](const std::string& message) { return make_error(Error(ErrorKind::usage, message)); },
          py::arg("message"), "A usage agon.Error as the engine raises it, for agon's Python part to raise.");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error& e) {
            py::object error = make_error(e);
            PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
        }
    });
}

}  // namespace agon::python
