/* scalar.c: the single-value header fields with a number or a word
 * (RFC 3261 20.8, 20.14, 20.16, 20.22, 25.1):
 *
 *   Call-ID        = callid,  callid = word [ "@" word ]
 *   CSeq           = 1*DIGIT LWS Method   (a 32-bit number, RFC 3261 8.1.1.5)
 *   Max-Forwards   = 1*DIGIT              (0-255, RFC 3261 8.1.1.6)
 *   Content-Length = 1*DIGIT
 *
 * Every number goes through sf_decimal_get, so "0009" is 9, overlong digit
 * strings are an overflow error rather than a wrapped value, and each kind
 * of fault has its own code. */
#include "sip_internal.h"

int sf_sipi_is_token(sf_slice s) {
  if (s.ptr == NULL || s.len == 0) return 0;
  for (size_t i = 0; i < s.len; i++) {
    if (!sf_char_is(s.ptr[i], SF_C_TOKEN)) return 0;
  }
  return 1;
}

/* value_cursor returns a cursor over |value| without surrounding LWS. */
static sf_text value_cursor(const uint8_t *base, sf_slice value) {
  sf_text t = sip_text_of(base, value);
  sip_trim_end(&t);
  sf_lex_skip_lws(&t);
  return t;
}

int sf_sip_parse_call_id(const uint8_t *base, sf_slice value, sf_error *err) {
  sf_text t = value_cursor(base, value);
  if (!sf_text_skip_class(&t, SF_C_WORD)) return sip_fail(err, t.pos, SF_SIP_BAD_CALL_ID);
  if (sf_text_expect(&t, '@') && !sf_text_skip_class(&t, SF_C_WORD)) {
    return sip_fail(err, t.pos, SF_SIP_BAD_CALL_ID);
  }
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_CALL_ID);
  return sip_ok(err);
}

/* get_number reads the 1*DIGIT that starts a value: |none_code| when there
 * is no digit (at the cursor), |over_code| when it exceeds |max| (at the
 * number's first digit). */
static int get_number(sf_text *t, uint64_t max, int none_code, int over_code, uint64_t *out,
                      sf_error *err) {
  size_t start = t->pos;
  switch (sf_decimal_get(t, max, out, NULL)) {
    case SF_DECIMAL_NONE:
      return sip_fail(err, t->pos, none_code);
    case SF_DECIMAL_OVERFLOW:
      return sip_fail(err, start, over_code);
    default:
      return SF_SIP_OK;
  }
}

int sf_sip_parse_cseq(const uint8_t *base, sf_slice value, sf_sip_cseq *out, sf_error *err) {
  sf_text t = value_cursor(base, value);
  uint64_t n = 0;
  out->number = 0;
  out->method = sf_slice_make(NULL, 0);
  int rc = get_number(&t, UINT32_MAX, SF_SIP_BAD_CSEQ, SF_SIP_CSEQ_OVERFLOW, &n, err);
  if (rc != SF_SIP_OK) return rc;
  if (!sf_lex_skip_lws(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_CSEQ);
  if (!sf_text_get_span(&t, SF_C_TOKEN, &out->method)) return sip_fail(err, t.pos, SF_SIP_BAD_CSEQ);
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_CSEQ);
  out->number = (uint32_t)n;
  return sip_ok(err);
}

int sf_sip_parse_max_forwards(const uint8_t *base, sf_slice value, uint8_t *out, sf_error *err) {
  sf_text t = value_cursor(base, value);
  uint64_t n = 0;
  int rc = get_number(&t, 255, SF_SIP_BAD_MAX_FORWARDS, SF_SIP_MAX_FORWARDS_RANGE, &n, err);
  if (rc != SF_SIP_OK) return rc;
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_MAX_FORWARDS);
  *out = (uint8_t)n;
  return sip_ok(err);
}

int sf_sip_parse_content_length(const uint8_t *base, sf_slice value, uint32_t *out,
                                sf_error *err) {
  sf_text t = value_cursor(base, value);
  uint64_t n = 0;
  if (sf_text_is_next(&t, '-')) return sip_fail(err, t.pos, SF_SIP_NEGATIVE_CONTENT_LENGTH);
  int rc = get_number(&t, UINT32_MAX, SF_SIP_BAD_CONTENT_LENGTH, SF_SIP_CONTENT_LENGTH_OVERFLOW,
                      &n, err);
  if (rc != SF_SIP_OK) return rc;
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_CONTENT_LENGTH);
  *out = (uint32_t)n;
  return sip_ok(err);
}
