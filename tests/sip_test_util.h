/* sip_test_util.h: helpers shared by the SIP tests: parse text through
 * sf_guard and state an expected outcome as "status at the offset of a
 * marker substring (plus a delta)", so a reader sees where a fault is. */
#ifndef SF_SIP_TEST_UTIL_H
#define SF_SIP_TEST_UTIL_H

#include <string.h>

#include "sf/sip.h"
#include "testlib.h"

/* offset_of returns the offset of the first |marker| in |data| plus |delta|,
 * or (size_t)-1 if the marker is absent (which fails the check using it). */
static inline size_t sf_test_offset_of(const uint8_t *data, size_t len, const char *marker,
                                       long delta) {
  size_t m = strlen(marker);
  for (size_t i = 0; m <= len && i <= len - m; i++) {
    if (memcmp(data + i, marker, m) == 0) return (size_t)((long)i + delta);
  }
  return (size_t)-1;
}

/* A table row: |in| parsed with |flags| gives |status|; unless status is
 * OK, at offset_of(in, at) + delta. */
typedef struct {
  const char *in;
  unsigned flags;
  int status;
  const char *at;
  long delta;
} sf_sip_case;

/* CHECK_STATUS compares statuses by name, so a failure reads well. */
#define CHECK_STATUS(got, want)                                                          \
  do {                                                                                   \
    int g_ = (got), w_ = (want);                                                         \
    sf_test_checks++;                                                                    \
    if (g_ != w_) {                                                                      \
      sf_test_failures++;                                                                \
      fprintf(stderr, "%s:%d: [%s] %s = %s, want %s\n", __FILE__, __LINE__,              \
              sf_test_current, #got, sf_sip_status_name(g_), sf_sip_status_name(w_));    \
    }                                                                                    \
  } while (0)

/* sf_check_error_at checks code, offset and the reason's provenance. */
static inline void sf_check_error_at(const char *file, int line, const char *what, int rc,
                                     const sf_error *e, int want, const uint8_t *data,
                                     size_t len, const char *at, long delta) {
  sf_test_checks++;
  size_t want_off = at ? sf_test_offset_of(data, len, at, delta) : 0;
  int ok = rc == want && (want == 0 || (e->code == want && e->offset == want_off &&
                                        e->reason == sf_sip_status_reason(want)));
  if (!ok) {
    sf_test_failures++;
    fprintf(stderr, "%s:%d: [%s] %s: got %s at %zu, want %s at %zu\n", file, line,
            sf_test_current, what, sf_sip_status_name(rc), e->offset, sf_sip_status_name(want),
            want_off);
  }
}
#define CHECK_ERROR_AT(what, rc, e, want, data, len, at, delta) \
  sf_check_error_at(__FILE__, __LINE__, (what), (rc), (e), (want), (data), (len), (at), (delta))

/* sf_parse_str parses a C string (without its NUL) placed by sf_guard. */
static inline int sf_parse_str(const char *s, unsigned flags, sf_sip_msg *m, sf_error *e) {
  const uint8_t *d = sf_guard_str(s);
  return sf_sip_parse(d, strlen(s), flags, m, e);
}

/* sf_run_cases runs a table through |parse_fn|, which parses |d| of |len|
 * bytes and returns a status. */
typedef int (*sf_sip_case_fn)(const uint8_t *d, size_t len, unsigned flags, sf_error *e);
static inline void sf_run_cases(const char *file, int line, const sf_sip_case *cases, size_t n,
                                sf_sip_case_fn fn) {
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(cases[i].in);
    const uint8_t *d = sf_guard(cases[i].in, len);
    sf_error e = {0, 0, NULL};
    int rc = fn(d, len, cases[i].flags, &e);
    char what[160];
    snprintf(what, sizeof what, "case %zu \"%.60s\"", i, cases[i].in);
    sf_check_error_at(file, line, what, rc, &e, cases[i].status, d, len, cases[i].at,
                      cases[i].delta);
  }
}
#define RUN_CASES(cases, fn) \
  sf_run_cases(__FILE__, __LINE__, (cases), sizeof(cases) / sizeof((cases)[0]), (fn))

#endif /* SF_SIP_TEST_UTIL_H */
