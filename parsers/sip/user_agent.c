/* user_agent.c: User-Agent and Server (RFC 3261 20.35, 20.41, 25.1):
 *
 *   User-Agent = "User-Agent" HCOLON server-val *(LWS server-val)
 *   server-val = product / comment
 *   product    = token [ SLASH product-version ],  product-version = token
 *   comment    = LPAREN *( ctext / quoted-pair / comment ) RPAREN
 *   ctext      = %x21-27 / %x2A-5B / %x5D-7E / UTF8-NONASCII / LWS
 *
 * Comments nest; the depth is bounded by SF_SIP_MAX_COMMENT_DEPTH so a
 * "((((..." value costs no more than its length and no recursion. */
#include "sip_internal.h"

/* get_comment reads a comment starting at '('. */
static int get_comment(sf_text *t, sf_error *err) {
  size_t depth = 0;
  for (;;) {
    uint8_t c = 0;
    if (!sf_text_peek(t, &c)) return sip_fail(err, t->pos, SF_SIP_BAD_USER_AGENT);
    if (c == '(') {
      if (depth == SF_SIP_MAX_COMMENT_DEPTH) return sip_fail(err, t->pos, SF_SIP_DEEP_COMMENT);
      depth++;
      t->pos++;
    } else if (c == ')') {
      t->pos++;
      if (--depth == 0) return SF_SIP_OK;
    } else if (c == '\\') {
      /* quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F) */
      uint8_t next = 0;
      if (!sf_text_peek_at(t, 1, &next) || next == '\r' || next == '\n' || next > 0x7f) {
        return sip_fail(err, t->pos, SF_SIP_BAD_USER_AGENT);
      }
      t->pos += 2;
    } else if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
      if (!sf_lex_skip_lws(t)) return sip_fail(err, t->pos, SF_SIP_BAD_USER_AGENT);
    } else if (c >= 0x21 && c != 0x7f) {
      t->pos++;
    } else {
      return sip_fail(err, t->pos, SF_SIP_BAD_USER_AGENT);
    }
  }
}

int sf_sip_parse_user_agent(const uint8_t *base, sf_slice value, sf_error *err) {
  sf_text t = sip_text_of(base, value);
  sip_trim_end(&t);
  sf_lex_skip_lws(&t);
  if (sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_USER_AGENT);
  /* LPAREN and RPAREN carry SWS, so only two products need LWS between
   * them ("a/1 b/2", but "a/1(c)" and "(c)b/2" are fine). */
  int after_product = 0;
  while (!sf_text_at_end(&t)) {
    int spaced = sf_lex_skip_lws(&t);
    if (sf_text_is_next(&t, '(')) {
      int rc = get_comment(&t, err);
      if (rc != SF_SIP_OK) return rc;
      after_product = 0;
      continue;
    }
    if (after_product && !spaced) return sip_fail(err, t.pos, SF_SIP_BAD_USER_AGENT);
    if (!sf_text_skip_class(&t, SF_C_TOKEN)) return sip_fail(err, t.pos, SF_SIP_BAD_USER_AGENT);
    size_t after = t.pos;
    sf_lex_skip_lws(&t);
    if (sf_text_expect(&t, '/')) {
      sf_lex_skip_lws(&t);
      if (!sf_text_skip_class(&t, SF_C_TOKEN)) return sip_fail(err, t.pos, SF_SIP_BAD_USER_AGENT);
    } else {
      t.pos = after;
    }
    after_product = 1;
  }
  return sip_ok(err);
}
