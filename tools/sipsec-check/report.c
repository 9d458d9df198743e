/* report.c: the report's bookkeeping: findings, places, entities, and
 * decoding a part's body. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

sf_check_config sf_check_config_default(const sf_smime *smime) {
  sf_check_config c;
  c.smime = smime;
  c.sip_flags = SF_SIP_INTEROP;
  c.mime_flags = SF_MIME_INTEROP;
  return c;
}

sf_check_report *sf_check_new(void) { return calloc(1, sizeof(sf_check_report)); }

void sf_check_free(sf_check_report *r) {
  if (r == NULL) return;
  for (size_t i = 0; i < r->entity_count; i++) {
    free(r->entities[i].owned);
    free(r->entities[i].tree);
  }
  for (size_t i = 0; i < r->signature_count; i++) free(r->signatures[i].verdict);
  free(r->scratch_tree);
  free(r);
}

size_t sf_check_count(const sf_check_report *r, int severity) {
  size_t n = 0;
  for (size_t i = 0; i < r->finding_count; i++) {
    n += sf_check_finding_severity(r->findings[i].id) == severity;
  }
  return n;
}

void sf_check_add(sf_check_report *r, int id, const sf_check_loc *loc, const char *fmt, ...) {
  if (r->finding_count == SF_CHECK_MAX_FINDINGS) {
    r->dropped++;
    return;
  }
  /* One finding per id and byte: the SIP and MIME parsers both see the
   * message's own Content-Type, say. An input offset names one byte; an
   * inner offset only together with the part it is inside. */
  for (size_t i = 0; i < r->finding_count; i++) {
    const sf_check_finding *f = &r->findings[i];
    if (f->id != id || f->offset != loc->offset || f->has_inner != loc->has_inner) continue;
    if (!f->has_inner ||
        (f->inner_offset == loc->inner_offset && strcmp(f->where, loc->where) == 0)) {
      return;
    }
  }
  sf_check_finding *f = &r->findings[r->finding_count++];
  f->id = id;
  f->offset = loc->offset;
  f->has_inner = loc->has_inner;
  f->inner_offset = loc->inner_offset;
  f->inner_of = loc->inner_of;
  memcpy(f->where, loc->where, sizeof f->where);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->detail, sizeof f->detail, fmt, ap);
  va_end(ap);
}

sf_slice sf_check_part_body(const sf_check_report *r, int e, size_t part) {
  const sf_mime_part *p = &r->entities[e].tree->parts[part];
  return sf_slice_is_present(p->body) ? p->body : sf_slice_make(p->whole.ptr + p->whole.len, 0);
}

sf_check_loc sf_check_loc_sip(size_t offset) {
  sf_check_loc l;
  memset(&l, 0, sizeof l);
  l.offset = offset;
  memcpy(l.where, "sip", 4);
  return l;
}

/* append writes |s| at the end of the path |out|, cut to fit. */
static void append(char *out, size_t cap, const char *s) {
  size_t n = strlen(out), k = strlen(s);
  if (n + 1 >= cap) return;
  if (k > cap - 1 - n) k = cap - 1 - n;
  memcpy(out + n, s, k);
  out[n + k] = '\0';
}

void sf_check_part_path(const sf_check_report *r, int e, size_t part, char *out, size_t cap) {
  const sf_check_entity *en = &r->entities[e];
  size_t chain[SF_MIME_MAX_DEPTH + 1];
  size_t n = 0;
  for (size_t p = part; p != SF_MIME_NONE && p != 0 && n < SF_MIME_MAX_DEPTH + 1;
       p = en->tree->parts[p].parent) {
    chain[n++] = p;
  }
  out[0] = '\0';
  append(out, cap, en->path);
  while (n > 0) {
    size_t p = chain[--n];
    const sf_mime_part *parent = &en->tree->parts[en->tree->parts[p].parent];
    char num[24];
    snprintf(num, sizeof num, ".%zu", p - parent->first_child + 1);
    append(out, cap, num);
  }
}

sf_check_loc sf_check_loc_in(const sf_check_report *r, int e, size_t part, const uint8_t *p) {
  const sf_check_entity *en = &r->entities[e];
  sf_check_loc l;
  memset(&l, 0, sizeof l);
  if (part == SF_MIME_NONE && en->tree != NULL && en->parsed) {
    /* The deepest part whose bytes hold |p| (children follow parents in
     * the tree, so the last one found is the deepest). */
    for (size_t i = 0; i < en->tree->part_count; i++) {
      sf_slice w = en->tree->parts[i].whole;
      if (p >= w.ptr && p < w.ptr + w.len) part = i;
    }
  }
  if (part == SF_MIME_NONE || en->tree == NULL) {
    snprintf(l.where, sizeof l.where, "%s", en->path);
  } else {
    sf_check_part_path(r, e, part, l.where, sizeof l.where);
  }
  size_t at = (size_t)(p - en->data);
  if (en->kind == SF_CHECK_ENTITY_SIP_BODY) {
    l.offset = at;
  } else {
    l.offset = en->origin;
    l.has_inner = 1;
    l.inner_offset = at;
    l.inner_of = en->kind == SF_CHECK_ENTITY_DECRYPTED ? "decrypted content" : "encapsulated content";
  }
  return l;
}

sf_check_loc sf_check_loc_decoded(const sf_check_report *r, int e, size_t part,
                                  const uint8_t *decoded, const uint8_t *p) {
  sf_slice body = sf_check_part_body(r, e, part);
  if (decoded == body.ptr) return sf_check_loc_in(r, e, part, p);
  sf_check_loc l = sf_check_loc_in(r, e, part, body.ptr);
  l.has_inner = 1;
  l.inner_offset = (size_t)(p - decoded);
  l.inner_of = "decoded body";
  return l;
}

