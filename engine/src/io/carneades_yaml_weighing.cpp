// Carneades 4 weighing functions and scheme metadata in YAML (see carneades_yaml_weighing.hpp).
#include "io/carneades_yaml_weighing.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>

#include "agon/error.hpp"

namespace agon::detail::carneades_io {

namespace {

[[noreturn]] void bad(const YAML::Node& at, const std::string& name, const std::string& m) {
    const YAML::Mark mark = at.Mark();
    throw Error(ErrorKind::invalid_input, m,
                mark.is_null() ? Location{name, 0, 0}
                               : Location{name, static_cast<std::uint32_t>(mark.line + 1),
                                          static_cast<std::uint32_t>(mark.column + 1)});
}

bool is_integer(const std::string& s, double& out) {
    long long v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
    out = static_cast<double>(v);
    return true;
}

bool is_real(const std::string& s, double& out) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

double number(const YAML::Node& n, const std::string& name, const std::string& what) {
    double v = 0;
    if (!n.IsScalar() || !(is_integer(n.Scalar(), v) || is_real(n.Scalar(), v))) bad(n, name, what + " must be a number");
    return v;
}

PropertyOrder property_order(const YAML::Node& n, const std::string& name) {
    if (!n.IsMap()) bad(n, name, "a preference needs 'property' and 'order'");
    PropertyOrder p;
    for (const auto& kv : n) {
        const std::string key = lower(kv.first.Scalar());
        if (key == "property") {
            if (!kv.second.IsScalar()) bad(kv.second, name, "a preference property must be a name");
            p.property = kv.second.Scalar();
        } else if (key == "order" && kv.second.IsScalar()) {
            const std::string o = lower(kv.second.Scalar());
            if (o != "ascending" && o != "descending") bad(kv.second, name, "a preference order is ascending, descending or a list of values");
            p.ascending = o == "ascending";
        } else if (key == "order" && kv.second.IsSequence()) {
            for (const auto& v : kv.second) {
                if (!v.IsScalar()) bad(v, name, "a preference order lists plain values");
                p.values.push_back(lower(v.Scalar()));
            }
        } else {
            bad(kv.first, name, "a preference has 'property' and 'order', not '" + kv.first.Scalar() + "'");
        }
    }
    return p;
}

void criteria(const YAML::Node& n, Weighing& w, const std::string& name) {
    if (!n.IsMap()) bad(n, name, "criteria need 'hard' and 'soft'");
    for (const auto& kv : n) {
        const std::string key = lower(kv.first.Scalar());
        if (key == "hard") {
            if (!kv.second.IsSequence()) bad(kv.second, name, "criteria 'hard' is a list of premise indices");
            for (const auto& i : kv.second) {
                double v = 0;
                if (!i.IsScalar() || !is_integer(i.Scalar(), v)) bad(i, name, "a hard criterion is a premise index");
                w.hard.push_back(static_cast<long long>(v));
            }
        } else if (key == "soft") {
            if (!kv.second.IsMap()) bad(kv.second, name, "criteria 'soft' maps properties to a factor and values");
            for (const auto& s : kv.second) {
                SoftCriterion c;
                c.property = s.first.Scalar();
                if (!s.second.IsMap()) bad(s.second, name, "soft criterion '" + c.property + "' needs a factor and values");
                for (const auto& f : s.second) {
                    const std::string k = lower(f.first.Scalar());
                    if (k == "factor") {
                        c.factor = number(f.second, name, "a factor");
                    } else if (k == "values" && f.second.IsMap()) {
                        for (const auto& v : f.second) {
                            const double x = number(v.second, name, "a criterion value");
                            if (!(x >= 0 && x <= 1)) bad(v.second, name, "a criterion value must be in [0,1]");
                            c.values.emplace_back(v.first.Scalar(), x);
                        }
                    } else {
                        bad(f.first, name, "soft criterion '" + c.property + "' has 'factor' and 'values', not '" + f.first.Scalar() + "'");
                    }
                }
                w.soft.push_back(std::move(c));
            }
        } else {
            bad(kv.first, name, "criteria have 'hard' and 'soft', not '" + kv.first.Scalar() + "'");
        }
    }
}

}  // namespace

Weighing read_weighing(const YAML::Node& n, const std::map<std::string, Weighing>& named, const std::string& name) {
    if (!n || n.IsNull()) return named.at("linked");
    if (n.IsScalar()) {
        auto it = named.find(lower(n.Scalar()));
        if (it == named.end()) bad(n, name, "weighing function '" + n.Scalar() + "' is not defined");
        return it->second;
    }
    if (!n.IsMap()) bad(n, name, "a weighing function is a name or one of constant, criteria, preference");
    Weighing w;
    for (const auto& kv : n) {
        const std::string key = lower(kv.first.Scalar());
        const YAML::Node& v = kv.second;
        if (key == "constant") {
            w.kind = "constant";
            double x = 0;
            if (!v.IsScalar() || !(is_integer(v.Scalar(), x) || is_real(v.Scalar(), x)) || !(x >= 0 && x <= 1))
                bad(v, name, "a scheme's constant weight must be a number in [0,1]");
            w.constant = x;
        } else if (key == "criteria") {
            w.kind = "criteria";
            criteria(v, w, name);
        } else if (key == "preference") {
            w.kind = "preference";
            if (v.IsSequence())
                for (const auto& p : v) w.preference.push_back(property_order(p, name));
            else
                w.preference.push_back(property_order(v, name));
        } else {
            bad(kv.first, name, "a weighing function is constant, criteria or preference, not '" + kv.first.Scalar() + "'");
        }
    }
    return w;
}

Metadata read_metadata(const YAML::Node& meta) {
    Metadata out;
    for (const auto& kv : meta) {
        if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
        MetaValue v;
        v.text = kv.second.Scalar();
        const bool plain = kv.second.Tag() != "!";  // a quoted value is a string
        if (plain && is_integer(v.text, v.number)) v.type = MetaValue::Type::integer;
        else if (plain && is_real(v.text, v.number)) v.type = MetaValue::Type::real;
        else v.type = MetaValue::Type::string;
        out[kv.first.Scalar()] = v;
    }
    return out;
}

}  // namespace agon::detail::carneades_io
