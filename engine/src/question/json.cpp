// One JSON writer per answer kind (docs/formats.md §6).
#include <nlohmann/json.hpp>

#include "agon/question.hpp"

namespace agon {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json optional_list(const std::optional<std::vector<std::string>>& list) { return list ? Json(*list) : Json(nullptr); }

Json defeats_json(const std::vector<Defeat>& defeats) {
    Json out = Json::array();
    for (const auto& d : defeats) out.push_back({{"defender", d.defender}, {"attacker", d.attacker}});
    return out;
}

// Lists of claim ids, always an array (also when empty).
Json id_lists(const std::vector<std::vector<std::string>>& lists) {
    Json out = Json::array();
    for (const auto& l : lists) out.push_back(l);
    return out;
}

}  // namespace

std::string to_json(const Extensions& e) {
    return dump(Json{{"semantics", e.semantics}, {"complete", e.complete}, {"extensions", id_lists(e.sets)}});
}

std::string to_json(const Explanation& why) {
    Json j;
    j["claim"] = why.claim;
    j["semantics"] = why.semantics;
    if (why.support != SupportMode::none) j["support"] = std::string(to_string(why.support));
    switch (why.kind) {
        case ExplanationKind::dispute_tree:
            j["label"] = std::string(to_string(why.label));
            j["defeats"] = defeats_json(why.defeats);
            j["cycle"] = why.cycle;
            j["path"] = why.path;
            break;
        case ExplanationKind::extension_witness:
            j["credulous"] = why.credulous;
            j["skeptical"] = why.skeptical;
            j["has_extension"] = why.has_extension;
            j["witness"] = optional_list(why.witness);
            j["defence"] = defeats_json(why.defence);
            j["undefended"] = why.undefended;
            j["counter"] = optional_list(why.counter);
            break;
        case ExplanationKind::attributions: {
            j["value"] = why.value;
            Json list = Json::array();
            for (const auto& c : why.attributions)
                list.push_back({{"claim", c.claim}, {"removal", c.removal}, {"gradient", c.gradient}});
            j["attributions"] = list;
            break;
        }
    }
    return dump(j);
}

std::string to_json(const Hinge& h) {
    return dump(Json{{"claim", h.claim},
                     {"semantics", h.semantics},
                     {"exact", h.exact},
                     {"at_least", h.at_least},
                     {"evaluations", h.evaluations},
                     {"sets", id_lists(h.sets)}});
}

std::string to_json(const RobustnessReport& r) {
    Json j{{"semantics", r.semantics}, {"samples", r.samples}, {"seed", r.seed}};
    Json claims = Json::object();
    for (const auto& c : r.claims) {
        Json x;
        if (r.labels) {
            x["p_in"] = c.p_in;
            x["p_undec"] = c.p_undec;
            x["p_out"] = c.p_out;
        } else {
            x["mean"] = c.mean;
            x["stddev"] = c.stddev;
            x["q05"] = c.q05;
            x["q95"] = c.q95;
        }
        claims[c.id] = x;
    }
    j["claims"] = claims;
    return dump(j);
}

std::string to_json(const Diff& diff) {
    auto side = [](const std::optional<Label>& l, const std::optional<double>& s) -> Json {
        if (l) return std::string(to_string(*l));
        if (s) return *s;
        return nullptr;
    };
    Json list = Json::array();
    for (const Change& c : diff) {
        Json j;
        j["id"] = c.id;
        j["before"] = side(c.label_before, c.strength_before);
        j["after"] = side(c.label_after, c.strength_after);
        list.push_back(j);
    }
    return dump(list);
}

}  // namespace agon
