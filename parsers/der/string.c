/* string.c: OCTET STRING, BIT STRING and the character string types,
 * primitive or (BER) constructed from segments (X.690 8.6, 8.7, 8.23), and
 * the character sets of the restricted string types (X.680 41). */
#include <string.h>

#include "der_internal.h"
#include "utf8.h"

int sf_der__walk_string(sf_der_state *st, size_t pos, size_t end, int indefinite, uint32_t number,
                        unsigned nest, size_t *io_len, size_t *io_segments, uint8_t *out,
                        uint8_t *io_unused, size_t *out_end, size_t *err_off) {
  for (;;) {
    if (pos >= end) {
      if (indefinite) {
        *err_off = end;
        return SF_DER_MISSING_EOC;
      }
      *out_end = pos;
      return SF_DER_OK;
    }
    sf_der__hdr h;
    int rc = sf_der__read_header(st, pos, end, &h, err_off);
    if (rc != SF_DER_OK) return rc;
    if (sf_der__is_eoc(&h)) {
      if (!indefinite) {
        *err_off = pos;
        return SF_DER_BAD_EOC;
      }
      *out_end = pos + 2;
      return SF_DER_OK;
    }
    /* 8.7.3.2 / 8.6.4.1: each segment is an encoding of the same type. */
    if ((h.tag & ~SF_DER_CONSTRUCTED) != number) {
      *err_off = pos;
      return SF_DER_BAD_STRING_SEGMENT;
    }
    size_t cstart = pos + h.header_len;
    if (h.tag & SF_DER_CONSTRUCTED) {
      size_t after = 0;
      if (nest + 1 > SF_DER_MAX_STRING_NEST) {
        *err_off = pos;
        return SF_DER_STRING_TOO_DEEP;
      }
      rc = sf_der__walk_string(st, cstart, h.indefinite ? end : cstart + h.len, h.indefinite,
                               number, nest + 1, io_len, io_segments, out, io_unused, &after,
                               err_off);
      if (rc != SF_DER_OK) return rc;
      pos = after;
      continue;
    }
    const uint8_t *seg = st->base + cstart;
    size_t seg_len = h.len;
    if (number == SF_DER_BIT_STRING) {
      /* Only the last segment may have unused bits (8.6.4.2). */
      if (seg_len == 0 || seg[0] > 7 || (seg_len == 1 && seg[0] != 0) || *io_unused != 0) {
        *err_off = cstart;
        return SF_DER_BAD_BIT_STRING;
      }
      *io_unused = seg[0];
      if (*io_len == 0) *io_len = 1; /* the joined value's unused-bits octet */
      seg++;
      seg_len--;
    }
    if (out != NULL && seg_len != 0) memcpy(out + *io_len, seg, seg_len);
    *io_len += seg_len;
    (*io_segments)++;
    pos = cstart + h.len;
  }
}

int sf_der_get_implicit_string(sf_der *d, sf_der_tag tag, uint32_t type, sf_der_string *out) {
  sf_der_state *st = d->st;
  sf_der_elem e;
  size_t start = d->pos;
  tag &= ~SF_DER_CONSTRUCTED;
  if (sf_der_is_next(d, tag | SF_DER_CONSTRUCTED)) {
    int rc = sf_der_get_elem(d, tag | SF_DER_CONSTRUCTED, &e);
    if (rc != SF_DER_OK) return rc;
    if (!(st->flags & SF_DER_ALLOW_CONSTRUCTED_STRINGS)) {
      d->pos = start;
      return sf_der_fail(st, SF_DER_CONSTRUCTED_STRING, start);
    }
    st->warnings |= SF_DER_W_CONSTRUCTED_STRING;
    /* For a universal tag get_any has checked the segments; an implicit tag
     * hides the type from it, so the walk here is the check (8.7.3.2: the
     * segments keep their universal tags under implicit tagging). */
    size_t len = 0, segments = 0, after = 0, err_off = start;
    uint8_t unused = 0;
    size_t cstart = (size_t)(e.contents.ptr - st->base);
    rc = sf_der__walk_string(st, cstart, cstart + e.contents.len, 0, type, 0, &len, &segments,
                             NULL, &unused, &after, &err_off);
    if (rc != SF_DER_OK) {
      d->pos = start;
      return sf_der_fail(st, rc, err_off);
    }
    if (type == SF_DER_BIT_STRING && len == 0) len = 1;
    out->constructed = 1;
    out->length = len;
    out->segments = segments;
  } else {
    int rc = sf_der_get_elem(d, tag, &e);
    if (rc != SF_DER_OK) return rc;
    if (tag != type) {
      size_t err_off = start;
      rc = sf_der__check_primitive(st, type, e.contents, &err_off);
      if (rc != SF_DER_OK) {
        d->pos = start;
        return sf_der_fail(st, rc, err_off);
      }
    }
    out->constructed = 0;
    out->length = e.contents.len;
    out->segments = 1;
  }
  out->tag = type;
  out->element = e.whole;
  out->contents = e.contents;
  out->flags = st->flags;
  return SF_DER_OK;
}

