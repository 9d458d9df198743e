/* walk.c: the check of one message, outermost first: the SIP message
 * (RFC 3261), its body as MIME entities (RFC 2045/2046), and every S/MIME
 * part in them (RFC 3261 23, RFC 8551), decrypted and encapsulated
 * entities included. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* is_pkcs7_mime says whether a part is application/pkcs7-mime (or the
 * x- form older agents send, RFC 8551 3.2.1). */
static int is_pkcs7_mime(const sf_mime_part *p) {
  return sf_slice_eq_nocase_lit(p->type, "application") &&
         (sf_slice_eq_nocase_lit(p->subtype, "pkcs7-mime") ||
          sf_slice_eq_nocase_lit(p->subtype, "x-pkcs7-mime"));
}

/* is_signature_part says whether part |i| is the signature of a
 * multipart/signed, which that multipart's check handles. */
static int is_signature_part(const sf_mime_tree *t, size_t i) {
  size_t parent = t->parts[i].parent;
  return parent != SF_MIME_NONE && t->parts[parent].is_signed &&
         t->parts[parent].signature_part == i;
}

/* check_encoding decodes a leaf in base64 or quoted-printable only to see
 * that it is valid (S/MIME parts are decoded where they are used). */
static void check_encoding(sf_check_report *r, int e, size_t i) {
  const sf_mime_part *p = &r->entities[e].tree->parts[i];
  if (p->encoding != SF_MIME_ENC_BASE64 && p->encoding != SF_MIME_ENC_QUOTED_PRINTABLE) return;
  size_t len = 0;
  uint8_t *owned = NULL;
  sf_check_decode_part(r, e, i, &len, &owned);
  free(owned);
}

void sf_check_walk_entity(sf_check_report *r, int e) {
  sf_check_entity *en = &r->entities[e];
  en->tree = malloc(sizeof *en->tree);
  if (en->tree == NULL) return;
  sf_error err;
  int rc = sf_check_parse_entity(r, e, r->config.mime_flags, en->tree, &err);
  if (rc != SF_MIME_OK) {
    sf_check_loc at = sf_check_loc_in(r, e, SF_MIME_NONE, en->data + err.offset);
    const char *detail = en->tree->detail != 0 ? sf_content_status_name(en->tree->detail) : NULL;
    sf_check_add(r, SF_CHECK_F_MIME_MALFORMED, &at, "%s: %s%s%s", sf_mime_status_name(rc),
                 err.reason, detail ? "; " : "", detail ? detail : "");
    return;
  }
  en->parsed = 1;
  sf_check_mime_tolerances(r, e);
  /* Parts in the tree's order (breadth first); an S/MIME part may add an
   * entity, which is walked at once, so findings follow the nesting. */
  for (size_t i = 0; i < en->tree->part_count; i++) {
    const sf_mime_part *p = &en->tree->parts[i];
    if (p->is_signed) {
      r->smime_seen = 1;
      sf_check_signed_part(r, e, i);
    } else if (!p->is_multipart && is_pkcs7_mime(p) && !is_signature_part(en->tree, i)) {
      r->smime_seen = 1;
      sf_check_pkcs7_part(r, e, i);
    } else if (!p->is_multipart && !is_signature_part(en->tree, i)) {
      check_encoding(r, e, i);
    }
  }
}

/* take_from parses the From header for the identity checks. */
static void take_from(sf_check_report *r) {
  const sf_sip_header *h = sf_sip_find(&r->msg, SF_SIP_H_FROM, 0, NULL);
  sf_error err;
  r->has_from = h != NULL && sf_sip_parse_addr(r->data, h->value, &r->from, &err) == SF_SIP_OK;
}

void sf_check_run(sf_check_report *r, const sf_check_config *config, const uint8_t *data,
                  size_t len) {
  r->data = data;
  r->len = len;
  r->config = *config;
  r->sip_status = sf_sip_parse(data, len, config->sip_flags, &r->msg, &r->sip_err);
  if (r->sip_status != SF_SIP_OK) {
    sf_check_loc at = sf_check_loc_sip(r->sip_err.offset);
    sf_check_add(r, SF_CHECK_F_SIP_MALFORMED, &at, "%s: %s", sf_sip_status_name(r->sip_status),
                 r->sip_err.reason);
    return;
  }
  sf_check_sip_tolerances(r);
  sf_error err;
  int rc = sf_sip_validate(&r->msg, 0, &err);
  if (rc != SF_SIP_OK) {
    sf_check_loc at = sf_check_loc_sip(err.offset);
    sf_check_add(r, SF_CHECK_F_SIP_SEMANTIC, &at, "%s: %s", sf_sip_status_name(rc), err.reason);
  }
  for (size_t i = 0; i < r->msg.header_count; i++) {
    const sf_sip_header *h = &r->msg.headers[i];
    if (h->id != SF_SIP_H_IDENTITY) continue;
    sf_check_loc at = sf_check_loc_sip((size_t)(h->name.ptr - data));
    sf_check_add(r, SF_CHECK_F_SIP_IDENTITY_NOT_VERIFIED, &at,
                 "Identity: %zu bytes of signature; RFC 4474 verification needs the "
                 "Identity-Info certificate and is not done",
                 h->value.len);
  }
  take_from(r);

  if (r->msg.body.len > 0) {
    sf_check_entity *body = &r->entities[r->entity_count++];
    body->kind = SF_CHECK_ENTITY_SIP_BODY;
    body->parent = -1;
    body->parent_part = SF_MIME_NONE;
    body->origin = r->msg.body_offset;
    body->data = data;
    body->len = len;
    memcpy(body->path, "body", 5);
    sf_check_walk_entity(r, 0);
  }
  if (!r->smime_seen) {
    sf_check_loc at = sf_check_loc_sip(r->msg.body_offset);
    memcpy(at.where, "body", 5);
    sf_check_add(r, SF_CHECK_F_BODY_NO_SMIME, &at, "%s",
                 r->msg.body.len == 0 ? "the message has no body" : "no multipart/signed or application/pkcs7-mime part");
  }
}
