#ifndef PAYCIRCLE_CPREFETCH_H
#define PAYCIRCLE_CPREFETCH_H

/// Asks the processor to bring the cache line holding `address` in for reading, ahead of its use: data
/// scattered over memory (a whole-city search's nodes, a nearest answer's points and records) is waited on
/// line by line unless it was asked for before.
static inline void paycircle_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
