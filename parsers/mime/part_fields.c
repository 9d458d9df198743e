/* part_fields.c: the Content-* fields of a body part (RFC 2045 5, 6, 7;
 * RFC 2183 2). Each field this file knows (sf/mime.h SF_MIME_HEADER_LIST)
 * may appear once (RFC 2045 3, RFC 5322 3.6): a second Content-Type or
 * Content-Transfer-Encoding is how two readers come to see two different
 * parts in the same bytes, so it is an error, not "the last one wins". */
#include "mime_internal.h"

static const char *const encoding_names[] = {"7bit", "8bit", "binary", "base64",
                                             "quoted-printable"};

int sf_mime_encoding_of(sf_slice token) {
  for (int e = 0; e < SF_MIME_ENC_OTHER; e++) {
    if (sf_slice_eq_nocase_lit(token, encoding_names[e])) return e;
  }
  return SF_MIME_ENC_OTHER;
}

static int take_encoding(sf_mimei_ctx *c, sf_mime_part *p, sf_slice value) {
  sf_error cerr = {0, 0, NULL};
  if (sf_content_parse_encoding(c->base, value, &p->encoding_text, &cerr) != SF_CONTENT_OK) {
    return sf_mimei_fail(c, SF_MIME_BAD_CONTENT_TRANSFER_ENCODING, cerr.offset);
  }
  p->encoding = sf_mime_encoding_of(p->encoding_text);
  return SF_MIME_OK;
}

static int take_disposition(sf_mimei_ctx *c, sf_mime_part *p, sf_slice value) {
  sf_content_disposition cd;
  sf_error cerr = {0, 0, NULL};
  int rc = sf_content_parse_disposition(c->base, value, sf_mimei_content_flags(c), &cd, &cerr);
  rc = sf_mimei_content_result(c, rc, &cerr, cd.warnings, SF_MIME_BAD_CONTENT_DISPOSITION);
  if (rc != SF_MIME_OK) return rc;
  p->disposition = value;
  p->disposition_type = cd.type;
  return SF_MIME_OK;
}

/* take_field hands one known field to its parser. */
static int take_field(sf_mimei_ctx *c, size_t index, const sf_mime_header *h) {
  sf_mime_part *p = &c->out->parts[index];
  switch (h->id) {
    case SF_MIME_H_CONTENT_TYPE:
      return sf_mimei_take_content_type(c, index, h->value);
    case SF_MIME_H_CONTENT_TRANSFER_ENCODING:
      return take_encoding(c, p, h->value);
    case SF_MIME_H_CONTENT_DISPOSITION:
      return take_disposition(c, p, h->value);
    case SF_MIME_H_CONTENT_ID: {
      int rc = sf_mimei_check_content_id(c, h->value);
      if (rc == SF_MIME_OK) p->content_id = h->value;
      return rc;
    }
    default: /* Content-Description, MIME-Version: kept raw */
      return SF_MIME_OK;
  }
}

int sf_mimei_take_fields(sf_mimei_ctx *c, size_t index) {
  sf_mime_part *p = &c->out->parts[index];
  const sf_mime_header *hs = &c->out->headers[p->header_first];
  unsigned seen = 0;
  for (size_t i = 0; i < p->header_count; i++) {
    int id = hs[i].id;
    if (id == SF_MIME_H_OTHER) continue;
    if (seen & (1u << id)) {
      return sf_mimei_fail(c, SF_MIME_DUPLICATE_HEADER, sf_mimei_off(c, hs[i].name.ptr));
    }
    seen |= 1u << id;
    int rc = take_field(c, index, &hs[i]);
    if (rc != SF_MIME_OK) return rc;
  }
  /* RFC 2045 6.4: a multipart is never encoded; only the identity
   * encodings say what its parts may contain. */
  if (p->is_multipart && p->encoding != SF_MIME_ENC_7BIT && p->encoding != SF_MIME_ENC_8BIT &&
      p->encoding != SF_MIME_ENC_BINARY) {
    return sf_mimei_fail(c, SF_MIME_ENCODED_MULTIPART, sf_mimei_off(c, p->encoding_text.ptr));
  }
  return SF_MIME_OK;
}