int sf_der_get_string(sf_der *d, sf_der_tag tag, sf_der_string *out) {
  return sf_der_get_implicit_string(d, tag, tag, out);
}

int sf_der_string_copy(const sf_der_string *s, uint8_t *out, size_t cap, size_t *out_len) {
  if (cap < s->length) return SF_DER_BUFFER_TOO_SMALL;
  if (!s->constructed) {
    if (s->length) memcpy(out, s->contents.ptr, s->length);
    *out_len = s->length;
    return SF_DER_OK;
  }
  /* Offsets in this walk count from the contents: only bounds matter. */
  sf_der_state st;
  memset(&st, 0, sizeof st);
  st.base = s->contents.ptr;
  st.len = s->contents.len;
  st.flags = s->flags;
  size_t len = 0, segments = 0, after = 0, err_off = 0;
  uint8_t unused = 0;
  int rc = sf_der__walk_string(&st, 0, s->contents.len, 0, s->tag, 0, &len, &segments, out,
                               &unused, &after, &err_off);
  if (rc != SF_DER_OK) return rc;
  if (s->tag == SF_DER_BIT_STRING) {
    if (len == 0) len = 1;
    out[0] = unused;
  }
  *out_len = len;
  return SF_DER_OK;
}

/* ---- Character sets -------------------------------------------------------- */

static int printable(uint8_t c) {
  /* X.680 41.4 Table 10: A-Z a-z 0-9 space ' ( ) + , - . / : = ? */
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         (c != 0 && strchr(" '()+,-./:=?", c) != NULL);
}

int sf_der_check_text(sf_der_tag tag, sf_slice v) {
  size_t i;
  switch (tag & ~SF_DER_CONSTRUCTED) {
    case SF_DER_NUMERICSTRING:
      for (i = 0; i < v.len; i++)
        if (!((v.ptr[i] >= '0' && v.ptr[i] <= '9') || v.ptr[i] == ' ')) return SF_DER_BAD_STRING;
      return SF_DER_OK;
    case SF_DER_PRINTABLESTRING:
      for (i = 0; i < v.len; i++)
        if (!printable(v.ptr[i])) return SF_DER_BAD_STRING;
      return SF_DER_OK;
    case SF_DER_IA5STRING:
      for (i = 0; i < v.len; i++)
        if (v.ptr[i] >= 0x80) return SF_DER_BAD_STRING;
      return SF_DER_OK;
    case SF_DER_VISIBLESTRING:
      for (i = 0; i < v.len; i++)
        if (v.ptr[i] < 0x20 || v.ptr[i] > 0x7E) return SF_DER_BAD_STRING;
      return SF_DER_OK;
    case SF_DER_UTF8STRING: {
      size_t bad = 0;
      return sf_utf8_check(v.ptr, v.len, &bad) ? SF_DER_OK : SF_DER_BAD_STRING;
    }
    case SF_DER_BMPSTRING:
      if (v.len % 2) return SF_DER_BAD_STRING;
      for (i = 0; i < v.len; i += 2)
        if (v.ptr[i] >= 0xD8 && v.ptr[i] <= 0xDF) return SF_DER_BAD_STRING;
      return SF_DER_OK;
    case SF_DER_UNIVERSALSTRING:
      if (v.len % 4) return SF_DER_BAD_STRING;
      for (i = 0; i < v.len; i += 4) {
        uint32_t c = ((uint32_t)v.ptr[i] << 24) | ((uint32_t)v.ptr[i + 1] << 16) |
                     ((uint32_t)v.ptr[i + 2] << 8) | v.ptr[i + 3];
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return SF_DER_BAD_STRING;
      }
      return SF_DER_OK;
    default:
      return SF_DER_OK;
  }
}
