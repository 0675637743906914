/* The usage example of IPAFAIR's documentation (the sequence of its test.py),
 * written in C against ipafair.h: a framework changes between acceptance
 * queries under complete semantics. Prints each answer; exit 0 when every
 * answer is the expected one (checked by hand in the comments). */
#include <stdio.h>

#include "ipafair.h"

static int failures = 0;

static void expect(void* s, int credulous, int32_t arg, int want) {
    ipafair_assume(s, arg);
    const int got = credulous ? ipafair_solve_cred(s) : ipafair_solve_skept(s);
    printf("%s %d: %s\n", credulous ? "credulous" : "skeptical", (int)arg, got == 10 ? "YES" : got == 20 ? "NO" : "ERROR");
    if (got != want) {
        printf("  expected %s\n", want == 10 ? "YES" : "NO");
        ++failures;
    }
}

int main(void) {
    void* s = ipafair_init();
    printf("%s\n", ipafair_signature());
    ipafair_set_semantics(s, complete);
    ipafair_add_argument(s, 1);
    ipafair_add_argument(s, 2);
    ipafair_add_attack(s, 1, 2);
    expect(s, 1, 1, 10); /* 1 is unattacked */
    expect(s, 1, 2, 20); /* 2 is attacked by the unattacked 1 */
    if (ipafair_val(s, 1) != 0) ++failures; /* no witness after a credulous NO */

    ipafair_del_attack(s, 1, 2);
    expect(s, 1, 1, 10);
    expect(s, 1, 2, 10); /* now both unattacked */

    ipafair_add_argument(s, 3);
    ipafair_add_attack(s, 3, 2);
    ipafair_add_attack(s, 2, 1);
    expect(s, 1, 1, 10); /* 3 defeats 2, which reinstates 1 */
    expect(s, 1, 2, 20);
    expect(s, 1, 3, 10);
    if (ipafair_val(s, 3) != 3 || ipafair_val(s, 1) != 1 || ipafair_val(s, 2) != -2) ++failures;

    ipafair_del_argument(s, 1);
    ipafair_add_argument(s, 4);
    ipafair_add_attack(s, 4, 3);
    ipafair_add_attack(s, 3, 4);
    expect(s, 1, 2, 10); /* {4, 2}: 4 defends 2 against 3 */
    expect(s, 1, 3, 10); /* {3} */
    expect(s, 0, 4, 20); /* the grounded extension is empty */
    if (ipafair_val(s, 4) != -4) ++failures; /* the counter-example lacks 4 */

    ipafair_add_attack(s, 4, 3); /* exists already: ERROR from now on */
    ipafair_assume(s, 2);
    if (ipafair_solve_cred(s) != -1) ++failures;
    ipafair_release(s);

    /* An unknown semantics code enters ERROR too. */
    s = ipafair_init();
    ipafair_add_argument(s, 1);
    ipafair_set_semantics(s, (semantics)-1);
    ipafair_assume(s, 1);
    if (ipafair_solve_cred(s) != -1) ++failures;
    ipafair_release(s);
    printf("%s\n", failures ? "FAILED" : "all answers as expected");
    return failures ? 1 : 0;
}
