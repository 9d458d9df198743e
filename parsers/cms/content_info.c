/* content_info.c: ContentInfo (RFC 5652 3) and the top-level entry point.
 *
 *   ContentInfo ::= SEQUENCE { contentType ContentType,
 *       content [0] EXPLICIT ANY DEFINED BY contentType }
 *
 * CMS content can hold CMS content: a SignedData whose eContentType is
 * signedData, envelopedData or id-ct-contentInfo carries that structure in
 * eContent, and id-ct-contentInfo content is itself a ContentInfo. Each such
 * level is parsed too, iteratively and with one scratch structure (so stack
 * use does not grow with depth), up to SF_CMS_MAX_NESTING levels. */
#include <string.h>

#include "cms_internal.h"

/* One ContentInfo level: where its parts go. */
typedef struct level {
  sf_slice content_type;
  sf_cms_type type;
  sf_slice content;
  sf_der_string *data;
  sf_cms_signed_data *sd;
  sf_cms_enveloped_data *ed;
} level;

static int get_content_info(sf_der *d, level *lv) {
  sf_der ci, wrap;
  sf_der_elem e;
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, SF_CMS_NOT_CONTENT_INFO);
  if (rc == SF_CMS_OK) rc = sf_der_get(d, SF_DER_SEQUENCE, &ci);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&ci, SF_DER_OID, SF_CMS_NOT_CONTENT_INFO);
  if (rc == SF_CMS_OK) rc = sf_der_get_oid(&ci, &lv->content_type);
  if (rc != SF_CMS_OK) return rc;
  lv->type = sf_cms_type_of(lv->content_type);
  /* RFC 5652 3: content is not OPTIONAL (it was in PKCS #7, RFC 2315 7). */
  if (sf_der_at_end(&ci)) return sf_cms__fail(d, SF_CMS_MISSING_CONTENT, ci.pos);
  rc = sf_cms__need(&ci, SF_DER_CONTEXT_CONS(0), SF_CMS_MISSING_CONTENT);
  if (rc == SF_CMS_OK) rc = sf_der_get_elem(&ci, SF_DER_CONTEXT_CONS(0), &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(&ci, &e, &wrap);
  if (rc != SF_CMS_OK) return rc;
  lv->content = e.contents;
  switch (lv->type) {
    case SF_CMS_TYPE_DATA:
      if (!sf_der_is_next(&wrap, SF_DER_OCTET_STRING | SF_DER_CONSTRUCTED)) {
        rc = sf_cms__need(&wrap, SF_DER_OCTET_STRING, SF_CMS_UNEXPECTED_TAG);
      }
      if (rc == SF_CMS_OK) rc = sf_der_get_string(&wrap, SF_DER_OCTET_STRING, lv->data);
      break;
    case SF_CMS_TYPE_SIGNED:
      rc = sf_cms__get_signed_data(&wrap, lv->sd);
      break;
    case SF_CMS_TYPE_ENVELOPED:
      rc = sf_cms__get_enveloped_data(&wrap, lv->ed);
      break;
    default: {
      /* Recognized (or unknown) types: one element, kept raw. */
      sf_der_elem any;
      rc = sf_der_get_any(&wrap, &any);
      break;
    }
  }
  if (rc == SF_CMS_OK) rc = sf_der_finish(&wrap);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&ci);
  return rc;
}

/* nested finds CMS content inside level |lv|: its type and bytes. A
 * constructed (streamed) eContent is not contiguous and is not followed. */
static int nested(const level *lv, sf_cms_type *out_type, sf_slice *out) {
  if (lv->type == SF_CMS_TYPE_CONTENT_INFO) {
    *out_type = SF_CMS_TYPE_CONTENT_INFO;
    *out = lv->content;
    return 1;
  }
  if (lv->type != SF_CMS_TYPE_SIGNED || !lv->sd->has_econtent || lv->sd->econtent.constructed) {
    return 0;
  }
  sf_cms_type t = sf_cms_type_of(lv->sd->econtent_type);
  if (t != SF_CMS_TYPE_SIGNED && t != SF_CMS_TYPE_ENVELOPED && t != SF_CMS_TYPE_CONTENT_INFO) {
    return 0;
  }
  *out_type = t;
  *out = lv->sd->econtent.contents;
  return 1;
}

/* check_nested parses the CMS content nested in |top|, level by level. */
static int check_nested(sf_der *top, const level *first, size_t *io_nesting) {
  union {
    sf_cms_signed_data sd;
    sf_cms_enveloped_data ed;
  } scratch;
  sf_der_string data;
  level lv = {{NULL, 0}, SF_CMS_TYPE_OTHER, {NULL, 0}, &data, &scratch.sd, &scratch.ed};
  sf_cms_type type;
  sf_slice bytes;
  int more = nested(first, &type, &bytes);
  while (more) {
    size_t at = sf_cms__offset(top, bytes);
    if (++*io_nesting > SF_CMS_MAX_NESTING) return sf_cms__fail(top, SF_CMS_TOO_DEEP_NESTING, at);
    sf_der c = *top;
    c.pos = at;
    c.end = at + bytes.len;
    c.depth = 0;
    int rc;
    if (type == SF_CMS_TYPE_CONTENT_INFO) {
      rc = get_content_info(&c, &lv);
    } else {
      lv.type = type;
      lv.content_type = sf_slice_make(NULL, 0);
      rc = type == SF_CMS_TYPE_SIGNED ? sf_cms__get_signed_data(&c, lv.sd)
                                      : sf_cms__get_enveloped_data(&c, lv.ed);
    }
    if (rc == SF_CMS_OK) rc = sf_der_finish(&c);
    if (rc != SF_CMS_OK) return rc;
    more = nested(&lv, &type, &bytes);
  }
  return SF_CMS_OK;
}

int sf_cms_parse(const uint8_t *data, size_t len, unsigned flags, sf_cms *out, sf_error *err) {
  sf_der_state st;
  sf_der d;
  memset(out, 0, sizeof *out);
  sf_der_init(&d, &st, data, len, flags);
  level top = {{NULL, 0}, SF_CMS_TYPE_OTHER, {NULL, 0}, &out->data, &out->signed_data,
               &out->enveloped_data};
  out->nesting = 1;
  int rc = get_content_info(&d, &top);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&d);
  if (rc == SF_CMS_OK) rc = check_nested(&d, &top, &out->nesting);
  out->content_type = top.content_type;
  out->type = top.type;
  out->content = top.content;
  out->warnings = st.warnings;
  if (err != NULL) {
    *err = st.err;
    err->reason = sf_cms_status_reason(st.err.code);
  }
  return rc;
}
