/* content_fields.c: the Content-Type of a part (or of the root), through the
 * one Content-Type parser that SIP uses too (sf/content.h), and what a
 * multipart or multipart/signed type adds: its boundary, and the protocol
 * and micalg parameters that RFC 1847 2.1 requires. */
#include "mime_internal.h"

int sf_mimei_unique_param(sf_mimei_ctx *c, const sf_content_type *ct, const char *name,
                          const sf_content_param **out) {
  *out = NULL;
  for (size_t i = 0; i < ct->params.count; i++) {
    const sf_content_param *q = &ct->params.items[i];
    if (!sf_slice_eq_nocase_lit(q->name, name)) continue;
    if (*out != NULL) {
      return sf_mimei_fail(c, SF_MIME_DUPLICATE_PARAM, sf_mimei_off(c, q->name.ptr));
    }
    *out = q;
  }
  return SF_MIME_OK;
}

int sf_mimei_content_result(sf_mimei_ctx *c, int rc, const sf_error *cerr, unsigned warnings,
                            int code) {
  if (rc != SF_CONTENT_OK) {
    c->out->detail = rc;
    return sf_mimei_fail(c, code, cerr->offset);
  }
  if (warnings & SF_CONTENT_W_UNQUOTED_SLASH) c->out->warnings |= SF_MIME_W(UNQUOTED_SLASH);
  return SF_MIME_OK;
}

/* take_signed_params reads protocol and micalg of a multipart/signed. */
static int take_signed_params(sf_mimei_ctx *c, size_t index, const sf_content_type *ct) {
  sf_mime_part *p = &c->out->parts[index];
  size_t at = sf_mimei_off(c, p->content_type.ptr);
  const sf_content_param *protocol = NULL, *micalg = NULL;
  int rc = sf_mimei_unique_param(c, ct, "protocol", &protocol);
  if (rc == SF_MIME_OK) rc = sf_mimei_unique_param(c, ct, "micalg", &micalg);
  if (rc != SF_MIME_OK) return rc;
  if (protocol == NULL) return sf_mimei_fail(c, SF_MIME_SIGNED_MISSING_PROTOCOL, at);
  if (micalg == NULL) return sf_mimei_fail(c, SF_MIME_SIGNED_MISSING_MICALG, at);
  p->protocol = protocol->value;
  p->micalg = micalg->value;
  return SF_MIME_OK;
}

int sf_mimei_take_content_type(sf_mimei_ctx *c, size_t index, sf_slice value) {
  sf_mime_part *p = &c->out->parts[index];
  sf_content_type ct;
  sf_error cerr = {0, 0, NULL};
  int rc = sf_content_parse_type(c->base, value, sf_mimei_content_flags(c), &ct, &cerr);
  if (rc == SF_CONTENT_EMPTY_PARAM_VALUE && sf_slice_eq_nocase_lit(ct.type, "multipart") &&
      sf_slice_eq_nocase_lit(ct.params.failed_name, "boundary")) {
    /* "boundary=" is as empty as boundary="" (RFC 2046 5.1.1: 1 to 70
     * bchars), so it gets the same code, at the same place: where the
     * boundary text would start. A second boundary parameter comes first. */
    if (sf_content_find_param(&ct.params, "boundary") != NULL) {
      return sf_mimei_fail(c, SF_MIME_DUPLICATE_PARAM, sf_mimei_off(c, ct.params.failed_name.ptr));
    }
    return sf_mimei_fail(c, SF_MIME_EMPTY_BOUNDARY, cerr.offset);
  }
  rc = sf_mimei_content_result(c, rc, &cerr, ct.warnings, SF_MIME_BAD_CONTENT_TYPE);
  if (rc != SF_MIME_OK) return rc;
  p->content_type = value;
  p->type = ct.type;
  p->subtype = ct.subtype;
  if (!sf_slice_eq_nocase_lit(ct.type, "multipart")) return SF_MIME_OK;
  p->is_multipart = 1;
  rc = sf_mimei_take_boundary(c, index, &ct);
  if (rc != SF_MIME_OK) return rc;
  if (!sf_slice_eq_nocase_lit(ct.subtype, "signed")) return SF_MIME_OK;
  p->is_signed = 1;
  return take_signed_params(c, index, &ct);
}
