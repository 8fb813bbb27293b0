// How often and for how long this machine's CPUs are taken away from a running thread: one thread per CPU
// spins for SECONDS reading the monotonic clock, and every gap of 50 µs or more between two readings is a
// stall (the hypervisor running something else, an interrupt, or another thread of this machine). Prints,
// per thread, the share of the time stalled, the stalls by length and the longest, and the share of the
// CPUs' time the kernel counted as stolen by the hypervisor (/proc/stat) over the same span. Run it on an
// otherwise idle machine: a request in flight during a stall waits for it, so stalls of a few
// milliseconds set the floor of any server's tail latency here.
// Build: gcc -O2 -pthread Tools/host-stalls.c -o host-stalls. Usage: host-stalls [SECONDS]
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

enum { BUCKETS = 7 };
// Lower edges of the stall lengths counted, in seconds: 50 µs, 200 µs, 0.5, 1, 2, 4 and 8 ms.
static const double edges[BUCKETS] = {50e-6, 200e-6, 500e-6, 1e-3, 2e-3, 4e-3, 8e-3};
static const char *labels[BUCKETS] = {"0.05-0.2", "0.2-0.5", "0.5-1", "1-2", "2-4", "4-8", ">=8"};
static double seconds;

struct stalls {
  long count[BUCKETS];
  double stalled, over4ms, longest;
};

static double now(void) {
  struct timespec time;
  clock_gettime(CLOCK_MONOTONIC, &time);
  return (double)time.tv_sec + (double)time.tv_nsec * 1e-9;
}

static void *spin(void *result) {
  struct stalls *found = result;
  double start = now(), last = start, time;
  while ((time = now()) - start < seconds) {
    double gap = time - last;
    last = time;
    if (gap < edges[0]) continue;
    int bucket = BUCKETS - 1;
    while (gap < edges[bucket]) bucket--;
    found->count[bucket]++;
    found->stalled += gap;
    if (gap >= 4e-3) found->over4ms += gap;
    if (gap > found->longest) found->longest = gap;
  }
  return NULL;
}

// The CPUs' stolen and total time so far, in the kernel's ticks, from /proc/stat's first line.
static void cpu_ticks(long long *steal, long long *total) {
  long long fields[10] = {0};
  FILE *stat = fopen("/proc/stat", "r");
  *steal = *total = 0;
  if (!stat) return;
  if (fscanf(stat, "cpu %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld", &fields[0], &fields[1], &fields[2], &fields[3],
             &fields[4], &fields[5], &fields[6], &fields[7], &fields[8], &fields[9]) >= 8) {
    for (int i = 0; i < 8; i++) *total += fields[i];  // guest time is already counted in user time
    *steal = fields[7];
  }
  fclose(stat);
}

int main(int argc, char **argv) {
  seconds = argc > 1 ? atof(argv[1]) : 10;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  if (seconds <= 0 || cpus <= 0 || cpus > 256) { fprintf(stderr, "usage: host-stalls [SECONDS]\n"); return 2; }
  struct stalls found[256] = {0};
  pthread_t threads[256];
  long long steal_before, total_before, steal_after, total_after;
  cpu_ticks(&steal_before, &total_before);
  for (long i = 0; i < cpus; i++) pthread_create(&threads[i], NULL, spin, &found[i]);
  for (long i = 0; i < cpus; i++) pthread_join(threads[i], NULL);
  cpu_ticks(&steal_after, &total_after);
  for (long i = 0; i < cpus; i++) {
    printf("thread %ld: stalled %.1f%% of %.0f s, %.1f%% in stalls of 4 ms or more; longest %.1f ms; stalls by ms:", i + 1,
           100 * found[i].stalled / seconds, seconds, 100 * found[i].over4ms / seconds, found[i].longest * 1e3);
    for (int b = 0; b < BUCKETS; b++) printf(" %s: %ld%s", labels[b], found[i].count[b], b + 1 < BUCKETS ? "," : "\n");
  }
  long long total = total_after - total_before;
  printf("stolen by the hypervisor (/proc/stat): %.1f%% of the CPUs' time\n", total > 0 ? 100.0 * (double)(steal_after - steal_before) / (double)total : 0);
  return 0;
}
