// Parsing JSON for the readers (graph, AIF, rounds, debate formats, uncertainty).
#include "io/json_document.hpp"

#include "io/formats.hpp"

namespace agon::detail {

std::string plain_json_message(const nlohmann::json::exception& e) {
    std::string m = e.what();
    if (!m.empty() && m.front() == '[')
        if (const std::size_t end = m.find("] "); end != std::string::npos) m.erase(0, end + 2);
    return m;
}

nlohmann::json parse_json_document(std::string_view text, const std::string& name, std::size_t max_depth) {
    check_depth(text, name, max_depth);
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // "parse error at line 3, column 5: syntax error ...": the place goes
        // into the location, the rest is the message.
        std::string m = plain_json_message(e);
        if (const std::size_t cut = m.find(": "); m.rfind("parse error", 0) == 0 && cut != std::string::npos)
            m.erase(0, cut + 2);
        fail_at(text, e.byte > 0 ? e.byte - 1 : 0, name, "invalid JSON: " + m);
    } catch (const nlohmann::json::exception& e) {
        fail_at(text, 0, name, "invalid JSON: " + plain_json_message(e));
    }
}

}  // namespace agon::detail
