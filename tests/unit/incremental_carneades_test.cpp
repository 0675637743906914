// IncrementalEvaluation under Carneades: the weighing a Carneades graph keeps
// in claim attributes (format, weighing, preference, criteria; docs/formats.md
// §1) reaches the evaluation as it does through Snapshot::of - for the base
// graph's claims, for claims added, added again or switched on again, and
// through set_scenario - on every Carneades fixture of the shared data.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "agon/error.hpp"
#include "agon/incremental.hpp"
#include "agon/io.hpp"
#include "agon/question.hpp"
#include "agon/scenario.hpp"
#include "same_answer.hpp"

using namespace agon;

namespace {

const Request kCarneades{"carneades", {}};

std::vector<std::filesystem::path> carneades_fixtures() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(AGON_SHARED_DIR) + "/data/formats/carneades"))
        if (entry.path().extension() == ".yml") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The fixture's own labels (NAME.labels.json) where it needs nothing outside
// the explicit graph: its tests block, and every label when it is complete.
std::map<std::string, std::string> oracle_labels(const std::filesystem::path& yml) {
    std::filesystem::path file = yml;
    file.replace_extension(".labels.json");
    std::map<std::string, std::string> want;
    std::ifstream in(file);
    if (!in) return want;
    const nlohmann::json j = nlohmann::json::parse(in);
    if (!j.value("requires", nlohmann::json::array()).empty()) return want;
    for (const char* label : {"in", "out", "undecided"})
        for (const auto& id : j["tests"].value(label, nlohmann::json::array()))
            want[id.get<std::string>()] = label == std::string("undecided") ? "undec" : label;
    if (j.value("complete", false))
        for (const auto& [id, label] : j["labels"].items())
            want[id] = label.get<std::string>() == "undecided" ? "undec" : label.get<std::string>();
    return want;
}

// live's answer, and that of a second evaluation that takes live's scenario
// whole (set_scenario, as the workbench's clicks do), equal evaluate's.
void check_same(IncrementalEvaluation& live, IncrementalEvaluation& follower) {
    const Result want = evaluate(Subject(live.scenario()), kCarneades);
    test::check_same_answer(live.result(), want);
    follower.set_scenario(live.scenario());
    test::check_same_answer(follower.result(), want);
}

