/* split.c: splitting one multipart body into its parts (RFC 2046 5.1.1).
 *
 *   multipart-body := [preamble CRLF]
 *                     dash-boundary transport-padding CRLF
 *                     body-part *encapsulation
 *                     close-delimiter transport-padding
 *                     [CRLF epilogue]
 *   encapsulation  := delimiter transport-padding CRLF body-part
 *
 * Each part is the run of bytes between the line end of one delimiter line
 * and the line end that starts the next; nothing is copied. The body is
 * scanned once, left to right. */
#include "mime_internal.h"

/* fail_truncated reports a body that ends inside a delimiter line. */
static int fail_truncated(sf_mimei_ctx *c, size_t end) {
  return sf_mimei_fail(c, SF_MIME_TRUNCATED_DELIMITER, end);
}

/* check_nesting refuses a multipart too deep, or one that reuses the
 * boundary of an enclosing multipart: its delimiters would already have been
 * taken by the outer split, so it could never hold a part (RFC 2046 5.1.2). */
static int check_nesting(sf_mimei_ctx *c, size_t index) {
  const sf_mime_part *p = &c->out->parts[index];
  if (p->depth >= SF_MIME_MAX_DEPTH) {
    return sf_mimei_fail(c, SF_MIME_TOO_DEEP, sf_mimei_off(c, p->boundary.ptr));
  }
  for (size_t a = p->parent; a != SF_MIME_NONE; a = c->out->parts[a].parent) {
    if (sf_slice_eq(c->out->parts[a].boundary, p->boundary)) {
      return sf_mimei_fail(c, SF_MIME_BOUNDARY_REUSED, sf_mimei_off(c, p->boundary.ptr));
    }
  }
  return SF_MIME_OK;
}

/* add_child appends the part [from, to) of multipart |index| and reads its
 * header fields. */
static int add_child(sf_mimei_ctx *c, size_t index, size_t from, size_t to) {
  sf_mime_part *p = &c->out->parts[index];
  if (p->child_count == SF_MIME_MAX_PARTS_PER_LEVEL) {
    return sf_mimei_fail(c, SF_MIME_TOO_MANY_PARTS, from);
  }
  size_t child = 0;
  int rc = sf_mimei_new_part(c, index, sf_mimei_span(c, from, to), from, &child);
  if (rc != SF_MIME_OK) return rc;
  if (p->child_count == 0) p->first_child = child;
  p->child_count++;
  return sf_mimei_parse_part_headers(c, child);
}

int sf_mimei_split(sf_mimei_ctx *c, size_t index) {
  sf_mime_part *p = &c->out->parts[index];
  int rc = check_nesting(c, index);
  if (rc != SF_MIME_OK) return rc;
  if (!sf_slice_is_present(p->body)) {
    /* A multipart part made of header fields only has no delimiter. */
    return sf_mimei_fail(c, SF_MIME_NO_FIRST_DELIMITER, sf_mimei_off(c, p->whole.ptr) + p->whole.len);
  }
  size_t begin = sf_mimei_off(c, p->body.ptr), end = begin + p->body.len;
  sf_mimei_delim d;

  /* The first dash-boundary: at the very start, or after the preamble. */
  rc = sf_mimei_find_delim(c, p->boundary, begin, end, 1, &d);
  if (rc != SF_MIME_OK) return rc;
  switch (d.kind) {
    case SF_MIMEI_DELIM_NONE:
      return sf_mimei_fail(c, SF_MIME_NO_FIRST_DELIMITER, end);
    case SF_MIMEI_DELIM_TRUNCATED:
      return fail_truncated(c, end);
    case SF_MIMEI_DELIM_CLOSE:
      return sf_mimei_fail(c, SF_MIME_NO_PARTS, d.dash);
    default:
      break;
  }
  if (d.dash != begin) p->preamble = sf_mimei_span(c, begin, d.start);

  for (;;) {
    size_t part_start = d.end;
    /* "--b" CRLF "--b": the CRLF before a delimiter belongs to it, so the
     * second line is no delimiter by the grammar, yet every reader takes it
     * for one. Refuse it rather than guess. */
    rc = sf_mimei_find_delim(c, p->boundary, part_start, end, 1, &d);
    if (rc != SF_MIME_OK) return rc;
    if (d.kind == SF_MIMEI_DELIM_TRUNCATED) return fail_truncated(c, end);
    if (d.kind != SF_MIMEI_DELIM_NONE && d.dash == part_start) {
      return sf_mimei_fail(c, SF_MIME_ADJACENT_DELIMITERS, part_start);
    }
    if (d.kind == SF_MIMEI_DELIM_NONE) {
      if (!(c->flags & SF_MIME_ALLOW_MISSING_CLOSE)) {
        return sf_mimei_fail(c, SF_MIME_MISSING_CLOSE_DELIMITER, end);
      }
      c->out->warnings |= SF_MIME_W(MISSING_CLOSE);
      rc = add_child(c, index, part_start, end);
      if (rc != SF_MIME_OK) return rc;
      break;
    }
    rc = add_child(c, index, part_start, d.start);
    if (rc != SF_MIME_OK) return rc;
    if (d.kind == SF_MIMEI_DELIM_CLOSE) {
      if (d.has_line_end) p->epilogue = sf_mimei_span(c, d.end, end);
      break;
    }
  }
  return p->is_signed ? sf_mimei_check_signed(c, index) : SF_MIME_OK;
}
