/* slice.c: comparisons on borrowed slices. */
#include <string.h>

#include "sf/common.h"

static unsigned char lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

int sf_slice_eq(sf_slice a, sf_slice b) {
  if (a.len != b.len) return 0;
  return a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0;
}

int sf_slice_eq_nocase(sf_slice a, sf_slice b) {
  if (a.len != b.len) return 0;
  for (size_t i = 0; i < a.len; i++) {
    if (lower(a.ptr[i]) != lower(b.ptr[i])) return 0;
  }
  return 1;
}

int sf_slice_eq_lit(sf_slice s, const char *lit) {
  return sf_slice_eq(s, sf_slice_make((const uint8_t *)lit, strlen(lit)));
}

int sf_slice_eq_nocase_lit(sf_slice s, const char *lit) {
  return sf_slice_eq_nocase(s, sf_slice_make((const uint8_t *)lit, strlen(lit)));
}
