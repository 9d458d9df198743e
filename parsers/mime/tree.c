/* tree.c: sf_mime_parse, the walk over the tree of parts.
 *
 * Parts are kept in one array in breadth-first order: splitting a multipart
 * appends its children as one contiguous run, and the walk simply visits
 * the array in order until no multipart is left unsplit. No recursion, so
 * the nesting limit bounds work and memory, not the C stack. */
#include <string.h>

#include "mime_internal.h"

int sf_mimei_new_part(sf_mimei_ctx *c, size_t parent, sf_slice whole, size_t offset,
                      size_t *out_index) {
  sf_mime_tree *t = c->out;
  if (t->part_count == SF_MIME_MAX_PARTS) {
    return sf_mimei_fail(c, SF_MIME_TOO_MANY_PARTS_TOTAL, offset);
  }
  sf_mime_part *p = &t->parts[t->part_count];
  memset(p, 0, sizeof *p); /* every slice absent, every flag 0 */
  p->parent = parent;
  p->depth = parent == SF_MIME_NONE ? 0 : t->parts[parent].depth + 1;
  p->whole = whole;
  p->header_first = t->header_count;
  p->encoding = SF_MIME_ENC_7BIT; /* RFC 2045 6.1: the default */
  p->first_child = SF_MIME_NONE;
  p->signed_part = SF_MIME_NONE;
  p->signature_part = SF_MIME_NONE;
  *out_index = t->part_count++;
  return SF_MIME_OK;
}

/* begin resets |out| for a parse. */
static void begin(sf_mime_tree *out) {
  out->part_count = 0;
  out->header_count = 0;
  out->warnings = 0;
  out->detail = 0;
}

/* split_all splits every multipart part of the tree, the ones each split
 * appends included, and reports success. */
static int split_all(sf_mimei_ctx *c) {
  for (size_t i = 0; i < c->out->part_count; i++) {
    if (!c->out->parts[i].is_multipart) continue;
    int rc = sf_mimei_split(c, i);
    if (rc != SF_MIME_OK) return rc;
  }
  if (c->err != NULL) {
    c->err->code = SF_MIME_OK;
    c->err->offset = 0;
    c->err->reason = sf_mime_status_reason(SF_MIME_OK);
  }
  return SF_MIME_OK;
}

int sf_mime_parse(const uint8_t *base, sf_slice content_type, sf_slice body, unsigned flags,
                  sf_mime_tree *out, sf_error *err) {
  sf_mimei_ctx c = {base, flags, out, err};
  begin(out);
  if (body.ptr == NULL) body = sf_slice_make(base, 0); /* no body: an empty one */
  size_t root = 0;
  int rc = sf_mimei_new_part(&c, SF_MIME_NONE, body, 0, &root);
  if (rc != SF_MIME_OK) return rc;
  out->parts[root].body = body;
  if (sf_slice_is_present(content_type)) {
    rc = sf_mimei_take_content_type(&c, root, content_type);
    if (rc != SF_MIME_OK) return rc;
  }
  return split_all(&c);
}

int sf_mime_parse_entity(const uint8_t *base, sf_slice entity, unsigned flags, sf_mime_tree *out,
                         sf_error *err) {
  sf_mimei_ctx c = {base, flags, out, err};
  begin(out);
  if (entity.ptr == NULL) entity = sf_slice_make(base, 0);
  size_t root = 0;
  int rc = sf_mimei_new_part(&c, SF_MIME_NONE, entity, 0, &root);
  if (rc == SF_MIME_OK) rc = sf_mimei_parse_part_headers(&c, root);
  if (rc != SF_MIME_OK) return rc;
  return split_all(&c);
}

const sf_mime_part *sf_mime_child(const sf_mime_tree *t, const sf_mime_part *p, size_t i) {
  if (p == NULL || i >= p->child_count || p->first_child == SF_MIME_NONE) return NULL;
  return &t->parts[p->first_child + i];
}
