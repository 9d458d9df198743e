/* delimiter.c: finding delimiter lines in a multipart body (RFC 2046 5.1.1).
 *
 *   dash-boundary     := "--" boundary
 *   delimiter         := CRLF dash-boundary
 *   close-delimiter   := delimiter "--"
 *   transport-padding := *LWSP-char   ; receivers MUST handle it
 *
 * A delimiter is recognised only at the start of a line and only when what
 * follows the boundary is transport padding and a line end (or "--", padding
 * and a line end or the end of the body, for the close delimiter). A line
 * that starts with the dash-boundary and goes on with anything else is part
 * content: that is what keeps a boundary that is a prefix of a longer one
 * from splitting a part. The line end before "--" belongs to the delimiter.
 *
 * Bare LF: in strict mode a bare LF before "--" boundary, or ending a
 * delimiter line, is an error rather than content, because a reader that
 * accepts LF would split there and see different parts than we do. */
#include <string.h>

#include "mime_internal.h"

/* classify_tail looks at what follows "--" boundary, at |pos|, up to |end|,
 * and fills d->kind, d->end and d->has_line_end. |*bare_lf_at| is set to the
 * offset of a bare LF that ends the line, or to SF_MIME_NONE. */
static void classify_tail(const sf_mimei_ctx *c, size_t pos, size_t end, sf_mimei_delim *d,
                          size_t *bare_lf_at) {
  sf_text t = {c->base, pos, end};
  int close = 0;
  *bare_lf_at = SF_MIME_NONE;
  d->kind = SF_MIMEI_DELIM_NONE;
  d->has_line_end = 0;
  if (sf_text_expect(&t, '-')) {
    if (sf_text_at_end(&t)) {
      d->kind = SF_MIMEI_DELIM_TRUNCATED; /* "--boundary-" and the body ends */
      return;
    }
    if (!sf_text_expect(&t, '-')) return; /* "--boundary-x": content */
    close = 1;
  }
  sf_text_skip_class(&t, SF_C_WSP); /* transport padding */
  if (sf_text_at_end(&t)) {
    /* The close delimiter may end the body; an open one may not. */
    d->kind = close ? SF_MIMEI_DELIM_CLOSE : SF_MIMEI_DELIM_TRUNCATED;
    d->end = t.pos;
    return;
  }
  uint8_t c0 = 0, c1 = 0;
  sf_text_peek(&t, &c0);
  if (c0 == '\r') {
    if (!sf_text_peek_at(&t, 1, &c1)) {
      d->kind = SF_MIMEI_DELIM_TRUNCATED; /* the body ends between CR and LF */
      return;
    }
    if (c1 != '\n') return; /* a bare CR: not a line end, so content */
    d->end = t.pos + 2;
  } else if (c0 == '\n') {
    *bare_lf_at = t.pos;
    d->end = t.pos + 1;
  } else {
    return; /* the line goes on: content */
  }
  d->kind = close ? SF_MIMEI_DELIM_CLOSE : SF_MIMEI_DELIM_OPEN;
  d->has_line_end = 1;
}

/* is_dash_boundary_prefix returns 1 if the |n| bytes at |pos| are the start
 * of "--" boundary. */
static int is_dash_boundary_prefix(const sf_mimei_ctx *c, sf_slice boundary, size_t pos,
                                   size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint8_t want = i < 2 ? (uint8_t)'-' : boundary.ptr[i - 2];
    if (c->base[pos + i] != want) return 0;
  }
  return 1;
}

/* match_at checks for a delimiter line whose "--" is at |dash|. A body that
 * ends part-way through "--" boundary is cut inside a delimiter line: we
 * cannot tell it from content, so it is never taken as content. */
static void match_at(const sf_mimei_ctx *c, sf_slice boundary, size_t dash, size_t end,
                     sf_mimei_delim *d, size_t *bare_lf_at) {
  size_t need = 2 + boundary.len, have = end - dash;
  d->kind = SF_MIMEI_DELIM_NONE;
  d->dash = dash;
  d->end = end;
  *bare_lf_at = SF_MIME_NONE;
  if (have < need) {
    if (have > 0 && is_dash_boundary_prefix(c, boundary, dash, have)) {
      d->kind = SF_MIMEI_DELIM_TRUNCATED;
    }
    return;
  }
  if (!is_dash_boundary_prefix(c, boundary, dash, need)) return;
  classify_tail(c, dash + need, end, d, bare_lf_at);
}

int sf_mimei_find_delim(sf_mimei_ctx *c, sf_slice boundary, size_t from, size_t end, int at_from,
                        sf_mimei_delim *d) {
  size_t bare_lf_at = SF_MIME_NONE;
  d->kind = SF_MIMEI_DELIM_NONE;
  if (at_from) {
    match_at(c, boundary, from, end, d, &bare_lf_at);
    d->start = from;
  }
  size_t pos = from;
  while (d->kind == SF_MIMEI_DELIM_NONE && pos < end) {
    const uint8_t *nl = memchr(c->base + pos, '\n', end - pos);
    if (nl == NULL) break;
    size_t lf = sf_mimei_off(c, nl);
    pos = lf + 1;
    match_at(c, boundary, pos, end, d, &bare_lf_at);
    if (d->kind == SF_MIMEI_DELIM_NONE) continue;
    /* The line end before "--" is CRLF if its CR is inside the range. */
    if (lf > from && c->base[lf - 1] == '\r') {
      d->start = lf - 1;
    } else {
      d->start = lf;
      if (d->kind != SF_MIMEI_DELIM_TRUNCATED) {
        int rc = sf_mimei_bare_lf(c, lf);
        if (rc != SF_MIME_OK) return rc;
      }
    }
  }
  if (d->kind != SF_MIMEI_DELIM_NONE && d->kind != SF_MIMEI_DELIM_TRUNCATED &&
      bare_lf_at != SF_MIME_NONE) {
    return sf_mimei_bare_lf(c, bare_lf_at);
  }
  return SF_MIME_OK;
}
