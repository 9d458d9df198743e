/* check.h: how harnesses state the parser's promises.
 *
 * A harness that only survives an input proves little; each harness asserts
 * what the parser promises (slices inside the input, counts within limits,
 * round trips) with SF_CHECK, which prints which promise broke and aborts, so
 * every engine records it as a crash with a readable first line. */
#ifndef SF_HARNESS_CHECK_H
#define SF_HARNESS_CHECK_H

#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "sf/common.h"

#define SF_CHECK(cond, ...)                                                  \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "sipsec-fuzz invariant broken at %s:%d: ", __FILE__,   \
              __LINE__);                                                     \
      fprintf(stderr, __VA_ARGS__);                                          \
      fputc('\n', stderr);                                                   \
      abort();                                                               \
    }                                                                        \
  } while (0)

/* sf_slice_within returns 1 if |s| is absent ({NULL, 0}) or lies entirely in
 * [data, data+len). Compared as integers: the promise under test is exactly
 * that the pointer may not be trusted. */
static inline int sf_slice_within(sf_slice s, const uint8_t *data, size_t len) {
  if (s.ptr == NULL) return s.len == 0;
  uintptr_t lo = (uintptr_t)data, p = (uintptr_t)s.ptr;
  if (p < lo || p - lo > len) return 0;
  return s.len <= len - (p - lo);
}

/* SF_CHECK_WITHIN asserts that slice |s| (named |what|) lies in the input.
 * (Parameter names end in '_' so that "(s_).len" cannot be rewritten by a
 * macro argument named len.) */
#define SF_CHECK_WITHIN(s_, data_, len_, what_)                               \
  SF_CHECK(sf_slice_within((s_), (data_), (len_)),                           \
           "%s slice outside the input (at %+jd from its start, length %zu, " \
           "input %zu)",                                                     \
           (what_), (intmax_t)((uintptr_t)(s_).ptr - (uintptr_t)(data_)),    \
           (s_).len, (size_t)(len_))

/* The entry points every harness defines (libFuzzer's names), declared
 * here so harnesses build with -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif /* SF_HARNESS_CHECK_H */
