/* gate.c - a fault-injection shim for the workbench's tests, loaded into
 * `agon serve` with LD_PRELOAD, that holds the server at a chosen step for as
 * long as the test likes, without sleeping. At a gate it writes one byte to the
 * FIFO DIR/reached, then waits for one byte from the FIFO DIR/release. Gates:
 *  - saves (save_test.py, stop_test.py): each rename onto the file
 *    $AGON_SAVE_GATE_FILE (the last step of a save, after the temporary file
 *    is written), DIR = $AGON_SAVE_GATE_DIR;
 *  - layouts (stop_test.py): each Graphviz layout (gvLayout, in agon or in its
 *    layout process) while the file DIR/hold exists, DIR = $AGON_LAYOUT_GATE_DIR.
 * The test thus knows a save or a layout is under way and holds it there. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void signal_and_wait(const char* dir) {
    char path[PATH_MAX];
    char byte = 'r';
    snprintf(path, sizeof path, "%s/reached", dir);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (write(fd, &byte, 1) != 1) perror("gate: reached");
        close(fd);
    }
    snprintf(path, sizeof path, "%s/release", dir);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (read(fd, &byte, 1) != 1) perror("gate: release");
        close(fd);
    }
}

int rename(const char* from, const char* to) {
    int (*real)(const char*, const char*);
    *(void**)&real = dlsym(RTLD_NEXT, "rename"); /* the POSIX idiom: ISO C has no object-to-function cast */
    const char* file = getenv("AGON_SAVE_GATE_FILE");
    const char* dir = getenv("AGON_SAVE_GATE_DIR");
    if (file && dir && strcmp(to, file) == 0) signal_and_wait(dir);
    return real(from, to);
}

/* Graphviz's types are opaque here: only the pointers pass through. */
int gvLayout(void* context, void* graph, const char* engine) {
    int (*real)(void*, void*, const char*);
    *(void**)&real = dlsym(RTLD_NEXT, "gvLayout");
    const char* dir = getenv("AGON_LAYOUT_GATE_DIR");
    char hold[PATH_MAX];
    if (dir) {
        snprintf(hold, sizeof hold, "%s/hold", dir);
        if (access(hold, F_OK) == 0) signal_and_wait(dir);
    }
    return real(context, graph, engine);
}
