/* mime_check.h: the promises of sf_mime_parse, asserted on one input.
 * Shared by the mime_multipart and sip_body harnesses (header only, so each
 * harness stays one file).
 *
 * sf_mime_check(base, len, ct, body) parses |body| as |ct| twice, strictly
 * and with every tolerance, and asserts:
 *   - a failure has a known code, the table's reason and an offset inside
 *     the buffer;
 *   - strictness is monotone: what parses strictly parses the same with every
 *     tolerance and no flag's warning; what parses with tolerances but no
 *     flag's warning parses strictly; the warnings no flag enables
 *     (SF_MIME_W_ALWAYS) are the same either way;
 *   - SF_MIME_W_FOLDING is reported exactly when some part's header block
 *     holds a line that starts with SP or HT;
 *   - every slice lies inside the body (parameters inside their header);
 *     counts are within the limits; indices point where they should;
 *   - the parts of each multipart are in order and disjoint, and the bytes
 *     between them are exactly delimiter lines: preamble, "--b" padding line
 *     end, part, line end "--b" ..., "--b--" padding [line end epilogue],
 *     accounting for every byte of the body;
 *   - no part holds a line that a reader would take for a delimiter;
 *   - the signed slice of a multipart/signed is the first part, ending
 *     exactly where the next delimiter's line end starts;
 *   - each part decodes within sf_mime_decoded_bound(), and a buffer one
 *     byte smaller than its decoded length is refused, not overrun;
 *   - printing the tree (sf_mime_print) and parsing that again gives the
 *     same parts;
 *   - SF_MIME_W_NON_UTF8 is reported exactly when the lenient parse without
 *     SF_MIME_ALLOW_NON_UTF8 fails with SF_MIME_BAD_UTF8, and the flag
 *     changes no other verdict (what sipsec-check's mime.non-utf8 finding
 *     relies on to point at the byte). */
#ifndef SF_HARNESS_MIME_CHECK_H
#define SF_HARNESS_MIME_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sf/mime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The trees are large; one set, rewritten by every input. */
static sf_mime_tree sf_mc_strict, sf_mc_lenient, sf_mc_again, sf_mc_utf8;

typedef struct sf_mc_input {
  const uint8_t *base;
  size_t len;
  sf_slice body;
  unsigned flags;
} sf_mc_input;

/* sf_mc_line_end returns the length of the line end at |pos| (2 for CRLF; 1
 * for LF when |lf| allows it), or 0. */
static size_t sf_mc_line_end(const uint8_t *p, size_t pos, size_t end, int lf) {
  if (pos + 1 < end && p[pos] == '\r' && p[pos + 1] == '\n') return 2;
  if (lf && pos < end && p[pos] == '\n') return 1;
  return 0;
}

/* sf_mc_delimiter_like returns 1 if the line at |pos| (inside [.., end))
 * starts with "--" boundary and goes on as a delimiter line would: "--" or
 * padding and then a line end, or the end of the range (which a delimiter's
 * line end follows). An independent statement of RFC 2046's rule, not the
 * parser's code. */
static int sf_mc_delimiter_like(const uint8_t *p, size_t pos, size_t end, sf_slice b) {
  if (end - pos < 2 + b.len || p[pos] != '-' || p[pos + 1] != '-') return 0;
  if (memcmp(p + pos + 2, b.ptr, b.len) != 0) return 0;
  size_t i = pos + 2 + b.len;
  if (i + 1 < end && p[i] == '-' && p[i + 1] == '-') i += 2;
  while (i < end && (p[i] == ' ' || p[i] == '\t')) i++;
  return i == end || p[i] == '\n' || (p[i] == '\r' && i + 1 < end && p[i + 1] == '\n');
}

static void sf_mc_no_delimiter_inside(const uint8_t *p, sf_slice s, sf_slice b, const char *what) {
  size_t from = (size_t)(s.ptr - p), end = from + s.len;
  SF_CHECK(!sf_mc_delimiter_like(p, from, end, b), "%s starts with a delimiter line", what);
  for (size_t i = from; i < end; i++) {
    if (p[i] == '\n') {
      SF_CHECK(!sf_mc_delimiter_like(p, i + 1, end, b), "%s holds a delimiter line at %zu", what,
               i + 1);
    }
  }
}

