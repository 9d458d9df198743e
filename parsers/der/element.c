/* element.c: the cursor: reading whole elements, opening their contents,
 * indefinite lengths (X.690 8.1.3.6) and the form of universal types. */
#include "der_internal.h"

static const char *const status_names[] = {
#define SF_X(name, reason) "SF_DER_" #name,
    SF_DER_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const status_reasons[] = {
#define SF_X(name, reason) reason,
    SF_DER_STATUS_LIST(SF_X)
#undef SF_X
};

const char *sf_der_status_name(int code) {
  return (code >= 0 && code < SF_DER_STATUS_COUNT) ? status_names[code] : "?";
}

const char *sf_der_status_reason(int code) {
  return (code >= 0 && code < SF_DER_STATUS_COUNT) ? status_reasons[code] : "unknown status";
}

void sf_der_init(sf_der *d, sf_der_state *st, const uint8_t *data, size_t len, unsigned flags) {
  st->base = data;
  st->len = len;
  st->flags = flags;
  st->warnings = 0;
  st->err.code = SF_DER_OK;
  st->err.offset = 0;
  st->err.reason = sf_der_status_reason(SF_DER_OK);
  d->st = st;
  d->pos = 0;
  d->end = len;
  d->depth = 0;
}

sf_slice sf_der_rest(const sf_der *d) {
  return sf_slice_make(d->st->base + d->pos, sf_der_left(d));
}

int sf_der_fail(sf_der_state *st, int code, size_t offset) {
  if (st->err.code == SF_DER_OK) {
    st->err.code = code;
    st->err.offset = offset;
    st->err.reason = sf_der_status_reason(code);
  }
  return code;
}

int sf_der__is_string_type(uint32_t number) {
  return number == SF_DER_BIT_STRING || number == SF_DER_OCTET_STRING || number == 7 ||
         number == SF_DER_UTF8STRING || (number >= 18 && number <= 28) ||
         number == SF_DER_BMPSTRING;
}

/* Universal types whose encoding is always primitive (X.690 8.2, 8.3, 8.4,
 * 8.5, 8.8, 8.19, 8.20) or always constructed (8.9, 8.10, 8.12, 8.18). */
static int always_primitive(uint32_t n) {
  return n == SF_DER_BOOLEAN || n == SF_DER_INTEGER || n == SF_DER_NULL || n == SF_DER_OID ||
         n == 9 || n == SF_DER_ENUMERATED || n == 13;
}
static int always_constructed(uint32_t n) {
  return n == 8 || n == 11 || n == 16 || n == 17 || n == 29;
}

/* find_indefinite_end walks indefinite-length contents starting at |pos| to
 * the end-of-contents octets that close them, counting the indefinite
 * elements opened inside (X.690 8.1.3.6.2). Definite elements are skipped by
 * their length. *out_eoc gets the offset of the closing 00 00. */
static int find_indefinite_end(const sf_der *d, size_t pos, unsigned depth, size_t *out_eoc) {
  sf_der_state *st = d->st;
  unsigned open = 1;
  for (;;) {
    if (pos >= d->end) return sf_der_fail(st, SF_DER_MISSING_EOC, d->end);
    sf_der__hdr h;
    size_t err_off = pos;
    int rc = sf_der__read_header(st, pos, d->end, &h, &err_off);
    if (rc != SF_DER_OK) {
      return sf_der_fail(st, rc == SF_DER_TRUNCATED ? SF_DER_MISSING_EOC : rc, err_off);
    }
    if (sf_der__is_eoc(&h)) {
      if (--open == 0) {
        *out_eoc = pos;
        return SF_DER_OK;
      }
      pos += h.header_len;
      continue;
    }
    if ((h.tag & SF_DER_NUMBER_MASK) == 0 && (h.tag & SF_DER_CLASS_MASK) == 0) {
      return sf_der_fail(st, SF_DER_BAD_EOC, pos);
    }
    if (h.indefinite) {
      if (depth + open > SF_DER_MAX_DEPTH) return sf_der_fail(st, SF_DER_TOO_DEEP, pos);
      open++;
      pos += h.header_len;
      continue;
    }
    pos += h.header_len + h.len;
  }
}

int sf_der_peek_tag(const sf_der *d, sf_der_tag *out_tag) {
  sf_der_state scratch = *d->st; /* warnings of a peek are not the caller's */
  sf_der__hdr h;
  size_t err_off = 0;
  if (sf_der__read_header(&scratch, d->pos, d->end, &h, &err_off) != SF_DER_OK) {
    /* A valid identifier followed by a bad length still has a tag. */
    if (d->pos >= d->end) return 0;
    uint8_t first = d->st->base[d->pos];
    if ((first & 0x1F) == 0x1F) return 0;
    *out_tag = ((sf_der_tag)(first & 0xC0) << 24) | ((first & 0x20) ? SF_DER_CONSTRUCTED : 0) |
               (first & 0x1Fu);
    return 1;
  }
  *out_tag = h.tag;
  return 1;
}

int sf_der_is_next(const sf_der *d, sf_der_tag tag) {
  sf_der_tag t = 0;
  return sf_der_peek_tag(d, &t) && t == tag;
}

int sf_der_get_any(sf_der *d, sf_der_elem *out) {
  sf_der_state *st = d->st;
  size_t start = d->pos;
  if (start >= d->end) return sf_der_fail(st, SF_DER_MISSING_ELEMENT, start);
  sf_der__hdr h;
  size_t err_off = start;
  int rc = sf_der__read_header(st, start, d->end, &h, &err_off);
  if (rc != SF_DER_OK) return sf_der_fail(st, rc, err_off);
  size_t cstart = start + h.header_len;
  size_t cend, next;
  if (h.indefinite) {
    if (d->depth + 1 > SF_DER_MAX_DEPTH) return sf_der_fail(st, SF_DER_TOO_DEEP, start);
    size_t eoc = 0;
    rc = find_indefinite_end(d, cstart, d->depth + 1, &eoc);
    if (rc != SF_DER_OK) return rc;
    cend = eoc;
    next = eoc + 2;
  } else {
    cend = cstart + h.len;
    next = cend;
  }
  sf_slice contents = sf_slice_make(st->base + cstart, cend - cstart);
  if ((h.tag & SF_DER_CLASS_MASK) == SF_DER_CLASS_UNIVERSAL) {
    uint32_t number = h.tag & SF_DER_NUMBER_MASK;
    int constructed = (h.tag & SF_DER_CONSTRUCTED) != 0;
    if (number == SF_DER_EOC) return sf_der_fail(st, SF_DER_BAD_EOC, start);
    if ((constructed && always_primitive(number)) || (!constructed && always_constructed(number))) {
      return sf_der_fail(st, SF_DER_BAD_FORM, start);
    }
    if (constructed && sf_der__is_string_type(number)) {
      if (!(st->flags & SF_DER_ALLOW_CONSTRUCTED_STRINGS)) {
        return sf_der_fail(st, SF_DER_CONSTRUCTED_STRING, start);
      }
      st->warnings |= SF_DER_W_CONSTRUCTED_STRING;
      /* The segments must be of the string's own type, all the way down. */
      size_t joined = 0, segments = 0, after = 0;
      uint8_t unused = 0;
      rc = sf_der__walk_string(st, cstart, cend, 0, number, 0,
                               &joined, &segments, NULL, &unused, &after, &err_off);
      if (rc != SF_DER_OK) return sf_der_fail(st, rc, err_off);
    } else if (!constructed) {
      rc = sf_der__check_primitive(st, number, contents, &err_off);
      if (rc != SF_DER_OK) return sf_der_fail(st, rc, err_off);
    }
  }
  out->tag = h.tag;
  out->header_len = h.header_len;
  out->contents = contents;
  out->whole = sf_slice_make(st->base + start, next - start);
  out->indefinite = h.indefinite;
  out->depth = d->depth;
  d->pos = next;
  return SF_DER_OK;
}

int sf_der_get_elem(sf_der *d, sf_der_tag tag, sf_der_elem *out) {
  if (sf_der_at_end(d)) return sf_der_fail(d->st, SF_DER_MISSING_ELEMENT, d->pos);
  sf_der_tag got = 0;
  if (sf_der_peek_tag(d, &got) && got != tag) {
    return sf_der_fail(d->st, SF_DER_UNEXPECTED_TAG, d->pos);
  }
  sf_der saved = *d;
  int rc = sf_der_get_any(d, out);
  if (rc != SF_DER_OK) return rc;
  if (out->tag != tag) {
    *d = saved;
    return sf_der_fail(d->st, SF_DER_UNEXPECTED_TAG, d->pos);
  }
  return SF_DER_OK;
}

int sf_der_open(const sf_der *d, const sf_der_elem *e, sf_der *out) {
  if (d->depth + 1 > SF_DER_MAX_DEPTH) {
    return sf_der_fail(d->st, SF_DER_TOO_DEEP, (size_t)(e->whole.ptr - d->st->base));
  }
  out->st = d->st;
  out->pos = (size_t)(e->contents.ptr - d->st->base);
  out->end = out->pos + e->contents.len;
  out->depth = d->depth + 1;
  return SF_DER_OK;
}

int sf_der_get(sf_der *d, sf_der_tag tag, sf_der *out) {
  sf_der_elem e;
  sf_der saved = *d;
  int rc = sf_der_get_elem(d, tag, &e);
  if (rc != SF_DER_OK) return rc;
  rc = sf_der_open(&saved, &e, out);
  if (rc != SF_DER_OK) *d = saved;
  return rc;
}

int sf_der_get_optional(sf_der *d, sf_der_tag tag, sf_der *out, int *out_present) {
  *out_present = 0;
  if (!sf_der_is_next(d, tag)) return SF_DER_OK;
  int rc = sf_der_get(d, tag, out);
  if (rc == SF_DER_OK) *out_present = 1;
  return rc;
}

int sf_der_finish(sf_der *d) {
  if (!sf_der_at_end(d)) return sf_der_fail(d->st, SF_DER_TRAILING_DATA, d->pos);
  return SF_DER_OK;
}
