/* decode.c: undoing a Content-Transfer-Encoding (RFC 2045 6) into the
 * caller's buffer. The identity encodings are copied; base64 and
 * quoted-printable have their own files.
 *
 * "7bit", "8bit" and "binary" all mean that no transformation was applied;
 * they only say which octets the data may hold (RFC 2045 6.2). One rule is
 * checked: 7bit data holds no octet above 127 (2.7). That is the difference
 * the 7bit/8bit labels exist to tell, and a reader that believes "7bit"
 * (reading US-ASCII, or clearing the eighth bit as 7-bit transports did)
 * sees other characters than one that copies the octets, so a part that
 * says 7bit (or says nothing, which means 7bit) and holds 8-bit data is
 * refused. A caller that wants those octets anyway decodes the part as 8bit:
 * the encoding is its own argument, so no flag is needed to say so. The
 * other rules of 2.7 and 2.8 (no NUL, CR and LF only as CRLF, lines of at
 * most 998 octets) are about what mail transports carry; SIP is 8-bit
 * clean, SDP and other text bodies are sent with bare LF, and a reader
 * copies such bytes the same whatever it believes, so they are not checked. */
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
      for (size_t i = 0; encoding == SF_MIME_ENC_7BIT && i < in.len; i++) {
        if (in.ptr[i] > 127) return sf_mimei_fail(&c, SF_MIME_NOT_7BIT, sf_mimei_off(&c, in.ptr) + i);
      }
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
