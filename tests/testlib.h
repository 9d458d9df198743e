/* testlib.h: the small test framework behind tests/.
 *
 * Tests are plain functions run from main() with RUN(); a failed CHECK prints
 * file, line and both values and marks the test failed without stopping the
 * rest. sf_test_finish() prints the tally and gives main()'s exit status.
 *
 * Inputs that a parser sees in tests go through sf_guard(): the bytes are
 * placed so that the last one sits right before an unreadable page, so an
 * over-read by even one byte crashes the test, with or without a sanitizer. */
#ifndef SF_TESTLIB_H
#define SF_TESTLIB_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sf/common.h"

extern int sf_test_failures;
extern int sf_test_checks;
extern const char *sf_test_current;

#define CHECK(cond)                                                              \
  do {                                                                           \
    sf_test_checks++;                                                            \
    if (!(cond)) {                                                               \
      sf_test_failures++;                                                        \
      fprintf(stderr, "%s:%d: [%s] CHECK failed: %s\n", __FILE__, __LINE__,      \
              sf_test_current, #cond);                                           \
    }                                                                            \
  } while (0)

#define CHECK_INT(got, want)                                                     \
  do {                                                                           \
    long long g_ = (long long)(got), w_ = (long long)(want);                     \
    sf_test_checks++;                                                            \
    if (g_ != w_) {                                                              \
      sf_test_failures++;                                                        \
      fprintf(stderr, "%s:%d: [%s] %s = %lld, want %lld\n", __FILE__, __LINE__,  \
              sf_test_current, #got, g_, w_);                                    \
    }                                                                            \
  } while (0)

/* CHECK_SLICE(s, "text") compares a slice with a C string, byte for byte. */
#define CHECK_SLICE(s, want) sf_check_slice(__FILE__, __LINE__, #s, (s), (want))

/* CHECK_BYTES(s, ptr, len) compares a slice with a byte array. */
#define CHECK_BYTES(s, p, n) sf_check_bytes(__FILE__, __LINE__, #s, (s), (p), (n))

#define RUN(fn)                \
  do {                         \
    sf_test_current = #fn;     \
    fn();                      \
  } while (0)

void sf_check_slice(const char *file, int line, const char *expr, sf_slice s, const char *want);
void sf_check_bytes(const char *file, int line, const char *expr, sf_slice s,
                    const uint8_t *want, size_t want_len);

/* sf_guard copies |len| bytes so they end right before an unreadable page and
 * returns the copy; it stays valid until the next sf_guard call (one guarded
 * buffer at a time, reused). */
const uint8_t *sf_guard(const void *data, size_t len);

/* sf_guard_str is sf_guard on a C string without its NUL. */
const uint8_t *sf_guard_str(const char *s);

/* sf_read_file reads a whole file into a heap buffer the caller frees; the
 * test fails (and NULL is returned) if it cannot. */
uint8_t *sf_read_file(const char *path, size_t *out_len);

/* sf_path joins the source directory given to the test (SF_SOURCE_DIR) and a
 * relative path, in a static buffer. */
const char *sf_source_path(const char *rel);

/* sf_test_finish prints the tally and returns the process exit status. */
int sf_test_finish(void);

#endif /* SF_TESTLIB_H */
