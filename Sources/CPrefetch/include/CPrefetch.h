#ifndef PAYCIRCLE_CPREFETCH_H
#define PAYCIRCLE_CPREFETCH_H

#include <stddef.h>
#include <stdint.h>

/// Asks the processor to bring the cache line holding `address` in for reading, ahead of its use: data
/// scattered over memory (a whole-city search's nodes, a nearest answer's points and records) is waited on
/// line by line unless it was asked for before.
static inline void paycircle_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// The same for every cache line of the `count` bytes from `start` (64-byte lines), such as a record that
/// straddles lines.
static inline void paycircle_prefetch_bytes(const void *start, size_t count) {
    const char *end = (const char *)start + count;
    for (const char *line = (const char *)((uintptr_t)start & ~(uintptr_t)63); line < end; line += 64) {
        __builtin_prefetch(line, 0, 3);
    }
}

#endif
