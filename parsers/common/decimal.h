/* decimal.h: the one bounded decimal reader (internal to parsers/).
 *
 * Every number in a text protocol (Content-Length, CSeq, ports, dates...)
 * goes through sf_decimal_get, which never overflows its accumulator and
 * tells "no digits" apart from "too large", so each caller can report its
 * own precise error instead of atoi()'s silent garbage. */
#ifndef SF_DECIMAL_H
#define SF_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum sf_decimal_status {
  SF_DECIMAL_OK = 0,
  SF_DECIMAL_NONE,     /* no digit at the cursor; the cursor did not move */
  SF_DECIMAL_OVERFLOW, /* the value exceeds |max|; the cursor is after all digits */
};

/* sf_decimal_get reads 1*DIGIT at the cursor. On SF_DECIMAL_OK, |*out| is the
 * value (at most |max|). In every case but SF_DECIMAL_NONE the cursor is left
 * after the whole run of digits and |*out_digits| (if not NULL) counts them,
 * leading zeros included, so callers can bound the digit count too. The
 * accumulator saturates at |max| + 1, so any length of input is safe. */
int sf_decimal_get(sf_text *t, uint64_t max, uint64_t *out, size_t *out_digits);

#endif /* SF_DECIMAL_H */
