/* oid.c: OBJECT IDENTIFIER contents (X.690 8.19) and dotted text.
 *
 * Contents are subidentifiers in base 128, high bit set on all but the last
 * octet of each, with no leading 0x80 (8.19.2). The first subidentifier is
 * 40 * arc1 + arc2 (8.19.4), so it stands for two arcs. Arcs are bounded to
 * 64 bits and the count to SF_DER_MAX_OID_ARCS. */
#include <string.h>

#include "der_internal.h"

/* next_subid reads the subidentifier at *pos of |oid| into *out. */
static int next_subid(sf_slice oid, size_t *pos, uint64_t *out) {
  size_t i = *pos;
  if (oid.ptr[i] == 0x80) return SF_DER_NONMINIMAL_OID_ARC;
  uint64_t v = 0;
  for (;;) {
    if (i >= oid.len) return SF_DER_BAD_OID; /* ends inside an arc */
    uint8_t b = oid.ptr[i++];
    if (v >> 57) return SF_DER_OID_ARC_TOO_LARGE;
    v = (v << 7) | (b & 0x7F);
    if (!(b & 0x80)) break;
  }
  *pos = i;
  *out = v;
  return SF_DER_OK;
}

int sf_der_oid_check(sf_slice oid) {
  if (oid.len == 0) return SF_DER_BAD_OID;
  size_t pos = 0, arcs = 1;
  while (pos < oid.len) {
    uint64_t v = 0;
    int rc = next_subid(oid, &pos, &v);
    if (rc != SF_DER_OK) return rc;
    if (++arcs > SF_DER_MAX_OID_ARCS) return SF_DER_TOO_MANY_OID_ARCS;
  }
  return SF_DER_OK;
}

int sf_der_oid_eq(sf_slice oid, const uint8_t *bytes, size_t len) {
  return oid.ptr != NULL && oid.len == len && memcmp(oid.ptr, bytes, len) == 0;
}

/* put_decimal writes |v| in decimal at out[*n], within |cap|. */
static int put_decimal(uint64_t v, char *out, size_t cap, size_t *n) {
  char digits[20];
  size_t k = 0;
  do {
    digits[k++] = (char)('0' + (v % 10));
    v /= 10;
  } while (v != 0);
  if (cap - *n < k) return 0;
  while (k > 0) out[(*n)++] = digits[--k];
  return 1;
}

int sf_der_oid_to_text(sf_slice oid, char *out, size_t cap, size_t *out_len) {
  int rc = sf_der_oid_check(oid);
  if (rc != SF_DER_OK) return rc;
  size_t pos = 0, n = 0;
  while (pos < oid.len) {
    uint64_t v = 0;
    next_subid(oid, &pos, &v);
    if (n == 0) {
      uint64_t first = v < 40 ? 0 : v < 80 ? 1 : 2;
      if (!put_decimal(first, out, cap, &n) || n == cap) return SF_DER_BUFFER_TOO_SMALL;
      out[n++] = '.';
      v -= first * 40;
    } else {
      if (n == cap) return SF_DER_BUFFER_TOO_SMALL;
      out[n++] = '.';
    }
    if (!put_decimal(v, out, cap, &n)) return SF_DER_BUFFER_TOO_SMALL;
  }
  if (n == cap) return SF_DER_BUFFER_TOO_SMALL;
  out[n] = '\0';
  *out_len = n;
  return SF_DER_OK;
}

/* get_arc reads a decimal arc at text[*i]: digits, no leading zero, at most
 * 2^64 - 1 (the bounded decimal reader: overflow is an error, not a wrap). */
static int get_arc(const char *text, size_t len, size_t *i, uint64_t *out) {
  size_t start = *i;
  uint64_t v = 0;
  while (*i < len && text[*i] >= '0' && text[*i] <= '9') {
    uint64_t digit = (uint64_t)(text[*i] - '0');
    if (v > (UINT64_MAX - digit) / 10) return 0;
    v = v * 10 + digit;
    (*i)++;
  }
  if (*i == start || (text[start] == '0' && *i - start > 1)) return 0;
  *out = v;
  return 1;
}

/* put_subid appends |v| in base 128 at out[*n]. */
static int put_subid(uint64_t v, uint8_t *out, size_t cap, size_t *n) {
  int shift = 63;
  while (shift > 0 && (v >> shift) == 0) shift -= 7;
  for (; shift > 0; shift -= 7) {
    if (*n == cap) return 0;
    out[(*n)++] = (uint8_t)(0x80 | ((v >> shift) & 0x7F));
  }
  if (*n == cap) return 0;
  out[(*n)++] = (uint8_t)(v & 0x7F);
  return 1;
}

int sf_der_oid_from_text(const char *text, size_t len, uint8_t *out, size_t cap,
                         size_t *out_len) {
  size_t i = 0, n = 0, arcs = 0;
  uint64_t first = 0, v = 0;
  if (!get_arc(text, len, &i, &first) || first > 2) return SF_DER_BAD_OID_TEXT;
  arcs = 1;
  if (i == len || text[i] != '.') return SF_DER_BAD_OID_TEXT;
  i++;
  if (!get_arc(text, len, &i, &v)) return SF_DER_BAD_OID_TEXT;
  arcs++;
  /* 8.19.4: arc2 < 40 below the joint-iso-itu-t arc; the sum fits 64 bits. */
  if ((first < 2 && v >= 40) || v > UINT64_MAX - first * 40) return SF_DER_BAD_OID_TEXT;
  if (!put_subid(first * 40 + v, out, cap, &n)) return SF_DER_BUFFER_TOO_SMALL;
  while (i < len) {
    if (text[i] != '.') return SF_DER_BAD_OID_TEXT;
    i++;
    if (!get_arc(text, len, &i, &v)) return SF_DER_BAD_OID_TEXT;
    if (++arcs > SF_DER_MAX_OID_ARCS) return SF_DER_TOO_MANY_OID_ARCS;
    if (!put_subid(v, out, cap, &n)) return SF_DER_BUFFER_TOO_SMALL;
  }
  *out_len = n;
  return SF_DER_OK;
}
