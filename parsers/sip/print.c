/* print.c: a parsed message in canonical form: the start line with single
 * SPs and "SIP/2.0", every header field as "Full-Name: value" on one line
 * (unfolded) in the original order, the empty line, the body. Leniencies the
 * parse tolerated (LF line ends, extra SP, < > around the Request-URI,
 * leading CRLFs, trailing datagram bytes) do not survive printing; what the
 * message says does, so parsing the output gives the same structure. */
#include "sip_internal.h"

static size_t name_len(const sf_sip_header *h) {
  if (h->id == SF_SIP_H_OTHER) return h->name.len;
  const char *n = sf_sip_header_name(h->id);
  size_t len = 0;
  while (n[len] != '\0') len++;
  return len;
}

size_t sf_sip_print_bound(const sf_sip_msg *m) {
  /* "SIP/2.0 " + 3 digits + SP or method SP SP version: at most 16 bytes
   * besides the slices, and CRLF. */
  size_t n = m->method.len + m->request_uri.len + m->reason.len + 16 + 2;
  for (size_t i = 0; i < m->header_count; i++) {
    n += name_len(&m->headers[i]) + 2 + m->headers[i].value.len + 2;
  }
  return n + 2 + m->body.len;
}

int sf_sip_print(const sf_sip_msg *m, uint8_t *out, size_t cap, size_t *out_len) {
  sip_writer w = {out, cap, 0, 0};
  if (m->is_request) {
    sip_put_slice(&w, m->method);
    sip_put(&w, " ", 1);
    sip_put_slice(&w, m->request_uri);
    sip_put(&w, " SIP/2.0\r\n", 10);
  } else {
    uint8_t code[3] = {(uint8_t)('0' + m->status_code / 100 % 10),
                       (uint8_t)('0' + m->status_code / 10 % 10),
                       (uint8_t)('0' + m->status_code % 10)};
    sip_put(&w, "SIP/2.0 ", 8);
    sip_put(&w, code, 3);
    sip_put(&w, " ", 1);
    sip_put_slice(&w, m->reason);
    sip_put(&w, "\r\n", 2);
  }
  for (size_t i = 0; i < m->header_count && !w.full; i++) {
    const sf_sip_header *h = &m->headers[i];
    if (h->id == SF_SIP_H_OTHER) {
      sip_put_slice(&w, h->name);
    } else {
      sip_put(&w, sf_sip_header_name(h->id), name_len(h));
    }
    sip_put(&w, ": ", 2);
    size_t n = 0;
    if (w.full || sf_sip_unfold(h->value, w.out + w.len, w.cap - w.len, &n) != SF_SIP_OK) {
      w.full = 1;
      break;
    }
    w.len += n;
    sip_put(&w, "\r\n", 2);
  }
  sip_put(&w, "\r\n", 2);
  sip_put_slice(&w, m->body);
  if (w.full) return SF_SIP_BUFFER_TOO_SMALL;
  *out_len = w.len;
  return SF_SIP_OK;
}
