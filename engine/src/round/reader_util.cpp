// Shared by the round readers and writers.
#include "reader_util.hpp"

#include <charconv>
#include <vector>

namespace agon::detail {

std::string id_problem(std::string_view id) {
    const std::size_t bad = id.find_first_of(" \t\r\n:>,{}[]");
    if (bad == std::string_view::npos) return {};
    const char c = id[bad];
    const std::string what = c == ' ' ? "a space" : c == '\t' ? "a tab" : c == '\r' || c == '\n' ? "a line break"
                                                                             : std::string("'") + c + "'";
    return "'" + std::string(id) + "' holds " + what +
           ", which a text flow cannot read back in an id (ids are written without spaces, ':', '>', ',', '{', '}', "
           "'[' and ']')";
}

std::string set_weighing(Move& m, std::string_view key, std::string_view value) {
    double x = -1;
    if (value == "high") x = 0.9;
    else if (value == "medium") x = 0.6;
    else if (value == "low") x = 0.3;
    else {
        auto res = std::from_chars(value.data(), value.data() + value.size(), x);
        if (res.ec != std::errc() || res.ptr != value.data() + value.size()) x = -1;
    }
    if (!(x >= 0 && x <= 1)) return "'" + std::string(value) + "' is not a number in [0,1] (or high, medium, low)";
    if (key == "magnitude" || key == "m") m.weighing.magnitude = x;
    else if (key == "probability" || key == "p") m.weighing.probability = x;
    else if (key == "timeframe" || key == "t") m.weighing.timeframe = x;
    else if (key == "reversibility" || key == "r") m.weighing.reversibility = x;
    else if (key == "base") m.base = x;
    else return "unknown weighing '" + std::string(key) + "' (magnitude, probability, timeframe, reversibility, base)";
    return {};
}

std::vector<std::pair<std::string, double>> weighing_items(const Move& m) {
    std::vector<std::pair<std::string, double>> out;
    const Weighing& w = m.weighing;
    if (w.magnitude) out.emplace_back("magnitude", *w.magnitude);
    if (w.probability) out.emplace_back("probability", *w.probability);
    if (w.timeframe) out.emplace_back("timeframe", *w.timeframe);
    if (w.reversibility) out.emplace_back("reversibility", *w.reversibility);
    if (m.base != 0.5) out.emplace_back("base", m.base);
    return out;
}

RoundFormat resolve_format(const std::string& value, const Location& where, const FormatLoader& load) {
    for (const auto& n : round_format_names())
        if (n == value) return builtin_round_format(value);
    if (load) {
        RoundFormat f = load(value, where);
        f.reference = value;
        return f;
    }
    unknown_format(value, where);
}

void unknown_format(const std::string& value, const Location& where) {
    std::string known;
    for (const auto& n : round_format_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorKind::invalid_input, "unknown debate format '" + value + "': neither built in (" + known + ") nor a file",
                where);
}

}  // namespace agon::detail
