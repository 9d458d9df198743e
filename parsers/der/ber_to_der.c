/* ber_to_der.c: BER to DER (X.690 section 10 and 11.1, 11.2).
 *
 * Two passes over one element tree: the size of every element's DER contents
 * is computed first (so the caller's capacity is checked before a byte is
 * written), then the tree is written. A constructed element's header needs
 * its contents' DER size, which is recomputed at each level: the cost is
 * bounded by SF_DER_MAX_DEPTH times the input, and no memory is allocated.
 * Recursion follows the element nesting, bounded by SF_DER_MAX_DEPTH. */
#include <string.h>

#include "der_internal.h"

static int is_universal_string(sf_der_tag tag) {
  return (tag & SF_DER_CLASS_MASK) == SF_DER_CLASS_UNIVERSAL &&
         sf_der__is_string_type(tag & SF_DER_NUMBER_MASK);
}

static size_t header_size(sf_der_tag tag, size_t len) {
  uint8_t tmp[SF_DER_MAX_HEADER_LEN];
  return sf_der_write_header(tag, len, tmp);
}

/* joined_string walks the segments of constructed string |e|, writing them
 * at |out| when not NULL; *out_len is the joined length. */
static int joined_string(const sf_der *d, const sf_der_elem *e, uint8_t *out, size_t *out_len) {
  uint32_t number = e->tag & SF_DER_NUMBER_MASK;
  size_t cstart = (size_t)(e->contents.ptr - d->st->base);
  size_t len = 0, segments = 0, after = 0, err_off = cstart;
  uint8_t unused = 0;
  int rc = sf_der__walk_string(d->st, cstart, cstart + e->contents.len, 0, number, 0, &len,
                               &segments, out, &unused, &after, &err_off);
  if (rc != SF_DER_OK) return sf_der_fail(d->st, rc, err_off);
  if (number == SF_DER_BIT_STRING) {
    if (len == 0) len = 1;
    if (out != NULL) {
      out[0] = unused;
      if (len > 1) out[len - 1] &= (uint8_t)(0xFF << unused); /* 11.2.1 */
    }
  }
  *out_len = len;
  return SF_DER_OK;
}

/* content_size stores the DER contents length of |e| (read from |d|). */
static int content_size(const sf_der *d, const sf_der_elem *e, size_t *out) {
  if (!(e->tag & SF_DER_CONSTRUCTED)) {
    *out = e->contents.len;
    return SF_DER_OK;
  }
  if (is_universal_string(e->tag)) return joined_string(d, e, NULL, out);
  sf_der inner;
  int rc = sf_der_open(d, e, &inner);
  size_t total = 0;
  while (rc == SF_DER_OK && !sf_der_at_end(&inner)) {
    sf_der_elem child;
    size_t csize = 0;
    rc = sf_der_get_any(&inner, &child);
    if (rc == SF_DER_OK) rc = content_size(&inner, &child, &csize);
    if (rc == SF_DER_OK) total += header_size(child.tag, csize) + csize;
  }
  *out = total;
  return rc;
}

/* write_elem writes the DER form of |e| at out[*n]. */
static int write_elem(const sf_der *d, const sf_der_elem *e, uint8_t *out, size_t *n) {
  size_t csize = 0;
  int rc = content_size(d, e, &csize);
  if (rc != SF_DER_OK) return rc;
  sf_der_tag tag = e->tag;
  if ((tag & SF_DER_CONSTRUCTED) && is_universal_string(tag)) tag &= ~SF_DER_CONSTRUCTED;
  *n += sf_der_write_header(tag, csize, out + *n);
  if (!(e->tag & SF_DER_CONSTRUCTED)) {
    if (csize) memcpy(out + *n, e->contents.ptr, csize);
    if (tag == SF_DER_BOOLEAN && out[*n] != 0) out[*n] = 0xFF; /* 11.1 */
    if (tag == SF_DER_BIT_STRING && csize > 1) out[*n + csize - 1] &= (uint8_t)(0xFF << out[*n]);
    *n += csize;
    return SF_DER_OK;
  }
  if (is_universal_string(e->tag)) {
    size_t len = 0;
    rc = joined_string(d, e, out + *n, &len);
    *n += len;
    return rc;
  }
  sf_der inner;
  rc = sf_der_open(d, e, &inner);
  while (rc == SF_DER_OK && !sf_der_at_end(&inner)) {
    sf_der_elem child;
    rc = sf_der_get_any(&inner, &child);
    if (rc == SF_DER_OK) rc = write_elem(&inner, &child, out, n);
  }
  return rc;
}

int sf_der_ber_to_der(const uint8_t *in, size_t len, unsigned flags, uint8_t *out, size_t cap,
                      size_t *out_len, sf_error *err) {
  sf_der_state st;
  sf_der d;
  sf_der_elem top;
  size_t csize = 0;
  sf_der_init(&d, &st, in, len, flags);
  *out_len = 0;
  int rc = sf_der_get_any(&d, &top);
  if (rc == SF_DER_OK) rc = sf_der_finish(&d);
  if (rc == SF_DER_OK) {
    sf_der at_top = d;
    at_top.pos = 0;
    rc = content_size(&at_top, &top, &csize);
  }
  if (rc == SF_DER_OK) {
    sf_der_tag tag = top.tag;
    if ((tag & SF_DER_CONSTRUCTED) && is_universal_string(tag)) tag &= ~SF_DER_CONSTRUCTED;
    size_t need = header_size(tag, csize) + csize;
    *out_len = need;
    if (out == NULL || cap < need) {
      rc = sf_der_fail(&st, SF_DER_BUFFER_TOO_SMALL, 0);
    } else {
      size_t n = 0;
      sf_der at_top = d;
      at_top.pos = 0;
      rc = write_elem(&at_top, &top, out, &n);
    }
  }
  if (err != NULL) *err = st.err;
  return rc;
}
