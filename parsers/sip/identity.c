/* identity.c: the Identity header field (RFC 4474 9):
 *
 *   Identity = "Identity" HCOLON signed-identity-digest
 *   signed-identity-digest = LDQUOT base64 RDQUOT
 *
 * base64 is checked strictly (RFC 4648 4: alphabet, length a multiple of
 * four, '=' padding only at the end). Inside the quotes LWS is skipped, as
 * RFC 4474's own examples fold the value. The draft's 4.2 and RFC 4475
 * mpart01 send the value without quotes; SF_SIP_ALLOW_UNQUOTED_IDENTITY
 * accepts that (then no white space may appear inside), with a warning. */
#include "sip_internal.h"

/* get_base64 reads base64 up to the cursor's end or a '"', skipping LWS
 * only when |quoted|. Returns 1, or 0 with the cursor at the fault. */
static int get_base64(sf_text *t, int quoted) {
  size_t chars = 0, pad = 0;
  size_t last_quad = t->pos;
  for (;;) {
    if (quoted && sf_lex_skip_lws(t)) continue;
    uint8_t c = 0;
    if (!sf_text_peek(t, &c) || c == '"') break;
    if (c == '=') {
      if (pad == 2 || chars % 4 < 2) return 0;
      pad++;
    } else if (sf_char_is(c, SF_C_BASE64)) {
      if (pad) return 0; /* data after padding */
    } else {
      return 0;
    }
    if (chars % 4 == 0) last_quad = t->pos;
    chars++;
    t->pos++;
  }
  if (chars == 0 || chars % 4 != 0) {
    t->pos = chars == 0 ? t->pos : last_quad; /* the incomplete quad */
    return 0;
  }
  return 1;
}

int sf_sip_parse_identity(const uint8_t *base, sf_slice value, unsigned flags, sf_slice *out,
                          unsigned *warnings, sf_error *err) {
  sf_text t = sip_text_of(base, value);
  sip_trim_end(&t);
  sf_lex_skip_lws(&t);
  *out = sf_slice_make(NULL, 0);
  if (sf_text_expect(&t, '"')) {
    size_t start = t.pos;
    if (!get_base64(&t, 1)) return sip_fail(err, t.pos, SF_SIP_BAD_IDENTITY);
    if (!sf_text_is_next(&t, '"')) return sip_fail(err, t.pos, SF_SIP_UNTERMINATED_QUOTE);
    *out = sf_text_slice(&t, start);
    t.pos++;
    if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_IDENTITY);
    return sip_ok(err);
  }
  if (!(flags & SF_SIP_ALLOW_UNQUOTED_IDENTITY)) return sip_fail(err, t.pos, SF_SIP_BAD_IDENTITY);
  size_t start = t.pos;
  if (!get_base64(&t, 0) || !sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_IDENTITY);
  *out = sf_text_slice(&t, start);
  if (warnings != NULL) *warnings |= SF_SIP_W(UNQUOTED_IDENTITY);
  return sip_ok(err);
}
