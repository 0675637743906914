/* The cross-face questions through the C interface: one JSON answer per line,
 * in the order given. Usage: agon_crossface_c GRAPH "QUESTION SEMANTICS CLAIM|- [k=v ...]"... */
#include <agon.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

/* `json` is read only here, after the call that fills it has returned. */
static void print(agon_status st, char** json) {
    if (st != AGON_OK) {
        printf("error: %s\n", agon_last_error());
        failures++;
        return;
    }
    printf("%s\n", *json);
    agon_free(*json);
}

/* Split "k=v k=v" into a NULL-terminated key/value array in `store`. */
static const char* const* params_of(char* text, const char** store, int capacity) {
    int n = 0;
    for (char* tok = strtok(text, " "); tok && n + 2 < capacity; tok = strtok(NULL, " ")) {
        char* eq = strchr(tok, '=');
        if (!eq) continue;
        *eq = '\0';
        store[n++] = tok;
        store[n++] = eq + 1;
    }
    store[n] = NULL;
    return n ? store : NULL;
}

int main(int argc, char** argv) {
    agon_graph* g = NULL;
    if (argc < 2 || agon_graph_load(argv[1], NULL, &g) != AGON_OK) {
        fprintf(stderr, "usage: agon_crossface_c GRAPH QUESTION... (%s)\n", agon_last_error());
        return 2;
    }
    agon_subject* s = agon_graph_subject(g);
    for (int i = 2; i < argc; ++i) {
        const char* line = argv[i];
        char question[32], semantics[32], claim[64], rest[256] = "";
        const char* store[16];
        char* json = NULL;
        if (sscanf(line, "%31s %31s %63s %255[^\n]", question, semantics, claim, rest) < 3) continue;
        const char* const* params = params_of(rest, store, 16);
        if (strcmp(question, "eval") == 0) {
            agon_result* r = NULL;
            agon_status st = agon_subject_evaluate(s, semantics, params, NULL, &r);
            if (st == AGON_OK) st = agon_result_json(r, &json, NULL);
            print(st, &json);
            agon_result_free(r);
        } else if (strcmp(question, "extensions") == 0) {
            print(agon_extensions_json(s, semantics, params, 0, NULL, &json, NULL), &json);
        } else if (strcmp(question, "explain") == 0) {
            print(agon_explain_json(s, semantics, params, claim, NULL, &json, NULL), &json);
        } else if (strcmp(question, "hinge") == 0) {
            print(agon_hinge_json(s, semantics, params, claim, 3, NULL, &json, NULL), &json);
        } else if (strcmp(question, "diff") == 0) {
            /* The scenario without CLAIM against the graph. */
            agon_scenario* sc = NULL;
            agon_result *before = NULL, *after = NULL;
            agon_status st = agon_scenario_new(g, "without", &sc);
            if (st == AGON_OK) st = agon_remove(agon_scenario_subject(sc), claim);
            if (st == AGON_OK) st = agon_subject_evaluate(s, semantics, params, NULL, &before);
            if (st == AGON_OK) st = agon_subject_evaluate(agon_scenario_subject(sc), semantics, params, NULL, &after);
            if (st == AGON_OK) st = agon_diff_json(before, after, &json, NULL);
            print(st, &json);
            agon_result_free(before);
            agon_result_free(after);
            agon_scenario_free(sc);
        }
    }
    agon_graph_free(g);
    return failures ? 1 : 0;
}
