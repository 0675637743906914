#include "agon/error.hpp"

namespace agon {

namespace {
std::string with_location(const std::string& message, const Location& where) {
    if (where.file.empty() && where.line == 0) return message;
    std::string out = where.file.empty() ? std::string("<input>") : where.file;
    if (where.line > 0) {
        out += ":" + std::to_string(where.line);
        if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    return out + ": " + message;
}
}  // namespace

Error::Error(ErrorKind kind, const std::string& message, Location where)
    : std::runtime_error(with_location(message, where)),
      kind_(kind),
      where_(std::move(where)),
      message_(message) {}

}  // namespace agon
