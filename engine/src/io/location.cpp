// Byte offsets to line:column for error messages.
#include "formats.hpp"

namespace agon::detail {

Location locate(std::string_view text, std::size_t offset, const std::string& name) {
    if (offset > text.size()) offset = text.size();
    Location loc{name, 1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++loc.line;
            loc.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++loc.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return loc;
}

void fail_at(std::string_view text, std::size_t offset, const std::string& name, const std::string& message) {
    throw Error(ErrorKind::invalid_input, message, locate(text, offset, name));
}

}  // namespace agon::detail
