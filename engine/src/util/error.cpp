#include "agon/error.hpp"

namespace agon {

namespace {
std::string with_location(const std::string& message, const Location& where) {
    if (where.file.empty() && where.line == 0) return message;
    std::string out;
    out.reserve(where.file.size() + message.size() + 24);
    out.append(where.file.empty() ? "<input>" : where.file);
    if (where.line > 0) {
        out.append(":").append(std::to_string(where.line));
        if (where.column > 0) out.append(":").append(std::to_string(where.column));
    }
    out.append(": ").append(message);
    return out;
}
}  // namespace

Error::Error(ErrorKind kind, const std::string& message, Location where)
    : std::runtime_error(with_location(message, where)),
      kind_(kind),
      where_(std::move(where)),
      message_(message) {}

}  // namespace agon
