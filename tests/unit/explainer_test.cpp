// One Explainer for many claims (question.hpp) gives what explain() gives for
// each, under every kind of explanation: dispute trees (with undecided
// cycles), witnesses and attributions, with and without an answer held.
#include <doctest/doctest.h>

#include <random>

#include "agon/question.hpp"
#include "same_answer.hpp"

using namespace agon;

namespace {

// Everything an explanation holds: its JSON and the attackers the JSON leaves out.
std::string all_of(const Explanation& why) {
    std::string out = to_json(why);
    for (const auto& [id, list] : why.attackers) {
        out += "\n" + id + ":";
        for (const auto& a : list) out += " " + a;
    }
    return out;
}

}  // namespace

TEST_CASE("an Explainer answers for every claim as explain() does") {
    std::mt19937 rng(20261205);
    const std::vector<Request> requests = {{"grounded", {}}, {"grounded", {{"support", "deductive"}}},
                                           {"preferred", {}}, {"dfquad", {}}};
    for (int round = 0; round < 6; ++round) {
        const auto g = test::random_claim_graph(rng, 12, round < 3 ? 10 : 24);
        const Subject subject(*g);
        for (const Request& request : requests) {
            CAPTURE(round);
            CAPTURE(request.semantics);
            const Result answer = evaluate(subject, request);
            const Explainer plain(subject, request), held(subject, request, &answer);
            for (const Claim& c : g->claims()) {
                CAPTURE(c.id);
                const std::string want = all_of(explain(subject, request, c.id));
                CHECK(all_of(plain.of(c.id)) == want);
                CHECK(all_of(held.of(c.id)) == all_of(explain(subject, request, c.id, answer)));
            }
            CHECK_THROWS_AS(plain.of("no such claim"), Error);
        }
    }
}
