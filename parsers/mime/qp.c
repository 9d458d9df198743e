/* qp.c: the quoted-printable transfer encoding (RFC 2045 6.7).
 *
 *   "=" 2HEXDIG        one octet (rule 1; lower-case hex is accepted, as
 *                      the RFC suggests a robust decoder do)
 *   "=" at a line end  a soft line break: the "=" and the line end vanish
 *   SP/HT at the end of a line were added in transport and are dropped
 *   (rule 3); any other "=" is SF_MIME_QP_BAD_ESCAPE.
 *
 * Line ends are CRLF and stay CRLF; a bare LF is one only with
 * SF_MIME_ALLOW_LF (and stays LF); a bare CR is never one. The input is
 * read once: each line's end is found first, then its content decoded. */
#include <string.h>

#include "mime_internal.h"

typedef struct qp_out {
  uint8_t *buf;
  size_t cap, len;
} qp_out;

static int put(qp_out *o, uint8_t ch) {
  if (o->len == o->cap) return 0;
  o->buf[o->len++] = ch;
  return 1;
}

/* decode_line decodes the line [from, to) (its line end excluded) and says
 * in |*soft| whether it ended in a soft line break. */
static int decode_line(sf_mimei_ctx *c, const uint8_t *p, size_t from, size_t to, size_t at,
                       qp_out *o, int *soft) {
  while (to > from && (p[to - 1] == ' ' || p[to - 1] == '\t')) to--; /* rule 3 */
  *soft = 0;
  for (size_t i = from; i < to; i++) {
    uint8_t ch = p[i];
    if (ch == '\r') return sf_mimei_fail(c, SF_MIME_QP_BAD_LINE_END, at + i);
    if (ch == '=') {
      if (i + 1 == to) {
        *soft = 1;
        return SF_MIME_OK;
      }
      int hi = to - i > 2 ? sf_hex_value(p[i + 1]) : -1;
      int lo = hi >= 0 ? sf_hex_value(p[i + 2]) : -1;
      if (lo < 0) return sf_mimei_fail(c, SF_MIME_QP_BAD_ESCAPE, at + i);
      ch = (uint8_t)(hi << 4 | lo);
      i += 2;
    }
    if (!put(o, ch)) return sf_mimei_fail(c, SF_MIME_BUFFER_TOO_SMALL, at + i);
  }
  return SF_MIME_OK;
}

int sf_mimei_decode_qp(sf_mimei_ctx *c, sf_slice in, uint8_t *out, size_t cap, size_t *out_len) {
  qp_out o = {out, cap, 0};
  size_t at = sf_mimei_off(c, in.ptr), pos = 0;
  while (pos < in.len) {
    const uint8_t *nl = memchr(in.ptr + pos, '\n', in.len - pos);
    size_t lf = nl ? (size_t)(nl - in.ptr) : in.len;
    int crlf = nl && lf > pos && in.ptr[lf - 1] == '\r';
    if (nl && !crlf && !(c->flags & SF_MIME_ALLOW_LF)) {
      return sf_mimei_fail(c, SF_MIME_QP_BAD_LINE_END, at + lf);
    }
    int soft = 0;
    int rc = decode_line(c, in.ptr, pos, crlf ? lf - 1 : lf, at, &o, &soft);
    if (rc != SF_MIME_OK) return rc;
    if (nl && !soft) {
      if ((crlf && !put(&o, '\r')) || !put(&o, '\n')) {
        return sf_mimei_fail(c, SF_MIME_BUFFER_TOO_SMALL, at + lf);
      }
    }
    pos = nl ? lf + 1 : in.len;
  }
  *out_len = o.len;
  return SF_MIME_OK;
}