/* sf_mc_expect_dash_boundary checks "--" boundary at |*pos| and moves past it. */
static void sf_mc_expect_dash_boundary(const uint8_t *p, size_t *pos, size_t end, sf_slice b) {
  SF_CHECK(end - *pos >= 2 + b.len && p[*pos] == '-' && p[*pos + 1] == '-' &&
               memcmp(p + *pos + 2, b.ptr, b.len) == 0,
           "no \"--boundary\" where a delimiter must be, at %zu", *pos);
  *pos += 2 + b.len;
}

static void sf_mc_expect_line_end(const uint8_t *p, size_t *pos, size_t end, int lf) {
  size_t n = sf_mc_line_end(p, *pos, end, lf);
  SF_CHECK(n > 0, "no line end where a delimiter line must end, at %zu", *pos);
  *pos += n;
}

static void sf_mc_skip_padding(const uint8_t *p, size_t *pos, size_t end) {
  while (*pos < end && (p[*pos] == ' ' || p[*pos] == '\t')) (*pos)++;
}

/* sf_mc_check_multipart walks the body of multipart |p| byte by byte. */
static void sf_mc_check_multipart(const sf_mc_input *in, const sf_mime_tree *t, size_t index) {
  const sf_mime_part *p = &t->parts[index];
  const uint8_t *d = in->base;
  int lf = (in->flags & SF_MIME_ALLOW_LF) != 0;
  sf_slice b = p->boundary;
  SF_CHECK(b.len >= 1 && b.len <= SF_MIME_MAX_BOUNDARY, "boundary of %zu bytes", b.len);
  SF_CHECK(p->child_count >= 1 && p->child_count <= SF_MIME_MAX_PARTS_PER_LEVEL,
           "multipart with %zu children", p->child_count);
  SF_CHECK(p->first_child > index && p->first_child + p->child_count <= t->part_count,
           "children [%zu, +%zu) of part %zu outside the tree", p->first_child, p->child_count,
           index);
  SF_CHECK(sf_slice_is_present(p->body), "a multipart without a body");
  size_t pos = (size_t)(p->body.ptr - d), end = pos + p->body.len;
  if (sf_slice_is_present(p->preamble)) {
    SF_CHECK(p->preamble.ptr == d + pos, "the preamble does not start the body");
    sf_mc_no_delimiter_inside(d, p->preamble, b, "the preamble");
    pos += p->preamble.len;
    sf_mc_expect_line_end(d, &pos, end, lf);
  }
  sf_mc_expect_dash_boundary(d, &pos, end, b);
  sf_mc_skip_padding(d, &pos, end);
  sf_mc_expect_line_end(d, &pos, end, lf);
  for (size_t k = 0; k < p->child_count; k++) {
    const sf_mime_part *c = &t->parts[p->first_child + k];
    SF_CHECK(c->parent == index && c->depth == p->depth + 1, "child %zu of %zu: wrong parent",
             k, index);
    SF_CHECK(c->whole.ptr == d + pos, "part %zu of %zu starts at %zu, not %zu after its delimiter",
             k, index, (size_t)(c->whole.ptr - d), pos);
    SF_CHECK(c->whole.len <= end - pos, "part %zu of %zu runs past its parent", k, index);
    sf_mc_no_delimiter_inside(d, c->whole, b, "a part");
    pos += c->whole.len;
    if (pos == end) {
      /* Only a body without its close delimiter ends with a part. */
      SF_CHECK(k + 1 == p->child_count && (t->warnings & SF_MIME_W(MISSING_CLOSE)),
               "a part ends the body but no missing close was reported");
      SF_CHECK(!sf_slice_is_present(p->epilogue), "an epilogue without a close delimiter");
      return;
    }
    sf_mc_expect_line_end(d, &pos, end, lf);
    sf_mc_expect_dash_boundary(d, &pos, end, b);
    if (k + 1 < p->child_count) {
      sf_mc_skip_padding(d, &pos, end);
      sf_mc_expect_line_end(d, &pos, end, lf);
    }
  }
  SF_CHECK(end - pos >= 2 && d[pos] == '-' && d[pos + 1] == '-', "no close delimiter at %zu", pos);
  pos += 2;
  sf_mc_skip_padding(d, &pos, end);
  if (pos == end) {
    SF_CHECK(!sf_slice_is_present(p->epilogue), "an epilogue after the end of the body");
    return;
  }
  sf_mc_expect_line_end(d, &pos, end, lf);
  SF_CHECK(p->epilogue.ptr == d + pos && p->epilogue.len == end - pos,
           "the epilogue is not the rest of the body");
}

