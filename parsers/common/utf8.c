/* utf8.c: see utf8.h. */
#include "utf8.h"

/* The range the second byte of a sequence must be in, given its lead; later
 * bytes are always 80..BF. This is where overlong forms, surrogates and
 * values above U+10FFFF are told apart, one byte after the lead. */
static void second_range(uint8_t lead, uint8_t *lo, uint8_t *hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (lead == 0xE0) *lo = 0xA0;      /* below U+0800: overlong */
  else if (lead == 0xED) *hi = 0x9F; /* U+D800..DFFF: surrogates */
  else if (lead == 0xF0) *lo = 0x90; /* below U+10000: overlong */
  else if (lead == 0xF4) *hi = 0x8F; /* above U+10FFFF */
}

size_t sf_utf8_sequence(const uint8_t *p, size_t len) {
  if (len == 0) return 0;
  uint8_t c = p[0];
  size_t more;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    more = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    more = 2;
  } else if (c >= 0xF0 && c <= 0xF4) {
    more = 3;
  } else {
    return 0;
  }
  uint8_t lo, hi;
  second_range(c, &lo, &hi);
  for (size_t k = 1; k <= more; k++) {
    if (k == len || p[k] < lo || p[k] > hi) return 0;
    lo = 0x80;
    hi = 0xBF;
  }
  return more + 1;
}

int sf_utf8_check(const uint8_t *p, size_t len, size_t *out_bad) {
  size_t i = 0;
  while (i < len) {
    size_t n = p[i] < 0x80 ? 1 : sf_utf8_sequence(p + i, len - i);
    if (n == 0) {
      *out_bad = i;
      return 0;
    }
    i += n;
  }
  return 1;
}