int sf_check_parse_entity(const sf_check_report *r, int e, unsigned flags, sf_mime_tree *tree,
                          sf_error *err) {
  const sf_check_entity *en = &r->entities[e];
  if (en->kind != SF_CHECK_ENTITY_SIP_BODY) {
    return sf_mime_parse_entity(en->data, sf_slice_make(en->data, en->len), flags, tree, err);
  }
  /* The SIP body: the message's Content-Type, and its
   * Content-Transfer-Encoding, which the MIME parser leaves to the caller. */
  const sf_sip_header *ct = sf_sip_find(&r->msg, SF_SIP_H_CONTENT_TYPE, 0, NULL);
  int rc = sf_mime_parse(r->data, ct != NULL ? ct->value : sf_slice_make(NULL, 0), r->msg.body,
                         flags, tree, err);
  const sf_sip_header *cte = sf_sip_find(&r->msg, SF_SIP_H_CONTENT_TRANSFER_ENCODING, 0, NULL);
  sf_slice token;
  sf_error cerr;
  if (rc == SF_MIME_OK && cte != NULL &&
      sf_content_parse_encoding(r->data, cte->value, &token, &cerr) == SF_CONTENT_OK) {
    sf_mime_part *root = &tree->parts[0];
    root->encoding = sf_mime_encoding_of(token);
    root->encoding_text = token;
    /* RFC 2045 6.4, as for any part: a multipart is never encoded. */
    if (root->is_multipart && root->encoding != SF_MIME_ENC_7BIT &&
        root->encoding != SF_MIME_ENC_8BIT && root->encoding != SF_MIME_ENC_BINARY) {
      rc = SF_MIME_ENCODED_MULTIPART;
      if (err != NULL) {
        err->code = rc;
        err->offset = (size_t)(token.ptr - r->data);
        err->reason = sf_mime_status_reason(rc);
      }
    }
  }
  return rc;
}

int sf_check_can_nest(sf_check_report *r, int kind, int parent, size_t part) {
  const sf_check_entity *pe = &r->entities[parent];
  if (pe->level + 1 <= SF_CHECK_MAX_NESTING && r->entity_count < SF_CHECK_MAX_ENTITIES) return 1;
  sf_check_loc at = sf_check_loc_in(r, parent, part, sf_check_part_body(r, parent, part).ptr);
  sf_check_add(r, SF_CHECK_F_SMIME_TOO_DEEP, &at,
               "%s entity %u levels deep (at most %d levels and %d entities are followed)",
               kind == SF_CHECK_ENTITY_DECRYPTED ? "a decrypted" : "an encapsulated",
               pe->level + 1, SF_CHECK_MAX_NESTING, SF_CHECK_MAX_ENTITIES);
  return 0;
}

int sf_check_new_entity(sf_check_report *r, int kind, int parent, size_t part, uint8_t *owned,
                        size_t len) {
  const sf_check_entity *pe = &r->entities[parent];
  sf_check_loc at = sf_check_loc_in(r, parent, part, sf_check_part_body(r, parent, part).ptr);
  if (!sf_check_can_nest(r, kind, parent, part)) {
    free(owned);
    return -1;
  }
  int index = (int)r->entity_count++;
  sf_check_entity *en = &r->entities[index];
  memset(en, 0, sizeof *en);
  en->kind = kind;
  en->parent = parent;
  en->parent_part = part;
  en->level = pe->level + 1;
  en->origin = at.offset;
  en->data = owned;
  en->len = len;
  en->owned = owned;
  sf_check_part_path(r, parent, part, en->path, sizeof en->path);
  append(en->path, sizeof en->path,
         kind == SF_CHECK_ENTITY_DECRYPTED ? "/decrypted" : "/content");
  return index;
}

const uint8_t *sf_check_decode_part(sf_check_report *r, int e, size_t part, size_t *out_len,
                                    uint8_t **owned) {
  const sf_check_entity *en = &r->entities[e];
  const sf_mime_part *p = &en->tree->parts[part];
  sf_slice body = sf_check_part_body(r, e, part);
  *owned = NULL;
  switch (p->encoding) {
    case SF_MIME_ENC_7BIT:
    case SF_MIME_ENC_8BIT:
    case SF_MIME_ENC_BINARY:
      *out_len = body.len;
      return body.ptr;
    case SF_MIME_ENC_OTHER: {
      sf_check_loc at = sf_check_loc_in(r, e, part, p->encoding_text.ptr);
      sf_check_add(r, SF_CHECK_F_MIME_UNKNOWN_ENCODING, &at, "Content-Transfer-Encoding: %.*s",
                   (int)p->encoding_text.len, (const char *)p->encoding_text.ptr);
      return NULL;
    }
    default:
      break;
  }
  size_t cap = sf_mime_decoded_bound(p->encoding, body.len);
  uint8_t *buf = malloc(cap > 0 ? cap : 1);
  sf_error err;
  if (buf == NULL ||
      sf_mime_decode(en->data, p->encoding, body, r->config.mime_flags, buf, cap, out_len, &err) !=
          SF_MIME_OK) {
    if (buf != NULL) {
      sf_check_loc at = sf_check_loc_in(r, e, part, en->data + err.offset);
      sf_check_add(r, SF_CHECK_F_MIME_BAD_ENCODING, &at, "%s: %s", sf_mime_status_name(err.code),
                   err.reason);
    }
    free(buf);
    return NULL;
  }
  *owned = buf;
  return buf;
}