/* sf_mc_has_fold returns 1 if a line of |block| (a header block, which
 * never starts with white space) starts with SP or HT. */
static int sf_mc_has_fold(sf_slice block) {
  for (size_t i = 0; i + 1 < block.len; i++) {
    if (block.ptr[i] == '\n' && (block.ptr[i + 1] == ' ' || block.ptr[i + 1] == '\t')) return 1;
  }
  return 0;
}

/* sf_mc_check_part checks one part's own slices and header fields. */
static void sf_mc_check_part(const sf_mc_input *in, const sf_mime_tree *t, size_t i) {
  const sf_mime_part *p = &t->parts[i];
  int lf = (in->flags & SF_MIME_ALLOW_LF) != 0;
  sf_slice body = in->body;
  SF_CHECK_WITHIN(p->whole, body.ptr, body.len, "part");
  SF_CHECK_WITHIN(p->body, p->whole.ptr, p->whole.len, "part body");
  SF_CHECK_WITHIN(p->header_block, p->whole.ptr, p->whole.len, "header block");
  SF_CHECK_WITHIN(p->preamble, p->whole.ptr, p->whole.len, "preamble");
  SF_CHECK_WITHIN(p->epilogue, p->whole.ptr, p->whole.len, "epilogue");
  SF_CHECK(p->depth <= SF_MIME_MAX_DEPTH, "part at depth %u", p->depth);
  if (i == 0) {
    SF_CHECK(p->parent == SF_MIME_NONE && p->depth == 0, "the root has a parent");
    SF_CHECK(p->whole.ptr == body.ptr && p->whole.len == body.len && p->body.ptr == body.ptr &&
                 p->body.len == body.len && p->header_count == 0,
             "the root is not the whole body");
  } else {
    SF_CHECK(p->parent < i, "part %zu has parent %zu", i, p->parent);
    SF_CHECK(p->header_block.ptr == p->whole.ptr, "the header block does not start the part");
    if (sf_slice_is_present(p->body)) {
      size_t gap = (size_t)(p->body.ptr - p->whole.ptr) - p->header_block.len;
      size_t le = sf_mc_line_end(in->base, (size_t)(p->header_block.ptr - in->base) + p->header_block.len,
                                 (size_t)(p->body.ptr - in->base), lf);
      SF_CHECK(gap == le && le > 0, "no blank line between header block and body");
      SF_CHECK(p->body.ptr + p->body.len == p->whole.ptr + p->whole.len,
               "the body does not end the part");
    } else {
      SF_CHECK(p->header_block.len == p->whole.len, "a part without body has more than headers");
    }
  }
  SF_CHECK(p->header_count <= SF_MIME_MAX_PART_HEADERS &&
               p->header_first + p->header_count <= t->header_count,
           "headers [%zu, +%zu) of part %zu", p->header_first, p->header_count, i);
  for (size_t h = 0; h < p->header_count; h++) {
    const sf_mime_header *f = &t->headers[p->header_first + h];
    SF_CHECK_WITHIN(f->name, p->header_block.ptr, p->header_block.len, "header name");
    SF_CHECK_WITHIN(f->value, p->header_block.ptr, p->header_block.len, "header value");
    SF_CHECK(f->name.len > 0 && f->name.ptr[f->name.len] == ':', "a header name not ended by ':'");
    SF_CHECK(f->value.ptr > f->name.ptr, "a header value before its name");
    SF_CHECK(f->id == sf_mime_header_id_of(f->name), "a header with the wrong id");
  }
  SF_CHECK(p->type.ptr == NULL || sf_slice_within(p->type, p->content_type.ptr, p->content_type.len),
           "the media type is outside its Content-Type");
  if (p->is_multipart) {
    int in_ct = sf_slice_within(p->boundary, p->content_type.ptr, p->content_type.len);
    SF_CHECK(in_ct, "the boundary is outside its Content-Type");
    SF_CHECK(sf_slice_eq_nocase_lit(p->type, "multipart"), "a multipart that is not multipart/*");
    sf_mc_check_multipart(in, t, i);
  } else {
    SF_CHECK(p->child_count == 0, "a leaf with children");
  }
  if (p->is_signed) {
    SF_CHECK(p->child_count == 2 && p->signed_part == p->first_child &&
                 p->signature_part == p->first_child + 1,
             "a multipart/signed without its two parts");
    const sf_mime_part *first = &t->parts[p->signed_part];
    SF_CHECK(p->signed_content.ptr == first->whole.ptr && p->signed_content.len == first->whole.len,
             "the signed slice is not the first part");
    const uint8_t *after = p->signed_content.ptr + p->signed_content.len;
    size_t left = (size_t)(in->base + in->len - after);
    size_t le = sf_mc_line_end(after, 0, left, lf);
    SF_CHECK(le > 0 && left >= le + 2 + p->boundary.len && after[le] == '-' && after[le + 1] == '-' &&
                 memcmp(after + le + 2, p->boundary.ptr, p->boundary.len) == 0,
             "the signed slice does not end where the next delimiter's line end starts");
  }
}

