/* part_headers.c: the header fields at the top of a body part (RFC 2046
 * 5.1.1 body-part, RFC 2045 3, RFC 5322 2.2 and 3.2.2). A folded field is
 * accepted and reported (SF_MIME_W_FOLDING).
 *
 *   body-part := MIME-part-headers [CRLF *OCTET]
 *   field     := field-name ":" unstructured CRLF
 *   field-name:= 1*ftext          ; printable US-ASCII but ':'
 *
 * A field continues on lines that start with SP or HT (folding). The header
 * block ends at an empty line, after which the body starts; a part may also
 * end right after a complete header line (no body) or be empty.
 *
 * Strictness, and why:
 *   - nothing between the name and ':' (RFC 5322's obs-optional allows
 *     white space; readers that do not allow it see another field name);
 *   - a continuation line holding only white space is refused: RFC 5322
 *     3.2.2 forbids generating it, and a reader may take it for the empty
 *     line that ends the header block;
 *   - CR only as part of CRLF; LF alone only with SF_MIME_ALLOW_LF;
 *   - control characters other than HT are refused in values; bytes >= 0x80
 *     are kept if they are UTF-8 (RFC 6532 3.2), the one rule SIP text has
 *     too (common/utf8.c); other bytes are SF_MIME_BAD_UTF8 at the first
 *     one unless SF_MIME_ALLOW_NON_UTF8.
 *
 * This is a small reader of its own rather than the SIP one: SIP's header
 * fields also have compact forms, a different name grammar (token) and
 * HCOLON white space. */
#include "mime_internal.h"
#include "utf8.h"

/* line_end_at returns the length of the line end at |pos| (2 for CRLF, 1 for
 * LF), 0 if there is none, and -1 for a bare CR. */
static int line_end_at(const sf_text *t) {
  uint8_t c0 = 0, c1 = 0;
  if (!sf_text_peek(t, &c0)) return 0;
  if (c0 == '\n') return 1;
  if (c0 != '\r') return 0;
  return (sf_text_peek_at(t, 1, &c1) && c1 == '\n') ? 2 : -1;
}

/* take_line_end advances over the line end at the cursor, which must be one,
 * reporting a bare CR or (strict) a bare LF. */
static int take_line_end(sf_mimei_ctx *c, sf_text *t, int n) {
  if (n < 0) return sf_mimei_fail(c, SF_MIME_BARE_CR, t->pos);
  if (n == 1) {
    int rc = sf_mimei_bare_lf(c, t->pos);
    if (rc != SF_MIME_OK) return rc;
  }
  sf_text_skip(t, (size_t)n);
  return SF_MIME_OK;
}

/* take_non_ascii advances over the sequence that starts with the byte
 * above 127 at the cursor: a well-formed UTF-8 sequence, or (with
 * SF_MIME_ALLOW_NON_UTF8, reported) that one byte. The sequence must lie
 * within the part (bytes after it, such as a delimiter or a caller's bytes
 * past the body, never complete one), and a line end inside it makes it
 * ill-formed at its first byte, as it should. */
static int take_non_ascii(sf_mimei_ctx *c, sf_text *t) {
  size_t n = sf_utf8_sequence(t->base + t->pos, sf_text_left(t));
  if (n > 0) { /* n <= what is left, so the skip moves */
    sf_text_skip(t, n);
    return SF_MIME_OK;
  }
  if (!(c->flags & SF_MIME_ALLOW_NON_UTF8)) return sf_mimei_fail(c, SF_MIME_BAD_UTF8, t->pos);
  c->out->warnings |= SF_MIME_W(NON_UTF8);
  sf_text_skip(t, 1);
  return SF_MIME_OK;
}

/* get_value reads a field value from just after the colon to the end of the
 * field, continuation lines included, and trims the white space at both
 * ends. |*terminated| tells whether the field ended with a line end. */
