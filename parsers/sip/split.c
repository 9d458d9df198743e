/* split.c: comma-separated header values (RFC 3261 7.3.1: a field whose
 * grammar is a comma-separated list may be split over several fields, and
 * one field may carry several values).
 *
 * A comma separates values only outside quoted-strings and outside < >
 * (a URI may hold commas; RFC 3261 20.10 puts such URIs in < >). Each value
 * is trimmed of LWS; an empty one ("a,,b", "a,") is an error, since no
 * list grammar of RFC 3261 allows it. */
#include "sip_internal.h"

int sf_sipi_split_next(sf_text *t, sf_slice *out, int *done, sf_error *err) {
  *done = 0;
  sf_lex_skip_lws(t);
  size_t start = t->pos;
  if (sf_text_at_end(t)) {
    /* Nothing after the last comma (or an empty value): the caller knows
     * whether a comma came before. */
    *done = 1;
    return SF_SIP_OK;
  }
  size_t end = start; /* one past the last non-LWS byte of the element */
  for (;;) {
    uint8_t c = 0;
    if (!sf_text_peek(t, &c) || c == ',') break;
    if (c == '"') {
      sf_slice q;
      int rc = sf_lex_get_quoted(t, &q);
      if (rc == SF_LEX_QUOTED_UNTERMINATED) return sip_fail(err, t->pos, SF_SIP_UNTERMINATED_QUOTE);
      if (rc != SF_LEX_QUOTED_OK) return sip_fail(err, t->pos, SF_SIP_BAD_QUOTED_STRING);
      end = t->pos;
    } else if (c == '<') {
      while (sf_text_peek(t, &c) && c != '>') t->pos++;
      if (!sf_text_expect(t, '>')) return sip_fail(err, t->pos, SF_SIP_UNTERMINATED_ANGLE);
      end = t->pos;
    } else if (sf_lex_skip_lws(t)) {
      /* not part of the element unless something follows */
    } else {
      t->pos++;
      end = t->pos;
    }
  }
  if (end == start) return sip_fail(err, start, SF_SIP_EMPTY_VALUE);
  *out = sf_slice_make(t->base + start, end - start);
  if (sf_text_expect(t, ',')) {
    /* A comma must be followed by another element. */
    sf_lex_skip_lws(t);
    if (sf_text_at_end(t) || sf_text_is_next(t, ',')) {
      return sip_fail(err, t->pos, SF_SIP_EMPTY_VALUE);
    }
  }
  return SF_SIP_OK;
}

int sf_sip_split(const uint8_t *base, sf_slice value, sf_slice *out, size_t cap,
                 size_t *out_count, sf_error *err) {
  sf_text t = sip_text_of(base, value);
  size_t n = 0;
  if (cap > SF_SIP_MAX_VALUES) cap = SF_SIP_MAX_VALUES;
  *out_count = 0;
  for (;;) {
    sf_slice elem;
    int done = 0;
    int rc = sf_sipi_split_next(&t, &elem, &done, err);
    if (rc != SF_SIP_OK) return rc;
    if (done) break;
    if (n == cap) return sip_fail(err, (size_t)(elem.ptr - base), SF_SIP_TOO_MANY_VALUES);
    out[n++] = elem;
  }
  *out_count = n;
  return sip_ok(err);
}