/* sf_mc_check_decoding decodes every leaf within its precomputed bound. */
static void sf_mc_check_decoding(const sf_mc_input *in, const sf_mime_tree *t) {
  for (size_t i = 0; i < t->part_count; i++) {
    const sf_mime_part *p = &t->parts[i];
    if (p->is_multipart || !sf_slice_is_present(p->body)) continue;
    size_t bound = sf_mime_decoded_bound(p->encoding, p->body.len);
    uint8_t *out = malloc(bound ? bound : 1);
    size_t n = 0;
    sf_error err;
    int rc = sf_mime_decode(in->base, p->encoding, p->body, in->flags, out, bound, &n, &err);
    SF_CHECK(rc != SF_MIME_BUFFER_TOO_SMALL, "sf_mime_decoded_bound (%zu) too small", bound);
    SF_CHECK(rc == err.code && err.reason == sf_mime_status_reason(rc), "decode status mismatch");
    if (rc != SF_MIME_OK) {
      SF_CHECK(err.offset >= (size_t)(p->body.ptr - in->base) &&
                   err.offset <= (size_t)(p->body.ptr - in->base) + p->body.len,
               "decode error offset %zu outside the part body", err.offset);
      free(out);
      continue;
    }
    SF_CHECK(n <= bound, "decoded %zu bytes, over the bound %zu", n, bound);
    if (p->encoding != SF_MIME_ENC_BASE64 && p->encoding != SF_MIME_ENC_QUOTED_PRINTABLE) {
      SF_CHECK(n == p->body.len && memcmp(out, p->body.ptr, n) == 0, "identity decoding changed bytes");
    }
    if (n > 0) {
      /* One byte short: refused, and ASan sees any write past it. */
      uint8_t *small = malloc(n - 1 ? n - 1 : 1);
      size_t m = 0;
      rc = sf_mime_decode(in->base, p->encoding, p->body, in->flags, small, n - 1, &m, &err);
      SF_CHECK(rc == SF_MIME_BUFFER_TOO_SMALL, "a buffer one byte short gave %s",
               sf_mime_status_name(rc));
      free(small);
    }
    free(out);
  }
}

