/* decode.c: undoing a Content-Transfer-Encoding (RFC 2045 6) into the
 * caller's buffer. The identity encodings are copied; base64 and
 * quoted-printable have their own files. */
#include <string.h>

#include "mime_internal.h"

size_t sf_mime_decoded_bound(int encoding, size_t encoded_len) {
  if (encoding == SF_MIME_ENC_BASE64) {
    /* Every 4 alphabet characters give 3 bytes; white space gives none.
     * Written so that it cannot overflow. */
    return encoded_len / 4 * 3 + encoded_len % 4 * 3 / 4;
  }
  /* Identity: as long. Quoted-printable: every step writes at most as many
   * bytes as it reads ("=XX" -> 1, soft line break -> 0, CRLF -> CRLF). */
  return encoded_len;
}

int sf_mime_decode(const uint8_t *base, int encoding, sf_slice in, unsigned flags, uint8_t *out,
                   size_t cap, size_t *out_len, sf_error *err) {
  sf_mimei_ctx c = {base, flags, NULL, err};
  *out_len = 0;
  int rc;
  switch (encoding) {
    case SF_MIME_ENC_7BIT:
    case SF_MIME_ENC_8BIT:
    case SF_MIME_ENC_BINARY:
      if (in.len > cap) return sf_mimei_fail(&c, SF_MIME_BUFFER_TOO_SMALL, sf_mimei_off(&c, in.ptr) + cap);
      if (in.len) memcpy(out, in.ptr, in.len);
      *out_len = in.len;
      rc = SF_MIME_OK;
      break;
    case SF_MIME_ENC_BASE64:
      rc = sf_mimei_decode_base64(&c, in, out, cap, out_len);
      break;
    case SF_MIME_ENC_QUOTED_PRINTABLE:
      rc = sf_mimei_decode_qp(&c, in, out, cap, out_len);
      break;
    default:
      return sf_mimei_fail(&c, SF_MIME_UNKNOWN_ENCODING, sf_mimei_off(&c, in.ptr));
  }
  if (rc == SF_MIME_OK && err != NULL) {
    err->code = SF_MIME_OK;
    err->offset = 0;
    err->reason = sf_mime_status_reason(SF_MIME_OK);
  }
  return rc;
}
