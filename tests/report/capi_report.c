/* agon_report_file: the report from C, with good and bad arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agon.h"

static int failures = 0;
#define EXPECT(cond)                                                   \
    do {                                                               \
        if (!(cond)) {                                                 \
            fprintf(stderr, "%s:%d: FAIL %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                \
        }                                                              \
    } while (0)

int main(int argc, char** argv) {
    char path[4096], text[65536];
    agon_graph* g = NULL;
    FILE* f;
    size_t n;
    const char* dir = argc > 1 ? argv[1] : ".";
    EXPECT(agon_graph_new("report", &g) == AGON_OK);
    EXPECT(agon_graph_add_claim(g, "a", "A <b>", 0.8) == AGON_OK);
    EXPECT(agon_graph_add_claim(g, "b", "B", 0.5) == AGON_OK);
    EXPECT(agon_graph_add_edge(g, NULL, AGON_ATTACK, "a", "b", 1) == AGON_OK);

    snprintf(path, sizeof path, "%s/capi_report.json", dir);
    EXPECT(agon_report_file(g, "b", "{\"semantics\":\"grounded\",\"spread\":0.1,\"samples\":100,\"maps\":false}", path) == AGON_OK);
    f = fopen(path, "r");
    EXPECT(f != NULL);
    if (f) {
        n = fread(text, 1, sizeof text - 1, f);
        text[n] = 0;
        fclose(f);
        EXPECT(strstr(text, "\"target\":\"b\"") != NULL);
        EXPECT(strstr(text, "\"label\":\"out\"") != NULL);
        EXPECT(strstr(text, "\"p_out\":1.0") != NULL);
    }
    snprintf(path, sizeof path, "%s/capi_report.html", dir);
    EXPECT(agon_report_file(g, "b", NULL, path) == AGON_OK);
    EXPECT(agon_report_file(g, "nope", NULL, path) == AGON_ERR_NOT_FOUND);
    EXPECT(agon_report_file(g, "b", "[1]", path) == AGON_ERR_USAGE);
    EXPECT(agon_report_file(g, "b", "{\"samples\":\"many\"}", path) == AGON_ERR_USAGE);
    snprintf(path, sizeof path, "%s/capi_report.doc", dir);
    EXPECT(agon_report_file(g, "b", NULL, path) == AGON_ERR_USAGE);
    EXPECT(agon_report_file(NULL, "b", NULL, path) == AGON_ERR_ARGUMENT);
    EXPECT(agon_report_file(g, NULL, NULL, path) == AGON_ERR_ARGUMENT);
    EXPECT(agon_report_file(g, "b", NULL, NULL) == AGON_ERR_ARGUMENT);
    agon_graph_free(g);
    printf("%d failures\n", failures);
    return failures ? 1 : 0;
}