static int sf_mc_slice_bytes_eq(sf_slice a, sf_slice b) {
  if (a.ptr == NULL || b.ptr == NULL) return a.ptr == b.ptr;
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* sf_mc_same_parts compares two trees of (possibly) different buffers by
 * content: leaves byte for byte, multiparts by structure. */
static void sf_mc_same_parts(const sf_mime_tree *a, const sf_mime_tree *b) {
  SF_CHECK(a->part_count == b->part_count, "reparse: %zu parts, not %zu", b->part_count,
           a->part_count);
  for (size_t i = 0; i < a->part_count; i++) {
    const sf_mime_part *x = &a->parts[i], *y = &b->parts[i];
    SF_CHECK(x->is_multipart == y->is_multipart && x->child_count == y->child_count &&
                 x->first_child == y->first_child && x->parent == y->parent &&
                 x->header_count == y->header_count && x->encoding == y->encoding &&
                 x->is_signed == y->is_signed,
             "reparse: part %zu has another shape", i);
    SF_CHECK(sf_mc_slice_bytes_eq(x->type, y->type) && sf_mc_slice_bytes_eq(x->subtype, y->subtype),
             "reparse: part %zu has another type", i);
    SF_CHECK(sf_mc_slice_bytes_eq(x->header_block, y->header_block) || i == 0,
             "reparse: part %zu has other header lines", i);
    for (size_t h = 0; h < x->header_count; h++) {
      const sf_mime_header *f = &a->headers[x->header_first + h], *g = &b->headers[y->header_first + h];
      SF_CHECK(sf_mc_slice_bytes_eq(f->name, g->name) && sf_mc_slice_bytes_eq(f->value, g->value),
               "reparse: header %zu of part %zu differs", h, i);
    }
    if (x->is_multipart) {
      SF_CHECK(sf_mc_slice_bytes_eq(x->boundary, y->boundary) &&
                   sf_mc_slice_bytes_eq(x->preamble, y->preamble) &&
                   sf_mc_slice_bytes_eq(x->epilogue, y->epilogue),
               "reparse: boundary, preamble or epilogue of part %zu differs", i);
    } else if (i > 0) {
      SF_CHECK(sf_mc_slice_bytes_eq(x->whole, y->whole), "reparse: part %zu has other bytes", i);
    }
  }
}

/* sf_mc_check_round_trip prints |t|, parses the result as the same
 * Content-Type and compares. */
static void sf_mc_check_round_trip(const sf_mc_input *in, sf_slice ct, const sf_mime_tree *t) {
  size_t bound = sf_mime_print_bound(t, 0);
  uint8_t *buf = malloc(ct.len + bound + 1);
  if (ct.len) memcpy(buf, ct.ptr, ct.len);
  size_t n = 0;
  int rc = sf_mime_print(t, 0, buf + ct.len, bound, &n);
  SF_CHECK(rc == SF_MIME_OK, "sf_mime_print: %s within its bound %zu", sf_mime_status_name(rc),
           bound);
  sf_slice ct2 = sf_slice_make(ct.ptr ? buf : NULL, ct.len);
  sf_slice body2 = sf_slice_make(buf + ct.len, n);
  sf_error err;
  rc = sf_mime_parse(buf, ct2, body2, in->flags, &sf_mc_again, &err);
  SF_CHECK(rc == SF_MIME_OK, "reparse of the printed tree: %s at %zu", sf_mime_status_name(rc),
           err.offset);
  SF_CHECK((sf_mc_again.warnings & ~t->warnings) == 0, "reparse: new warnings %#x",
           sf_mc_again.warnings & ~t->warnings);
  sf_mc_same_parts(t, &sf_mc_again);
  free(buf);
}

/* sf_mc_check_result checks one parse, successful or not. */
static void sf_mc_check_result(const sf_mc_input *in, sf_slice ct, const sf_mime_tree *t, int rc,
                               const sf_error *err) {
  SF_CHECK(rc >= 0 && rc < SF_MIME_STATUS_COUNT, "unknown status %d", rc);
  SF_CHECK(err->code == rc && err->reason == sf_mime_status_reason(rc),
           "the error does not match the status %s", sf_mime_status_name(rc));
  if (rc != SF_MIME_OK) {
    SF_CHECK(err->offset <= in->len, "error offset %zu past the input (%zu)", err->offset, in->len);
    return;
  }
  SF_CHECK(t->part_count >= 1 && t->part_count <= SF_MIME_MAX_PARTS, "%zu parts", t->part_count);
  SF_CHECK(t->header_count <= SF_MIME_MAX_HEADERS, "%zu headers", t->header_count);
  SF_CHECK((t->warnings & ~((1u << SF_MIME_WARNING_COUNT) - 1)) == 0, "unknown warning bits");
  int folded = 0;
  for (size_t i = 0; i < t->part_count; i++) {
    sf_mc_check_part(in, t, i);
    folded |= sf_mc_has_fold(t->parts[i].header_block);
  }
  SF_CHECK(folded == !!(t->warnings & SF_MIME_W(FOLDING)),
           "a folded header line %s reported", folded ? "not" : "wrongly");
  sf_mc_check_decoding(in, t);
  sf_mc_check_round_trip(in, ct, t);
}

/* sf_mc_same_tree: the same input parsed twice gives the very same slices. */
static int sf_mc_same_tree(const sf_mime_tree *a, const sf_mime_tree *b) {
  if (a->part_count != b->part_count || a->header_count != b->header_count) return 0;
  for (size_t i = 0; i < a->part_count; i++) {
    const sf_mime_part *x = &a->parts[i], *y = &b->parts[i];
    if (x->whole.ptr != y->whole.ptr || x->whole.len != y->whole.len ||
        x->body.ptr != y->body.ptr || x->body.len != y->body.len ||
        x->child_count != y->child_count) {
      return 0;
    }
  }
  return 1;
}

/* sf_mc_check_non_utf8: the lenient parse (|rl|, |el|, sf_mc_lenient) against
 * the same without SF_MIME_ALLOW_NON_UTF8. Without the flag a parse stops
 * at the first ill-formed byte it reads; it reads the header lines of a
 * part before their structured fields, so that byte may come after the
 * fault the flagged parse reports: any failure may turn into BAD_UTF8. */
static void sf_mc_check_non_utf8(const uint8_t *base, sf_slice ct, sf_slice body, int rl,
                                 const sf_error *el) {
  sf_error eu;
  int ru = sf_mime_parse(base, ct, body, SF_MIME_LENIENT_ALL & ~SF_MIME_ALLOW_NON_UTF8,
                         &sf_mc_utf8, &eu);
  if (rl == SF_MIME_OK && (sf_mc_lenient.warnings & SF_MIME_W(NON_UTF8))) {
    SF_CHECK(ru == SF_MIME_BAD_UTF8, "NON_UTF8 reported, yet without the flag: %s",
             sf_mime_status_name(ru));
  } else if (rl == SF_MIME_OK) {
    SF_CHECK(ru == SF_MIME_OK && sf_mc_utf8.warnings == sf_mc_lenient.warnings &&
                 sf_mc_same_tree(&sf_mc_utf8, &sf_mc_lenient),
             "no NON_UTF8 reported, yet without the flag: %s", sf_mime_status_name(ru));
  } else {
    SF_CHECK((ru == rl && eu.offset == el->offset) || ru == SF_MIME_BAD_UTF8,
             "%s at %zu with SF_MIME_ALLOW_NON_UTF8 but %s at %zu without",
             sf_mime_status_name(rl), el->offset, sf_mime_status_name(ru), eu.offset);
  }
}

/* sf_mime_check parses |body| as |ct| (both inside [base, base+len)) strictly
 * and leniently and checks every promise above. */
static void sf_mime_check(const uint8_t *base, size_t len, sf_slice ct, sf_slice body) {
  sf_error es, el;
  if (body.ptr == NULL) body = sf_slice_make(base, 0); /* as sf_mime_parse reads it */
  sf_mc_input strict = {base, len, body, 0};
  sf_mc_input lenient = {base, len, body, SF_MIME_LENIENT_ALL};
  int rs = sf_mime_parse(base, ct, body, strict.flags, &sf_mc_strict, &es);
  sf_mc_check_result(&strict, ct, &sf_mc_strict, rs, &es);
  SF_CHECK(rs != SF_MIME_OK || (sf_mc_strict.warnings & ~SF_MIME_W_ALWAYS) == 0,
           "a strict parse reported a flag's warning");
  int rl = sf_mime_parse(base, ct, body, lenient.flags, &sf_mc_lenient, &el);
  sf_mc_check_result(&lenient, ct, &sf_mc_lenient, rl, &el);
  if (rs == SF_MIME_OK) {
    SF_CHECK(rl == SF_MIME_OK && sf_mc_lenient.warnings == sf_mc_strict.warnings &&
                 sf_mc_same_tree(&sf_mc_strict, &sf_mc_lenient),
             "strict parse accepted, lenient parse differs (%s, warnings %#x)",
             sf_mime_status_name(rl), sf_mc_lenient.warnings);
  } else if (rl == SF_MIME_OK) {
    SF_CHECK((sf_mc_lenient.warnings & ~SF_MIME_W_ALWAYS) != 0,
             "lenient parse used no tolerance, yet strict parse failed with %s at %zu",
             sf_mime_status_name(rs), es.offset);
  }
  sf_mc_check_non_utf8(base, ct, body, rl, &el);
}

#endif /* SF_HARNESS_MIME_CHECK_H */
