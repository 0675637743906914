/* The C interface from several threads at once (run under the tsan preset
 * for data races): each thread builds, evaluates and renders its own graph,
 * and all threads evaluate one shared graph, which is only read. Every
 * answer is checked; the last-error message is per thread. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "agon.h"

#define THREADS 4
#define ROUNDS 10

static agon_graph* shared_graph;

/* a attacks b, b attacks c: grounded a in, b out, c in. */
static int build(agon_graph** g) {
    if (agon_graph_new("three", g) != AGON_OK) return 1;
    if (agon_graph_add_claim(*g, "a", "A", 0.5) || agon_graph_add_claim(*g, "b", "B", 0.5) ||
        agon_graph_add_claim(*g, "c", "C", 0.5))
        return 1;
    return agon_graph_add_edge(*g, NULL, AGON_ATTACK, "a", "b", 1) || agon_graph_add_edge(*g, NULL, AGON_ATTACK, "b", "c", 1);
}

static int check_labels(const agon_graph* g) {
    agon_result* r = NULL;
    agon_label a, b, c;
    int bad = agon_evaluate(g, "grounded", NULL, NULL, &r) != AGON_OK;
    bad = bad || agon_result_label(r, "a", &a) || agon_result_label(r, "b", &b) || agon_result_label(r, "c", &c);
    bad = bad || a != AGON_IN || b != AGON_OUT || c != AGON_IN;
    agon_result_free(r);
    return bad;
}

static void* work(void* arg) {
    int* failures = arg;
    for (int round = 0; round < ROUNDS; ++round) {
        agon_graph* g = NULL;
        if (build(&g) || check_labels(g) || check_labels(shared_graph)) ++*failures;
        /* An error in this thread sets this thread's message only. */
        if (agon_graph_add_claim(g, "a", "again", 0.5) != AGON_ERR_INPUT || !strstr(agon_last_error(), "'a'")) ++*failures;
        char* map = NULL;
        size_t size = 0;
        agon_status st = agon_render(g, NULL, "svg", &map, &size);
        if (st == AGON_OK) {
            if (size == 0 || !strstr(map, "<svg")) ++*failures;
            agon_free(map);
        } else if (st != AGON_ERR_UNSUPPORTED) {
            ++*failures;
        }
        agon_graph_free(g);
    }
    return NULL;
}

int main(void) {
    if (build(&shared_graph)) {
        fprintf(stderr, "could not build the shared graph: %s\n", agon_last_error());
        return 1;
    }
    pthread_t threads[THREADS];
    int failures[THREADS] = {0};
    for (int t = 0; t < THREADS; ++t) pthread_create(&threads[t], NULL, work, &failures[t]);
    int total = 0;
    for (int t = 0; t < THREADS; ++t) {
        pthread_join(threads[t], NULL);
        total += failures[t];
    }
    agon_graph_free(shared_graph);
    printf("%d threads x %d rounds: %d failures\n", THREADS, ROUNDS, total);
    return total != 0;
}