// One random edit of a Carneades graph, made on both the live evaluation and
// the scenario the check compares with. Returns false when refused.
bool random_edit(std::mt19937& rng, IncrementalEvaluation& live, const Graph& base, int step) {
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const Scenario& now = live.scenario();
    const Claim& some = base.claims()[pick(base.claims().size())];
    const double x = static_cast<double>(pick(21)) / 20;  // on a grid: ties and exact 0 and 1 occur
    try {
        switch (pick(8)) {
            case 0:
            case 1: live.remove_claim(some.id); break;
            case 2: live.restore_claim(some.id); break;
            case 3: {
                // A copy of a claim (argument claims carry the weighing), with
                // the copies of its edges whose other end is there.
                Claim copy = some;
                copy.id = some.id + "#" + std::to_string(step);
                live.add_claim(copy);
                for (const Edge& e : base.edges()) {
                    if (e.kind == EdgeKind::undercut || (e.from != some.id && e.to != some.id)) continue;
                    Edge twin = e;
                    twin.id.clear();
                    if (twin.from == some.id) twin.from = copy.id;
                    if (twin.to == some.id) twin.to = copy.id;
                    if (now.has_claim(twin.from) && now.has_claim(twin.to)) live.add_edge(twin);
                }
                break;
            }
            case 4: {
                // A removed base claim added again (a new claim of that id,
                // attributes and all), with one of its edges.
                if (now.has_claim(some.id)) live.remove_claim(some.id);
                live.add_claim(some);
                for (const Edge& e : base.edges())
                    if (e.kind != EdgeKind::undercut && (e.from == some.id || e.to == some.id) &&
                        now.has_claim(e.from) && now.has_claim(e.to)) {
                        live.add_edge({.kind = e.kind, .from = e.from, .to = e.to, .weight = e.weight});
                        break;
                    }
                break;
            }
            case 5: live.set_base(some.id, x); break;
            case 6:
                if (!base.edges().empty()) live.set_weight(base.edges()[pick(base.edges().size())].id, x);
                break;
            default:
                if (!base.edges().empty()) live.remove_edge(base.edges()[pick(base.edges().size())].id);
                break;
        }
    } catch (const Error&) {
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("incremental Carneades reads the weighing in claim attributes, as evaluate does, on every fixture and under random edits") {
    const auto fixtures = carneades_fixtures();
    REQUIRE(fixtures.size() >= 20);
    std::mt19937 rng(20261205);
    std::size_t weighed = 0, oracle_checked = 0;
    for (const auto& file : fixtures) {
        CAPTURE(file.filename().string());
        const auto base = std::make_shared<const Graph>(load_graph(file.string()));
        weighed += std::any_of(base->claims().begin(), base->claims().end(), [](const Claim& c) {
            return c.attribute("weighing") != nullptr || c.attribute("format") != nullptr;
        });
        IncrementalEvaluation live(Scenario(base, "what-if"), kCarneades);
        IncrementalEvaluation follower(Scenario(base, "follower"), kCarneades);
        // Before any edit: the fixture's own labels and evaluate's.
        const Result first = live.result();
        test::check_same_answer(first, evaluate(Subject(*base), kCarneades));
        const auto want = oracle_labels(file);
        for (const auto& [id, label] : want) {
            CAPTURE(id);
            CHECK(to_string(live.label(id)) == label);
        }
        oracle_checked += !want.empty();
        check_same(live, follower);
        for (int step = 0; step < 40; ++step) {
            if (!random_edit(rng, live, *base, step)) continue;
            CAPTURE(step);
            check_same(live, follower);
        }
    }
    // Nearly every fixture keeps evaluation attributes, and most have labels to check.
    CHECK(weighed + 2 >= fixtures.size());
    CHECK(oracle_checked >= 15);
}

TEST_CASE("incremental Carneades: a claim added with weighing attributes is weighed, and changing them re-weighs it") {
    // Two positions of one issue under preponderance; q's argument a1 weighs
    // 0.2 by its scheme (weighing `constant`, the weight on its conclusion edge).
    const auto base = std::make_shared<const Graph>(parse_graph(
        "statements:\n  p: P\n  q: Q\n  r: R\nissues:\n  i1:\n    positions: [p, q]\n    standard: PE\n"
        "argument_schemes:\n  - id: light\n    weight:\n      constant: 0.2\n"
        "arguments:\n  a1: {scheme: light, conclusion: q, premises: [r]}\nassumptions: [r]\n",
        Format::carneades, "c.yml"));
    REQUIRE(base->find_claim("a1")->attribute("weighing") != nullptr);
    CHECK(*base->find_claim("a1")->attribute("weighing") == "constant");
    IncrementalEvaluation live(Scenario(base, "what-if"), kCarneades);
    IncrementalEvaluation follower(Scenario(base, "follower"), kCarneades);
    check_same(live, follower);
    CHECK(live.label("q") == Label::in);
    // An argument for p weighing 0.1 (constant, as the reader writes one):
    // lighter than a1, so q stays in. Read without its attribute it would be
    // `linked`, weigh 1 and put p in.
    auto argument_for_p = [](const std::string& weighing) {
        return Claim{.id = "a2", .text = "a2", .kind = ClaimKind::argument, .attributes = {{"weighing", weighing}}};
    };
    live.add_claim(argument_for_p("constant"));
    live.add_edge({.kind = EdgeKind::support, .from = "r", .to = "a2", .weight = 1.0});
    live.add_edge({.kind = EdgeKind::support, .from = "a2", .to = "p", .weight = 0.1});
    check_same(live, follower);
    CHECK(live.label("p") == Label::out);
    CHECK(live.label("q") == Label::in);
    // The same what-if but for a2's weighing, now `linked` (a new what-if, as
    // a click sends one): the follower takes the attribute change through
    // set_scenario, and a2 now outweighs a1.
    Scenario linked(base, "linked");
    linked.add_claim(argument_for_p("linked"))
        .add_edge({.kind = EdgeKind::support, .from = "r", .to = "a2", .weight = 1.0})
        .add_edge({.kind = EdgeKind::support, .from = "a2", .to = "p", .weight = 0.1});
    follower.set_scenario(linked);
    test::check_same_answer(follower.result(), evaluate(Subject(linked), kCarneades));
    CHECK(follower.label("p") == Label::in);
    CHECK(follower.label("q") == Label::out);
}
