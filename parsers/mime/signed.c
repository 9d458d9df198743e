/* signed.c: multipart/signed (RFC 1847 2.1; RFC 3851 3.4.3 for S/MIME).
 *
 * A multipart/signed has exactly two parts: the signed content and the
 * signature, whose type must be the protocol parameter. The signature
 * covers the first part exactly as it stands between its delimiters: its
 * header lines, the blank line and its body, without the CRLF that precedes
 * the next delimiter (RFC 1847 2.1, RFC 3851 3.1.1). That is the part's
 * |whole|, so the signed slice comes from the same split as everything else
 * and cannot be one byte off from it. */
#include "mime_internal.h"

/* protocol_names_type returns 1 if the raw protocol value names the media
 * type |type|/|subtype| (ASCII case-insensitive), quotes and escapes
 * resolved. */
static int protocol_names_type(sf_slice protocol, sf_slice type, sf_slice subtype) {
  uint8_t text[256];
  size_t len = 0;
  if (sf_content_unquote(protocol, text, sizeof text, &len) != SF_CONTENT_OK) return 0;
  if (len != type.len + 1 + subtype.len) return 0;
  sf_slice t = sf_slice_make(text, type.len);
  sf_slice s = sf_slice_make(text + type.len + 1, subtype.len);
  return text[type.len] == '/' && sf_slice_eq_nocase(t, type) && sf_slice_eq_nocase(s, subtype);
}

int sf_mimei_check_signed(sf_mimei_ctx *c, size_t index) {
  sf_mime_part *p = &c->out->parts[index];
  if (p->child_count != 2) {
    size_t at = p->child_count > 2 ? sf_mimei_off(c, c->out->parts[p->first_child + 2].whole.ptr)
                                   : sf_mimei_off(c, p->body.ptr) + p->body.len;
    return sf_mimei_fail(c, SF_MIME_SIGNED_PART_COUNT, at);
  }
  const sf_mime_part *content = &c->out->parts[p->first_child];
  const sf_mime_part *sig = &c->out->parts[p->first_child + 1];
  /* A part without Content-Type is text/plain (RFC 2045 5.2). */
  static const uint8_t text[] = "text", plain[] = "plain";
  sf_slice type = sig->type.ptr ? sig->type : sf_slice_make(text, 4);
  sf_slice subtype = sig->type.ptr ? sig->subtype : sf_slice_make(plain, 5);
  if (!protocol_names_type(p->protocol, type, subtype)) {
    if (!(c->flags & SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH)) {
      const uint8_t *at = sig->content_type.ptr ? sig->content_type.ptr : sig->whole.ptr;
      return sf_mimei_fail(c, SF_MIME_SIGNATURE_TYPE_MISMATCH, sf_mimei_off(c, at));
    }
    c->out->warnings |= SF_MIME_W(SIGNATURE_TYPE_MISMATCH);
  }
  p->signed_part = p->first_child;
  p->signature_part = p->first_child + 1;
  p->signed_content = content->whole;
  return SF_MIME_OK;
}
