/* print.c: writing a multipart body back in canonical form (see
 * sf_mime_print in sf/mime.h). Harnesses parse the result again and
 * compare: the round trip is how they check that the split is faithful. */
#include <string.h>

#include "mime_internal.h"

typedef struct writer {
  uint8_t *out;
  size_t cap, len;
  int full; /* something did not fit */
} writer;

static void put(writer *w, const void *p, size_t n) {
  if (w->full || n > w->cap - w->len) {
    w->full = 1;
    return;
  }
  if (n) memcpy(w->out + w->len, p, n);
  w->len += n;
}

static void put_slice(writer *w, sf_slice s) {
  if (s.ptr != NULL) put(w, s.ptr, s.len);
}

static void put_dash_boundary(writer *w, sf_slice boundary) {
  put(w, "--", 2);
  put_slice(w, boundary);
}

/* print_body writes the body of part |index|; multiparts nest at most
 * SF_MIME_MAX_DEPTH deep, which bounds the recursion. */
static void print_body(const sf_mime_tree *t, size_t index, writer *w) {
  const sf_mime_part *p = &t->parts[index];
  if (!p->is_multipart || p->first_child == SF_MIME_NONE) {
    put_slice(w, p->body);
    return;
  }
  if (p->preamble.ptr != NULL) {
    put_slice(w, p->preamble);
    put(w, "\r\n", 2);
  }
  for (size_t i = 0; i < p->child_count; i++) {
    const sf_mime_part *child = &t->parts[p->first_child + i];
    if (i > 0) put(w, "\r\n", 2);
    put_dash_boundary(w, p->boundary);
    put(w, "\r\n", 2);
    /* The child's header lines and blank line as they were, then its body. */
    if (child->body.ptr == NULL) {
      put_slice(w, child->whole);
    } else {
      put(w, child->whole.ptr, (size_t)(child->body.ptr - child->whole.ptr));
      print_body(t, p->first_child + i, w);
    }
  }
  put(w, "\r\n", 2);
  put_dash_boundary(w, p->boundary);
  put(w, "--", 2);
  if (p->epilogue.ptr != NULL) {
    put(w, "\r\n", 2);
    put_slice(w, p->epilogue);
  }
}

size_t sf_mime_print_bound(const sf_mime_tree *t, size_t index) {
  if (index >= t->part_count) return 0;
  /* The body's own bytes plus what printing can add. A multipart with k
   * children grows by at most 2k (LF to CRLF around its delimiters; padding
   * only shrinks) plus one close delimiter it may have lacked and the CRLF
   * of its preamble and epilogue: under 2k + SF_MIME_MAX_BOUNDARY + 10.
   * Summed over the tree that is below (parts + 1) times this. */
  size_t per_part = SF_MIME_MAX_BOUNDARY + 12;
  return t->parts[index].body.len + (t->part_count + 1) * per_part;
}

int sf_mime_print(const sf_mime_tree *t, size_t index, uint8_t *out, size_t cap, size_t *out_len) {
  writer w = {out, cap, 0, 0};
  *out_len = 0;
  if (index >= t->part_count) return SF_MIME_BUFFER_TOO_SMALL;
  print_body(t, index, &w);
  if (w.full) return SF_MIME_BUFFER_TOO_SMALL;
  *out_len = w.len;
  return SF_MIME_OK;
}
