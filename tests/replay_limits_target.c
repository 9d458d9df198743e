/* replay_limits_target.c: a fuzz target that exists only to test the replay
 * driver's per-input limits (tests/check_replay_limits.sh); it is linked with
 * harnesses/driver/replay_driver.c in replay builds and never fuzzed.
 *
 *   an input starting with "spin"  loops forever: only the time limit
 *                                  (--timeout=S, SIGALRM) ends it;
 *   an input starting with "grow"  allocates and touches GROW_MB megabytes,
 *                                  then frees them and returns: only the peak
 *                                  RSS limit (--rss-limit-mb) notices;
 *   anything else                  returns at once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entry point the replay driver calls (the harnesses declare it in
 * harnesses/common/check.h). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Well above the limit the test sets (100 MB) and well below the machine. */
#define GROW_MB 256

static int starts_with(const uint8_t *data, size_t size, const char *word) {
  size_t n = strlen(word);
  return size >= n && memcmp(data, word, n) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (starts_with(data, size, "spin")) {
    /* volatile: the loop has an effect, so the compiler keeps it. */
    volatile unsigned long turns = 0;
    for (;;) turns++;
  }
  if (starts_with(data, size, "grow")) {
    size_t bytes = (size_t)GROW_MB << 20;
    volatile uint8_t *block = malloc(bytes);
    if (block == NULL) {
      /* Fail loudly: a test passing on a NULL would test nothing. */
      fprintf(stderr, "replay_limits_target: malloc(%d MB) failed\n", GROW_MB);
      abort();
    }
    /* Touch every page (memset on volatile memory cannot be elided). */
    for (size_t i = 0; i < bytes; i += 4096) block[i] = (uint8_t)i;
    free((void *)block);
  }
  return 0;
}
