/* header.c: identifier and length octets (X.690 8.1.2, 8.1.3, 10.1). */
#include "der_internal.h"

/* Identifier octets, X.690 8.1.2: bits 8-7 the class, bit 6 constructed,
 * bits 5-1 the number, or 11111 and then base-128 octets, high bit set on
 * all but the last (8.1.2.4). */
static int read_identifier(const sf_der_state *st, size_t pos, size_t end, sf_der_tag *out_tag,
                           size_t *out_len, size_t *err_off) {
  if (pos >= end) {
    *err_off = pos;
    return SF_DER_TRUNCATED;
  }
  uint8_t first = st->base[pos];
  sf_der_tag tag = ((sf_der_tag)(first & 0xC0) << 24) | ((first & 0x20) ? SF_DER_CONSTRUCTED : 0);
  uint32_t number = first & 0x1F;
  size_t n = 1;
  if (number == 0x1F) {
    number = 0;
    for (;;) {
      if (pos + n >= end) {
        *err_off = end;
        return SF_DER_TRUNCATED;
      }
      uint8_t b = st->base[pos + n];
      /* 8.1.2.4.2 c): the first subsequent octet's bits 7-1 are not all zero. */
      if (n == 1 && b == 0x80) {
        *err_off = pos + n;
        return SF_DER_NONMINIMAL_TAG;
      }
      if (n > SF_DER_MAX_TAG_OCTETS) {
        *err_off = pos + n;
        return SF_DER_TAG_TOO_LONG;
      }
      number = (number << 7) | (b & 0x7F);
      n++;
      if (!(b & 0x80)) break;
    }
    /* 8.1.2.3: numbers 0 to 30 take the single-octet form, in BER too. */
    if (number < 0x1F) {
      *err_off = pos;
      return SF_DER_NONMINIMAL_TAG;
    }
  }
  *out_tag = tag | number;
  *out_len = n;
  return SF_DER_OK;
}

int sf_der__read_header(sf_der_state *st, size_t pos, size_t end, sf_der__hdr *out,
                        size_t *err_off) {
  size_t id_len = 0;
  int rc = read_identifier(st, pos, end, &out->tag, &id_len, err_off);
  if (rc != SF_DER_OK) return rc;
  size_t p = pos + id_len;
  if (p >= end) {
    *err_off = end;
    return SF_DER_TRUNCATED;
  }
  uint8_t first = st->base[p++];
  out->indefinite = 0;
  out->len = 0;
  if (first < 0x80) {
    out->len = first; /* short form, 8.1.3.4 */
  } else if (first == 0x80) {
    /* 8.1.3.6: indefinite form, constructed elements only. */
    if (!(out->tag & SF_DER_CONSTRUCTED)) {
      *err_off = p - 1;
      return SF_DER_INDEFINITE_PRIMITIVE;
    }
    if (!(st->flags & SF_DER_ALLOW_INDEFINITE)) {
      *err_off = p - 1;
      return SF_DER_INDEFINITE_LENGTH;
    }
    st->warnings |= SF_DER_W_INDEFINITE;
    out->indefinite = 1;
  } else if (first == 0xFF) {
    *err_off = p - 1; /* 8.1.3.5 c) */
    return SF_DER_RESERVED_LENGTH;
  } else {
    size_t count = first & 0x7F;
    if (count > end - p) {
      *err_off = end;
      return SF_DER_TRUNCATED;
    }
    size_t i = 0;
    int nonminimal = 0;
    /* Leading zero octets: never in DER (10.1); BER allows them. */
    while (i < count && st->base[p + i] == 0) {
      nonminimal = 1;
      i++;
    }
    if (count - i > SF_DER_MAX_LENGTH_OCTETS) {
      *err_off = p - 1;
      return SF_DER_LENGTH_TOO_LONG;
    }
    uint64_t v = 0;
    for (; i < count; i++) v = (v << 8) | st->base[p + i];
    if (v < 0x80) nonminimal = 1; /* the short form would do */
    if (nonminimal) {
      if (!(st->flags & SF_DER_ALLOW_NONMINIMAL_LENGTH)) {
        *err_off = p - 1;
        return SF_DER_NONMINIMAL_LENGTH;
      }
      st->warnings |= SF_DER_W_NONMINIMAL_LENGTH;
    }
    p += count;
    out->len = (size_t)v;
  }
  out->header_len = p - pos;
  if (!out->indefinite && out->len > end - p) {
    *err_off = end;
    return SF_DER_TRUNCATED;
  }
  return SF_DER_OK;
}

size_t sf_der_write_header(sf_der_tag tag, size_t len, uint8_t *out) {
  size_t n = 0;
  uint8_t first = (uint8_t)(((tag & SF_DER_CLASS_MASK) >> 24) | ((tag & SF_DER_CONSTRUCTED) ? 0x20 : 0));
  uint32_t number = tag & SF_DER_NUMBER_MASK;
  if (number < 0x1F) {
    out[n++] = (uint8_t)(first | number);
  } else {
    out[n++] = (uint8_t)(first | 0x1F);
    int shift = 28;
    while (shift > 0 && (number >> shift) == 0) shift -= 7;
    for (; shift > 0; shift -= 7) out[n++] = (uint8_t)(0x80 | ((number >> shift) & 0x7F));
    out[n++] = (uint8_t)(number & 0x7F);
  }
  if (len < 0x80) {
    out[n++] = (uint8_t)len;
  } else {
    uint8_t count = 0;
    for (size_t v = len; v != 0; v >>= 8) count++;
    out[n++] = (uint8_t)(0x80 | count);
    for (int i = count - 1; i >= 0; i--) out[n++] = (uint8_t)(len >> (8 * i));
  }
  return n;
}
