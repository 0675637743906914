/* save_gate.c - a fault-injection shim for save_test.py, loaded into `agon
 * serve` with LD_PRELOAD: each rename onto the file $AGON_SAVE_GATE_FILE (the
 * last step of a save, after the temporary file is written) first writes one
 * byte to the FIFO $AGON_SAVE_GATE_DIR/reached, then waits for one byte from
 * the FIFO $AGON_SAVE_GATE_DIR/release. The test thus knows a save is past its
 * checks and holds it there, for as long as it likes, without sleeping. */
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
        if (write(fd, &byte, 1) != 1) perror("save_gate: reached");
        close(fd);
    }
    snprintf(path, sizeof path, "%s/release", dir);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (read(fd, &byte, 1) != 1) perror("save_gate: release");
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
