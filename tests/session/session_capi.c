/* The incremental session through the C interface, on a hand-checked example:
 * 1 <-> 2, 2 -> 3. Preferred extensions {1, 3} and {2}; after removing 2 -> 1
 * the only one is {1, 3} (grounded: 1 in, 2 out, 3 in). */
#include <stdio.h>

#include "agon.h"

static int failures = 0;
#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            printf("line %d: %s failed (%s)\n", __LINE__, #cond, agon_last_error()); \
            ++failures;                                                    \
        }                                                                  \
    } while (0)

int main(void) {
    agon_session* s = NULL;
    unsigned one[] = {1}, three[] = {3}, both[] = {1, 2};
    unsigned* w = NULL;
    size_t n = 0;
    int yes = -1;
    agon_label label = AGON_IN;
    CHECK(agon_session_new("no-such", &s) == AGON_ERR_USAGE && s == NULL);
    CHECK(agon_session_new("preferred", &s) == AGON_OK);
    CHECK(agon_session_add_argument(s, 1) == AGON_OK);
    CHECK(agon_session_add_argument(s, 2) == AGON_OK);
    CHECK(agon_session_add_argument(s, 3) == AGON_OK);
    CHECK(agon_session_add_argument(s, 1) == AGON_ERR_INPUT);
    CHECK(agon_session_add_attack(s, 1, 2) == AGON_OK);
    CHECK(agon_session_add_attack(s, 2, 1) == AGON_OK);
    CHECK(agon_session_add_attack(s, 2, 3) == AGON_OK);
    CHECK(agon_session_add_attack(s, 2, 9) == AGON_ERR_NOT_FOUND);
    CHECK(agon_session_credulous(s, one, 1, NULL, &yes) == AGON_OK && yes == 1);
    CHECK(agon_session_witness(s, NULL, &w, &n) == AGON_OK && n == 2 && w[0] == 1 && w[1] == 3);
    agon_free(w);
    CHECK(agon_session_credulous(s, both, 2, NULL, &yes) == AGON_OK && yes == 0);
    CHECK(agon_session_witness(s, NULL, &w, &n) == AGON_ERR_NOT_FOUND && w == NULL);
    CHECK(agon_session_skeptical(s, one, 1, NULL, &yes) == AGON_OK && yes == 0);
    CHECK(agon_session_witness(s, NULL, &w, &n) == AGON_OK && n == 1 && w[0] == 2);
    agon_free(w);
    CHECK(agon_session_grounded_label(s, 1, &label) == AGON_OK && label == AGON_UNDEC);
    CHECK(agon_session_remove_attack(s, 2, 1) == AGON_OK);
    CHECK(agon_session_remove_attack(s, 2, 1) == AGON_ERR_NOT_FOUND);
    CHECK(agon_session_skeptical(s, three, 1, NULL, &yes) == AGON_OK && yes == 1);
    CHECK(agon_session_grounded_label(s, 2, &label) == AGON_OK && label == AGON_OUT);
    CHECK(agon_session_set_semantics(s, "ST") == AGON_OK);
    CHECK(agon_session_remove_argument(s, 1) == AGON_OK);
    CHECK(agon_session_skeptical(s, three, 1, NULL, &yes) == AGON_OK && yes == 0); /* {2} is stable now */
    CHECK(agon_session_credulous(NULL, one, 1, NULL, &yes) == AGON_ERR_ARGUMENT);
    agon_session_free(s);
    agon_session_free(NULL);
    printf("%s\n", failures ? "FAILED" : "session C interface OK");
    return failures ? 1 : 0;
}
