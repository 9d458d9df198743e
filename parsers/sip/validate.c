/* validate.c: semantic checks of a parsed message, apart from syntax
 * (RFC 3261 8.1.1, 8.2.2, 20; RFC 4475 3.3.1 insuf, 3.3.8 multi01,
 * 3.1.2.17-18 mismatch01/02).
 *
 * One pass over the header fields: the first fault in byte order among
 * duplicates and the CSeq method is reported; missing fields, which have no
 * position, come last and are reported at the empty line that ends the
 * header section (where the field would have had to be). */
#include "sip_internal.h"

static int single_valued(int id) {
  switch (id) {
    case SF_SIP_H_TO:
    case SF_SIP_H_FROM:
    case SF_SIP_H_CSEQ:
    case SF_SIP_H_CALL_ID:
    case SF_SIP_H_MAX_FORWARDS:
    case SF_SIP_H_CONTENT_TYPE:
    case SF_SIP_H_CONTENT_LENGTH:
      return 1;
    default:
      return 0;
  }
}

int sf_sip_validate(const sf_sip_msg *m, unsigned flags, sf_error *err) {
  unsigned char seen[SF_SIP_H_COUNT] = {0};
  const uint8_t *base = m->base;
  for (size_t i = 0; i < m->header_count; i++) {
    const sf_sip_header *h = &m->headers[i];
    if (h->id < 0 || h->id >= SF_SIP_H_COUNT) continue;
    if (seen[h->id] && single_valued(h->id)) {
      return sip_fail(err, (size_t)(h->name.ptr - base), SF_SIP_DUPLICATE_HEADER);
    }
    if (h->id == SF_SIP_H_CSEQ && !seen[h->id] && m->is_request) {
      /* RFC 3261 8.1.1.5: the CSeq method MUST match the request's. Methods
       * are case-sensitive (RFC 3261 7.1). */
      sf_sip_cseq c;
      sf_error cerr;
      if (sf_sip_parse_cseq(base, h->value, &c, &cerr) == SF_SIP_OK &&
          !sf_slice_eq(c.method, m->method)) {
        return sip_fail(err, (size_t)(c.method.ptr - base), SF_SIP_CSEQ_METHOD_MISMATCH);
      }
    }
    seen[h->id] = 1;
  }
  /* RFC 3261 8.1.1: To, From, CSeq, Call-ID, Max-Forwards and Via are the
   * minimum of a request; responses carry all but Max-Forwards. RFC 2543
   * had no Max-Forwards requirement (RFC 4475 3.4.1 inv2543). */
  static const int required[] = {SF_SIP_H_TO,      SF_SIP_H_FROM, SF_SIP_H_CSEQ,
                                 SF_SIP_H_CALL_ID, SF_SIP_H_VIA,  SF_SIP_H_MAX_FORWARDS};
  size_t n = sizeof required / sizeof required[0];
  for (size_t i = 0; i < n; i++) {
    if (required[i] == SF_SIP_H_MAX_FORWARDS &&
        (!m->is_request || (flags & SF_SIP_VALIDATE_RFC2543))) {
      continue;
    }
    if (!seen[required[i]]) {
      size_t at = m->body_offset >= 2 ? m->body_offset - 2 : m->body_offset;
      if (at > 0 && base != NULL && base[at] != '\r') at++; /* an LF-only empty line */
      return sip_fail(err, at, SF_SIP_MISSING_HEADER);
    }
  }
  return sip_ok(err);
}
