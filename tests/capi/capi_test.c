/* Every C function with good and bad arguments: NULL handles, unknown ids,
 * invalid UTF-8, out-of-range values. Bad calls must return a status and set a
 * message, never crash. Run under ASan/UBSan by the asan preset. */
#include <agon.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define EXPECT(cond)                                                         \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: failed: %s (last error: %s)\n", __FILE__, \
                    __LINE__, #cond, agon_last_error());                     \
            ++failures;                                                      \
        }                                                                    \
    } while (0)
#define EXPECT_STATUS(call, status) EXPECT((call) == (status))

static const char BAD_UTF8[] = {'a', (char)0xC3, (char)0x28, 0};

static size_t allocations = 0;
static void* counting_alloc(size_t n, void* user) {
    (void)user;
    ++allocations;
    return malloc(n);
}
static void counting_release(void* p, void* user) {
    (void)user;
    free(p);
}
static int cancel_now(void* user) {
    (void)user;
    return 1;
}

static void test_graph_building(void) {
    agon_graph* g = NULL;
    size_t n = 99;
    double x = 0;
    const char *id = NULL, *text = NULL;

    EXPECT_STATUS(agon_graph_new(NULL, NULL), AGON_ERR_ARGUMENT);
    EXPECT(strlen(agon_last_error()) > 0);
    EXPECT_STATUS(agon_graph_new(BAD_UTF8, &g), AGON_ERR_ARGUMENT);
    EXPECT(g == NULL);
    EXPECT_STATUS(agon_graph_new("t", &g), AGON_OK);
    EXPECT(strcmp(agon_last_error(), "") == 0);

    EXPECT_STATUS(agon_graph_add_claim(NULL, "a", "A", 0.5), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_claim(g, NULL, "A", 0.5), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_claim(g, BAD_UTF8, "A", 0.5), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_claim(g, "a", BAD_UTF8, 0.5), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_claim(g, "a", "A", 1.5), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_graph_add_claim(g, "a", "A", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_add_claim(g, "a", "again", 0.5), AGON_ERR_INPUT);
    EXPECT(strstr(agon_last_error(), "duplicate") != NULL);
    EXPECT_STATUS(agon_graph_add_claim(g, "b", NULL, 0.25), AGON_OK);

    EXPECT_STATUS(agon_graph_set_argument(g, "zz", 1), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_set_argument(NULL, "a", 1), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_set_argument(g, "b", 1), AGON_OK);
    EXPECT_STATUS(agon_graph_add_tag(g, "zz", "t"), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_add_tag(g, "a", NULL), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_tag(g, "a", "evidence"), AGON_OK);
    EXPECT_STATUS(agon_graph_set_attribute(g, "a", "source", NULL), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_set_attribute(g, "zz", "source", "x"), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_set_attribute(g, "a", "source", "CFR"), AGON_OK);
    EXPECT_STATUS(agon_graph_set_base(g, "a", -1), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_graph_set_base(g, "zz", 0.1), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_set_base(g, "a", 0.75), AGON_OK);
    EXPECT_STATUS(agon_graph_base(g, "a", &x), AGON_OK);
    EXPECT(x == 0.75);
    EXPECT_STATUS(agon_graph_base(g, "a", NULL), AGON_ERR_ARGUMENT);

    EXPECT_STATUS(agon_graph_add_edge(g, "e1", (agon_edge_kind)7, "a", "b", 1), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_edge(g, "e1", AGON_ATTACK, "a", "nope", 1), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_graph_add_edge(g, "e1", AGON_ATTACK, "a", "b", -1), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_graph_add_edge(g, "e1", AGON_ATTACK, NULL, "b", 1), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_add_edge(g, "e1", AGON_ATTACK, "a", "b", 1), AGON_OK);
    EXPECT_STATUS(agon_graph_add_edge(g, NULL, AGON_UNDERCUT, "b", "a", 1), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_graph_add_edge(g, NULL, AGON_UNDERCUT, "b", "e1", 1), AGON_OK);
    EXPECT_STATUS(agon_graph_set_weight(g, "e1", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_set_weight(g, "nope", 0.5), AGON_ERR_NOT_FOUND);

    EXPECT_STATUS(agon_graph_claim_count(g, &n), AGON_OK);
    EXPECT(n == 2);
    EXPECT_STATUS(agon_graph_edge_count(g, &n), AGON_OK);
    EXPECT(n == 2);
    EXPECT_STATUS(agon_graph_claim_count(NULL, &n), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_claim_at(g, 1, &id, &text), AGON_OK);
    EXPECT(strcmp(id, "b") == 0 && strcmp(text, "") == 0);
    EXPECT_STATUS(agon_graph_claim_at(g, 2, &id, &text), AGON_ERR_ARGUMENT);

    EXPECT_STATUS(agon_graph_remove_edge(g, "nope"), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_remove_edge(g, "e1"), AGON_OK);
    EXPECT_STATUS(agon_graph_edge_count(g, &n), AGON_OK);
    EXPECT(n == 0);  /* the undercut went with its edge */
    EXPECT_STATUS(agon_graph_remove_claim(g, "nope"), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_remove_claim(g, "b"), AGON_OK);
    agon_graph_free(g);
    agon_graph_free(NULL);
}

static void test_files(const char* dir) {
    agon_graph *g = NULL, *back = NULL;
    char path[1024];
    char* buf = NULL;
    size_t size = 0;
    static const char json[] = "{\"format\":\"agon-graph\",\"version\":1,\"claims\":[{\"id\":\"a\"},{\"id\":\"b\"}],"
                               "\"edges\":[{\"id\":\"e1\",\"from\":\"a\",\"to\":\"b\",\"kind\":\"attack\"}]}";

    EXPECT_STATUS(agon_graph_parse(json, sizeof json - 1, "json", &g), AGON_OK);
    EXPECT_STATUS(agon_graph_parse(json, 10, "json", &back), AGON_ERR_INPUT);
    EXPECT(back == NULL);
    EXPECT(strstr(agon_last_error(), "<memory>:1:") != NULL);
    EXPECT_STATUS(agon_graph_parse(json, sizeof json - 1, "nonsense", &back), AGON_ERR_USAGE);
    EXPECT_STATUS(agon_graph_parse(NULL, 0, "json", &back), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_graph_parse(json, sizeof json - 1, NULL, &back), AGON_ERR_ARGUMENT);

    EXPECT_STATUS(agon_graph_write(g, "apx", &buf, &size), AGON_OK);
    EXPECT(buf && strcmp(buf, "arg(a).\narg(b).\natt(a,b).\n") == 0 && size == strlen(buf));
    agon_free(buf);
    EXPECT_STATUS(agon_graph_write(g, "nonsense", &buf, &size), AGON_ERR_USAGE);
    EXPECT(buf == NULL);
    EXPECT_STATUS(agon_graph_write(NULL, "json", &buf, &size), AGON_ERR_ARGUMENT);

    snprintf(path, sizeof path, "%s/capi_graph.json", dir);
    EXPECT_STATUS(agon_graph_save(g, path, NULL), AGON_OK);
    EXPECT_STATUS(agon_graph_load(path, NULL, &back), AGON_OK);
    agon_graph_free(back);
    back = NULL;
    EXPECT_STATUS(agon_graph_load("/nonexistent/x.json", NULL, &back), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_graph_save(g, "/nonexistent-dir/x.json", NULL), AGON_ERR_IO);
    EXPECT_STATUS(agon_graph_save(g, "/dev/full", "json"), AGON_ERR_IO);
    EXPECT_STATUS(agon_graph_load(NULL, NULL, &back), AGON_ERR_ARGUMENT);

    /* Maps to a file: the format comes from the extension; a failed write is an I/O error. */
    snprintf(path, sizeof path, "%s/capi_map.dot", dir);
    EXPECT_STATUS(agon_render_file(g, NULL, path), AGON_OK);
    EXPECT_STATUS(agon_graph_load(path, "json", &back), AGON_ERR_INPUT); /* it is DOT, not a graph file */
    {
        agon_status st;
        snprintf(path, sizeof path, "%s/capi_map.svg", dir);
        st = agon_render_file(g, NULL, path);
        EXPECT(st == AGON_OK || st == AGON_ERR_UNSUPPORTED);
        st = agon_render_file(g, NULL, "/nonexistent-dir/map.svg");
        EXPECT(st == AGON_ERR_IO || st == AGON_ERR_UNSUPPORTED);
    }
    EXPECT_STATUS(agon_render_file(g, NULL, NULL), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_render_file(NULL, NULL, path), AGON_ERR_ARGUMENT);
    snprintf(path, sizeof path, "%s/capi_map.gif", dir);
    EXPECT_STATUS(agon_render_file(g, NULL, path), AGON_ERR_USAGE);
    agon_graph_free(g);
}

static void test_evaluation(void) {
    agon_graph* g = NULL;
    agon_result* r = NULL;
    agon_label label = AGON_UNDEC;
    double s = -1;
    int flag = -1, converged = -1;
    unsigned long long iterations = 99;
    size_t n = 0;
    const char* id = NULL;
    char* json = NULL;
    const char* bad_params[] = {"epsilon", NULL};
    agon_control control = {0, cancel_now, NULL};

    EXPECT_STATUS(agon_graph_new("eval", &g), AGON_OK);
    EXPECT_STATUS(agon_graph_add_claim(g, "a", "A", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_add_claim(g, "b", "B", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_add_claim(g, "c", "C", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_add_edge(g, NULL, AGON_ATTACK, "a", "b", 1), AGON_OK);
    EXPECT_STATUS(agon_graph_add_edge(g, NULL, AGON_ATTACK, "b", "c", 1), AGON_OK);

    EXPECT_STATUS(agon_evaluate(g, "nonsense", NULL, NULL, &r), AGON_ERR_USAGE);
    EXPECT(r == NULL && strstr(agon_last_error(), "unknown semantics") != NULL);
    EXPECT_STATUS(agon_evaluate(g, "grounded", bad_params, NULL, &r), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_evaluate(NULL, "grounded", NULL, NULL, &r), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_evaluate(g, "grounded", NULL, NULL, NULL), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_evaluate(g, "grounded", NULL, &control, &r), AGON_ERR_CANCELLED);
    EXPECT(r == NULL);

    EXPECT_STATUS(agon_evaluate(g, "grounded", NULL, NULL, &r), AGON_OK);
    EXPECT_STATUS(agon_result_count(r, &n), AGON_OK);
    EXPECT(n == 3);
    EXPECT_STATUS(agon_result_claim_id(r, 2, &id), AGON_OK);
    EXPECT(strcmp(id, "c") == 0);
    EXPECT_STATUS(agon_result_claim_id(r, 3, &id), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_result_has_labels(r, &flag), AGON_OK);
    EXPECT(flag == 1);
    EXPECT_STATUS(agon_result_label(r, "b", &label), AGON_OK);
    EXPECT(label == AGON_OUT);
    EXPECT_STATUS(agon_result_label(r, "c", &label), AGON_OK);
    EXPECT(label == AGON_IN);
    EXPECT_STATUS(agon_result_label(r, "zz", &label), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_result_label(r, BAD_UTF8, &label), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_result_strength(r, "a", &s), AGON_OK);
    EXPECT(s == 1.0);
    EXPECT_STATUS(agon_result_converged(r, &converged, &iterations), AGON_OK);
    EXPECT(converged == 1);
    EXPECT_STATUS(agon_result_json(r, &json, NULL), AGON_OK);
    EXPECT(json && strcmp(json, "{\"semantics\":\"grounded\",\"labels\":{\"a\":\"in\",\"b\":\"out\",\"c\":\"in\"}}") == 0);
    agon_free(json);
    EXPECT_STATUS(agon_result_json(NULL, &json, NULL), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_result_count(NULL, &n), AGON_ERR_ARGUMENT);

    agon_graph_free(g); /* results outlive their graph */
    EXPECT_STATUS(agon_result_label(r, "a", &label), AGON_OK);
    agon_result_free(r);
    agon_result_free(NULL);
    EXPECT(strstr(agon_semantics_names(), "grounded") != NULL);
    EXPECT(strcmp(agon_version(), AGON_VERSION_STRING) == 0);
}

static void test_allocator(void) {
    agon_allocator a = {counting_alloc, counting_release, NULL};
    agon_allocator half = {counting_alloc, NULL, NULL};
    agon_graph* g = NULL;
    char* buf = NULL;
    EXPECT_STATUS(agon_set_allocator(&half), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_set_allocator(&a), AGON_OK);
    EXPECT_STATUS(agon_graph_new("x", &g), AGON_OK);
    EXPECT_STATUS(agon_graph_write(g, "json", &buf, NULL), AGON_OK);
    EXPECT(allocations == 2);
    agon_free(buf);
    agon_graph_free(g);
    EXPECT_STATUS(agon_set_allocator(NULL), AGON_OK);
}

static void test_scenarios_and_maps(void) {
    agon_graph* g = NULL;
    agon_scenario *s = NULL, *child = NULL;
    agon_result *before = NULL, *after = NULL;
    agon_label label;
    char* buf = NULL;
    size_t size = 0;
    EXPECT_STATUS(agon_graph_new("what-if", &g), AGON_OK);
    EXPECT_STATUS(agon_graph_add_claim(g, "a", "A", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_add_claim(g, "b", "B", 0.5), AGON_OK);
    EXPECT_STATUS(agon_graph_add_edge(g, "e1", AGON_ATTACK, "a", "b", 1), AGON_OK);
    EXPECT_STATUS(agon_scenario_new(NULL, "x", &s), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_scenario_new(g, "no a", &s), AGON_OK);
    EXPECT_STATUS(agon_scenario_remove(s, "nope"), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_scenario_remove(s, "a"), AGON_OK);
    EXPECT_STATUS(agon_scenario_set_base(s, "b", 2.0), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_scenario_add_claim(s, "c", "C", 0.5), AGON_OK);
    EXPECT_STATUS(agon_scenario_add_edge(s, NULL, AGON_SUPPORT, "c", "b", 0.5), AGON_OK);
    EXPECT_STATUS(agon_scenario_add_edge(s, NULL, AGON_SUPPORT, "c", "zz", 0.5), AGON_ERR_INPUT);
    EXPECT_STATUS(agon_scenario_set_weight(s, "nope", 0.5), AGON_ERR_NOT_FOUND);
    EXPECT_STATUS(agon_evaluate(g, "grounded", NULL, NULL, &before), AGON_OK);
    {
        agon_control stop = {0, cancel_now, NULL};
        agon_result* cancelled = NULL;
        EXPECT_STATUS(agon_scenario_evaluate_with_control(s, "grounded", NULL, &stop, &cancelled), AGON_ERR_CANCELLED);
        EXPECT(cancelled == NULL);
    }
    EXPECT_STATUS(agon_scenario_evaluate(s, "grounded", NULL, &after), AGON_OK);
    EXPECT_STATUS(agon_result_label(after, "b", &label), AGON_OK);
    EXPECT(label == AGON_IN);
    EXPECT_STATUS(agon_diff_json(before, after, &buf, &size), AGON_OK);
    EXPECT(buf && strstr(buf, "{\"id\":\"b\",\"before\":\"out\",\"after\":\"in\"}") != NULL);
    agon_free(buf);
    EXPECT_STATUS(agon_diff_json(NULL, after, &buf, &size), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_scenario_derive(s, "child", &child), AGON_OK);
    agon_scenario_free(child);
    EXPECT_STATUS(agon_render(g, before, "dot", &buf, &size), AGON_OK);
    EXPECT(buf && strstr(buf, "digraph") != NULL);
    agon_free(buf);
    {
        agon_status st = agon_render(g, before, "gif", &buf, &size);
        EXPECT(st == AGON_ERR_USAGE || st == AGON_ERR_UNSUPPORTED);
        EXPECT(buf == NULL);
    }
    EXPECT_STATUS(agon_render(NULL, NULL, "svg", &buf, &size), AGON_ERR_ARGUMENT);
    EXPECT_STATUS(agon_explain_grounded_json(g, "b", &buf, &size), AGON_OK);
    EXPECT(buf && strstr(buf, "\"defender\":\"a\"") != NULL);
    agon_free(buf);
    EXPECT_STATUS(agon_explain_grounded_json(g, "zz", &buf, &size), AGON_ERR_NOT_FOUND);
    agon_result_free(before);
    agon_result_free(after);
    agon_scenario_free(s);
    agon_scenario_free(NULL);
    agon_graph_free(g);
}

int main(int argc, char** argv) {
    test_graph_building();
    test_files(argc > 1 ? argv[1] : "/tmp");
    test_evaluation();
    test_allocator();
    test_scenarios_and_maps();
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    printf("C API: all checks passed\n");
    return 0;
}