static int get_value(sf_mimei_ctx *c, sf_text *t, sf_slice *out, int *terminated) {
  size_t start = t->pos, first = SF_MIME_NONE, last = t->pos;
  *terminated = 0;
  for (;;) {
    uint8_t ch = 0;
    if (!sf_text_peek(t, &ch)) break;
    int n = line_end_at(t);
    if (n != 0) {
      int rc = take_line_end(c, t, n);
      if (rc != SF_MIME_OK) return rc;
      if (!sf_text_is_next_in(t, SF_C_WSP)) {
        *terminated = 1;
        break;
      }
      /* A continuation line: it must hold something besides white space.
       * Folding is legal (RFC 5322 2.2.3, RFC 2045 3 builds on it) and is
       * accepted without a flag, but always reported: readers have
       * disagreed on it (HTTP deprecated its obs-fold, RFC 7230 3.2.4, for
       * that reason), so a caller may want to know. */
      c->out->warnings |= SF_MIME_W(FOLDING);
      size_t cont = t->pos;
      sf_text_skip_class(t, SF_C_WSP);
      if (sf_text_at_end(t) || line_end_at(t) != 0) {
        return sf_mimei_fail(c, SF_MIME_BAD_HEADER_VALUE, cont);
      }
      continue;
    }
    if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
      return sf_mimei_fail(c, SF_MIME_BAD_HEADER_VALUE, t->pos);
    }
    if (ch != ' ' && ch != '\t') {
      if (first == SF_MIME_NONE) first = t->pos;
      last = t->pos + 1;
    }
    if (ch >= 0x80) {
      int rc = take_non_ascii(c, t);
      if (rc != SF_MIME_OK) return rc;
      last = t->pos;
      continue;
    }
    sf_text_skip(t, 1);
  }
  if (first == SF_MIME_NONE) first = last = start; /* an empty value, right after ':' */
  *out = sf_mimei_span(c, first, last);
  return SF_MIME_OK;
}

/* get_field reads one header field into |h|. */
static int get_field(sf_mimei_ctx *c, sf_text *t, sf_mime_header *h, int *terminated) {
  if (!sf_text_get_span(t, SF_C_FTEXT, &h->name)) {
    return sf_mimei_fail(c, SF_MIME_BAD_HEADER_NAME, t->pos);
  }
  if (!sf_text_expect(t, ':')) {
    uint8_t ch = 0;
    /* "Name :" or a name cut by a line end has no colon; "Name\x80:" has a
     * name that is not printable ASCII. */
    int no_colon = !sf_text_peek(t, &ch) || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    return sf_mimei_fail(c, no_colon ? SF_MIME_MISSING_COLON : SF_MIME_BAD_HEADER_NAME, t->pos);
  }
  h->id = sf_mime_header_id_of(h->name);
  return get_value(c, t, &h->value, terminated);
}

/* add_header stores |h| for part |index| within both limits. */
static int add_header(sf_mimei_ctx *c, size_t index, const sf_mime_header *h) {
  sf_mime_part *p = &c->out->parts[index];
  size_t at = sf_mimei_off(c, h->name.ptr);
  if (p->header_count == SF_MIME_MAX_PART_HEADERS || c->out->header_count == SF_MIME_MAX_HEADERS) {
    return sf_mimei_fail(c, SF_MIME_TOO_MANY_HEADERS, at);
  }
  c->out->headers[c->out->header_count++] = *h;
  p->header_count++;
  return SF_MIME_OK;
}

int sf_mimei_parse_part_headers(sf_mimei_ctx *c, size_t index) {
  sf_mime_part *p = &c->out->parts[index];
  sf_text t = sf_text_of_slice(c->base, p->whole);
  size_t start = t.pos;
  if (sf_text_is_next_in(&t, SF_C_WSP)) {
    return sf_mimei_fail(c, SF_MIME_FOLD_WITHOUT_HEADER, t.pos);
  }
  for (;;) {
    if (sf_text_at_end(&t)) {
      /* Header fields only (or nothing): RFC 2046 allows a part without
       * the blank line and body. */
      p->header_block = sf_mimei_span(c, start, t.pos);
      break;
    }
    int n = line_end_at(&t);
    if (n != 0) {
      size_t blank = t.pos;
      int rc = take_line_end(c, &t, n);
      if (rc != SF_MIME_OK) return rc;
      p->header_block = sf_mimei_span(c, start, blank);
      p->body = sf_text_rest(&t);
      break;
    }
    sf_mime_header h;
    int terminated = 0;
    int rc = get_field(c, &t, &h, &terminated);
    if (rc == SF_MIME_OK) rc = add_header(c, index, &h);
    if (rc != SF_MIME_OK) return rc;
    if (!terminated) {
      if (!(c->flags & SF_MIME_ALLOW_UNTERMINATED_HEADERS)) {
        return sf_mimei_fail(c, SF_MIME_NO_HEADER_END, t.pos);
      }
      c->out->warnings |= SF_MIME_W(UNTERMINATED_HEADERS);
      p->header_block = sf_mimei_span(c, start, t.pos);
      break;
    }
  }
  return sf_mimei_take_fields(c, index);
}
