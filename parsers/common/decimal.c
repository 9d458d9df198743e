/* decimal.c: see decimal.h. */
#include "decimal.h"

int sf_decimal_get(sf_text *t, uint64_t max, uint64_t *out, size_t *out_digits) {
  size_t start = t->pos;
  uint64_t v = 0;
  int over = 0;
  uint8_t c = 0;
  while (sf_text_peek(t, &c) && c >= '0' && c <= '9') {
    unsigned d = (unsigned)(c - '0');
    /* v * 10 + d > max, tested without overflowing v. */
    if (!over && (d > max || v > (max - d) / 10)) over = 1;
    if (!over) v = v * 10 + d;
    t->pos++;
  }
  if (out_digits != NULL) *out_digits = t->pos - start;
  if (t->pos == start) return SF_DECIMAL_NONE;
  if (over) return SF_DECIMAL_OVERFLOW;
  *out = v;
  return SF_DECIMAL_OK;
}
