// Parsing JSON for the readers (graph, AIF, rounds, debate formats, uncertainty).
#include "io/json_document.hpp"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

#include "io/formats.hpp"

namespace agon::detail {

namespace {

// One pass over the text before the parser sees it: nesting deeper than
// `max_depth` is a limit error (the parser recurses), and a key repeated in
// one object an input error at its second place (the parser would silently
// keep the last value, so a typo'd copy would hide the value meant).
class StructureCheck {
public:
    StructureCheck(std::string_view text, const std::string& name, std::size_t max_depth)
        : text_(text), name_(name), max_depth_(max_depth) {}

    void run() {
        bool expect_key = false;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const char c = text_[i];
            if (c == '"') {
                const std::size_t end = json_string_end(text_, i);
                if (expect_key) add_key(key_text(i, end), i);
                expect_key = false;
                i = end - 1;
            } else if (c == '{' || c == '[') {
                if (frames_.size() + 1 > max_depth_)
                    throw Error(ErrorKind::limit, "nesting deeper than " + std::to_string(max_depth_) + " levels",
                                locate(text_, i, name_));
                frames_.push_back({c == '{', keys_.size()});
                expect_key = c == '{';
            } else if ((c == '}' || c == ']') && !frames_.empty()) {
                close_frame();
                expect_key = false;
            } else if (c == ',') {
                expect_key = !frames_.empty() && frames_.back().object;
            }
        }
    }

private:
    struct Frame {
        bool object;            // an object, whose keys are checked; else an array
        std::size_t first_key;  // its keys are keys_[first_key..]
    };
    using Key = std::pair<std::string_view, std::size_t>;  // raw key text, offset of its quote
    static constexpr std::size_t kLinear = 32;               // keys checked one by one up to this many

    // A key as the parser will read it: escapes ("t\u0065xt") decoded, which
    // is rare and then costs a small parse; kept in decoded_ so views stay valid.
    std::string_view key_text(std::size_t open, std::size_t end) {
        const std::string_view raw = text_.substr(open + 1, end - open - 2);
        if (raw.find('\\') == std::string_view::npos) return raw;
        try {
            decoded_.push_back(nlohmann::json::parse(text_.substr(open, end - open)).get<std::string>());
        } catch (const nlohmann::json::exception&) {
            return raw;  // malformed: the parser reports it
        }
        return decoded_.back();
    }

    void add_key(std::string_view key, std::size_t at) {
        const std::size_t first = frames_.back().first_key;
        if (keys_.size() - first < kLinear)
            for (std::size_t k = first; k < keys_.size(); ++k)
                if (keys_[k].first == key) repeated(keys_[k], at);
        keys_.emplace_back(key, at);
    }

    // A large object is checked once, sorted, when it closes.
    void close_frame() {
        const std::size_t first = frames_.back().first_key;
        frames_.pop_back();
        if (keys_.size() - first > kLinear) {
            std::vector<Key> sorted(keys_.begin() + static_cast<std::ptrdiff_t>(first), keys_.end());
            std::sort(sorted.begin(), sorted.end());
            // Of all repeats, the one whose second place comes first in the file.
            const Key* was = nullptr;
            std::size_t again = std::string_view::npos;
            for (std::size_t k = 1; k < sorted.size(); ++k)
                if (sorted[k].first == sorted[k - 1].first && sorted[k].second < again)
                    was = &sorted[k - 1], again = sorted[k].second;
            if (was) repeated(*was, again);
        }
        keys_.resize(first);
    }

    [[noreturn]] void repeated(const Key& first, std::size_t again) const {
        const Location was = locate(text_, first.second, name_);
        fail_at(text_, again, name_,
                "key \"" + std::string(first.first) + "\" appears twice in one object (first at line " +
                    std::to_string(was.line) + ", column " + std::to_string(was.column) + ")");
    }

    std::string_view text_;
    const std::string& name_;
    std::size_t max_depth_;
    std::vector<Frame> frames_;
    std::vector<Key> keys_;
    std::deque<std::string> decoded_;  // keys with escapes, decoded (a deque keeps their addresses)
};

}  // namespace

std::string plain_json_message(const nlohmann::json::exception& e) {
    std::string m = e.what();
    if (!m.empty() && m.front() == '[')
        if (const std::size_t end = m.find("] "); end != std::string::npos) m.erase(0, end + 2);
    return m;
}

nlohmann::json parse_json_document(std::string_view text, const std::string& name, std::size_t max_depth) {
    StructureCheck(text, name, max_depth).run();
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
