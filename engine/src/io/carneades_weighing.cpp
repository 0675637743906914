// Carneades 4 weighing functions (see carneades_weighing.hpp).
#include "io/carneades_weighing.hpp"

#include <algorithm>
#include <charconv>

namespace agon::detail::carneades_io {

std::string number_text(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

namespace {

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

// a before b (a weaker), decided by the first property that tells them apart;
// values of different types are not compared. Carneades' own comparator moves
// on to the next property when a value ranks higher in an explicit order, so
// that a later property can overturn an earlier one; agon keeps the order the
// format documents (lex.yml: "lex superior followed by lex posterior").
bool weaker(const Metadata& a, const Metadata& b, const std::vector<PropertyOrder>& order) {
    for (const auto& p : order) {
        auto ia = a.find(p.property), ib = b.find(p.property);
        if (ia == a.end() || ib == b.end()) continue;
        const MetaValue &x = ia->second, &y = ib->second;
        if (x.type != y.type || x.type == MetaValue::Type::other) continue;
        if (x.type == MetaValue::Type::string) {
            if (x.text == y.text) continue;
            const bool dx = is_date(x.text), dy = is_date(y.text);
            if (dx && dy) return p.ascending ? x.text < y.text : x.text > y.text;  // ISO dates sort as text
            if (dx || dy) continue;
            if (!p.values.empty()) {
                auto rank = [&](const std::string& v) {
                    return std::find(p.values.begin(), p.values.end(), v) - p.values.begin();
                };
                if (rank(x.text) == rank(y.text)) continue;
                return rank(x.text) < rank(y.text);
            }
            return x.text < y.text;
        }
        if (x.number == y.number) continue;
        return p.ascending ? x.number < y.number : x.number > y.number;
    }
    return false;
}

}  // namespace

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::map<std::string, Weighing> basic_weighings() {
    std::map<std::string, Weighing> out;
    for (const char* k : {"linked", "convergent", "cumulative", "factorized"}) out[k].kind = k;
    return out;
}

std::vector<double> preference_weights(std::size_t count, const std::vector<const Weighing*>& weighings,
                                       const std::vector<const Metadata*>& metas,
                                       const std::function<std::string(std::size_t)>& issue_of) {
    std::vector<double> out(count, 1.0);
    for (std::size_t i = 0; i < count; ++i) {
        if (weighings[i]->kind != "preference") continue;
        const std::string issue = issue_of(i);
        if (issue.empty()) continue;
        std::vector<std::size_t> rivals;
        for (std::size_t j = 0; j < count; ++j)
            if (issue_of(j) == issue) rivals.push_back(j);
        const auto& order = weighings[i]->preference;
        auto less = [&](std::size_t a, std::size_t b) { return weaker(*metas[a], *metas[b], order); };
        std::stable_sort(rivals.begin(), rivals.end(), less);
        // Groups of arguments neither of which is weaker than the other.
        std::size_t groups = 0, mine = 0;
        for (std::size_t k = 0; k < rivals.size(); ++k) {
            if (k == 0 || less(rivals[k - 1], rivals[k]) || less(rivals[k], rivals[k - 1])) ++groups;
            if (rivals[k] == i) mine = groups;
        }
        out[i] = static_cast<double>(mine) / static_cast<double>(groups);
    }
    return out;
}

std::string criteria_attribute(const Weighing& w, const std::vector<std::string>& premises) {
    std::string lines;
    auto line = [&](const std::string& l) { lines += (lines.empty() ? "" : "\n") + l; };
    for (long long k : w.hard)
        if (k >= 0 && static_cast<std::size_t>(k) < premises.size()) line("hard:" + premises[k]);
    for (const auto& s : w.soft) {
        line("soft:" + s.property + ":" + number_text(s.factor));
        for (const auto& [object, value] : s.values) line("value:" + s.property + ":" + object + "=" + number_text(value));
    }
    return lines;
}

}  // namespace agon::detail::carneades_io
