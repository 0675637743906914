/* Build the core of the Mexico–United States security debate through the C
 * interface, evaluate it under grounded semantics and print what stands.
 *   cc mexico_us.c $(pkg-config --cflags --libs agon) -o mexico_us */
#include <agon.h>
#include <stdio.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        if ((call) != AGON_OK) {                                             \
            fprintf(stderr, "mexico_us: %s\n", agon_last_error());           \
            return 1;                                                        \
        }                                                                    \
    } while (0)

int main(void) {
    static const char* claims[][2] = {
        {"designation", "Designate Mexican cartels as foreign terrorist organisations"},
        {"demand", "U.S. drug demand drives the violence in Mexico"},
        {"lack_of_results", "Mexico shows a lack of results against the cartels"},
        {"guns", "About 70% of guns in Mexican gun crimes are linked to U.S. firearms"},
        {"incursion", "Designation could be used to justify a U.S. military incursion"},
        {"treaty", "A bilateral Mexico–U.S. security treaty is the better path"},
    };
    agon_graph* g = NULL;
    agon_result* r = NULL;
    size_t i, n;

    CHECK(agon_graph_new("Mexico–United States security debate (core)", &g));
    for (i = 0; i < sizeof claims / sizeof claims[0]; ++i) CHECK(agon_graph_add_claim(g, claims[i][0], claims[i][1], 0.5));
    CHECK(agon_graph_add_edge(g, NULL, AGON_SUPPORT, "guns", "demand", 1.0));
    CHECK(agon_graph_add_edge(g, NULL, AGON_ATTACK, "demand", "lack_of_results", 1.0));
    CHECK(agon_graph_add_edge(g, NULL, AGON_ATTACK, "lack_of_results", "demand", 1.0));
    CHECK(agon_graph_add_edge(g, NULL, AGON_SUPPORT, "lack_of_results", "designation", 1.0));
    CHECK(agon_graph_add_edge(g, NULL, AGON_ATTACK, "incursion", "designation", 1.0));
    CHECK(agon_graph_add_edge(g, NULL, AGON_ATTACK, "treaty", "designation", 1.0));

    CHECK(agon_evaluate(g, "grounded", NULL, NULL, &r));
    CHECK(agon_result_count(r, &n));
    printf("agon %s, grounded semantics:\n", agon_version());
    for (i = 0; i < n; ++i) {
        const char* id;
        agon_label label;
        CHECK(agon_result_claim_id(r, i, &id));
        CHECK(agon_result_label(r, id, &label));
        printf("%-16s %s\n", id, label == AGON_IN ? "in" : label == AGON_OUT ? "out" : "undecided");
    }
    agon_result_free(r);
    agon_graph_free(g);
    return 0;
}
