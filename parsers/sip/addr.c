/* addr.c: addresses in From, To, Contact, Route, Record-Route, Reply-To,
 * Refer-To, Referred-By (RFC 3261 20.10, 25.1):
 *
 *   ( name-addr / addr-spec ) *( SEMI generic-param )
 *   name-addr    = [ display-name ] LAQUOT addr-spec RAQUOT
 *   display-name = *( token LWS ) / quoted-string
 *   LAQUOT = SWS "<",  RAQUOT = ">" SWS
 *
 * Without < >, the URI ends at the first ';' (what follows are header
 * parameters), and RFC 3261 20.10 forbids ',' and '?' in it. A token display
 * name directly followed by '<' is outside the grammar but RFC 4475 3.1.1.6
 * asks for it to be accepted: it is, with a warning. */
#include <string.h>

#include "sip_internal.h"

static int is_lws_byte(uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void addr_reset(sf_sip_addr *out) {
  sf_slice none = {NULL, 0};
  out->is_star = 0;
  out->has_angle = 0;
  out->display_name = none;
  out->display_quoted = 0;
  out->uri_text = none;
  out->param_count = 0;
  out->warnings = 0;
}

/* get_angle_uri reads "<" addr-spec ">" at the cursor. No white space is
 * allowed inside (RFC 4475 3.1.2.14 badaspec). */
static int get_angle_uri(sf_text *t, sf_sip_addr *out, sf_error *err) {
  t->pos++; /* '<' */
  size_t start = t->pos;
  uint8_t c = 0;
  while (sf_text_peek(t, &c) && c != '>') {
    if (is_lws_byte(c)) return sip_fail(err, t->pos, SF_SIP_BAD_ADDR_SPEC);
    t->pos++;
  }
  if (!sf_text_is_next(t, '>')) return sip_fail(err, t->pos, SF_SIP_UNTERMINATED_ANGLE);
  out->uri_text = sf_text_slice(t, start);
  t->pos++;
  out->has_angle = 1;
  return SF_SIP_OK;
}

/* get_bare_uri reads an addr-spec without < >: it ends at ';', LWS or the
 * end of the value. */
static int get_bare_uri(sf_text *t, sf_sip_addr *out, sf_error *err) {
  size_t start = t->pos;
  uint8_t c = 0;
  while (sf_text_peek(t, &c) && c != ';' && !is_lws_byte(c)) {
    if (c == ',' || c == '?') return sip_fail(err, t->pos, SF_SIP_BAD_ADDR_SPEC);
    t->pos++;
  }
  out->uri_text = sf_text_slice(t, start);
  return SF_SIP_OK;
}

int sf_sip_parse_addr(const uint8_t *base, sf_slice value, sf_sip_addr *out, sf_error *err) {
  sf_text t = sip_text_of(base, value);
  addr_reset(out);
  sip_trim_end(&t);
  sf_lex_skip_lws(&t);
  int rc = SF_SIP_OK;

  if (sf_text_left(&t) == 1 && sf_text_is_next(&t, '*')) {
    /* Contact: STAR (RFC 3261 20.10); the caller checks it stands alone. */
    out->is_star = 1;
    return sip_ok(err);
  }
  size_t start = t.pos;
  if (sf_text_is_next(&t, '"')) {
    int q = sf_lex_get_quoted(&t, &out->display_name);
    if (q == SF_LEX_QUOTED_UNTERMINATED) return sip_fail(err, t.pos, SF_SIP_UNTERMINATED_QUOTE);
    if (q != SF_LEX_QUOTED_OK) return sip_fail(err, t.pos, SF_SIP_BAD_QUOTED_STRING);
    out->display_quoted = 1;
    sf_lex_skip_lws(&t);
    if (!sf_text_is_next(&t, '<')) return sip_fail(err, t.pos, SF_SIP_MISSING_ANGLE);
    rc = get_angle_uri(&t, out, err);
  } else {
    /* Tokens and LWS up to '<' make a display name; a scheme's ':' (after
     * one token, no LWS) makes an addr-spec. */
    size_t last_token_end = t.pos;
    int saw_lws = 0;
    for (;;) {
      if (sf_text_skip_class(&t, SF_C_TOKEN)) {
        last_token_end = t.pos;
        continue;
      }
      if (sf_lex_skip_lws(&t)) {
        saw_lws = 1;
        continue;
      }
      break;
    }
    if (sf_text_is_next(&t, '<')) {
      if (last_token_end > start) {
        out->display_name = sf_slice_make(base + start, last_token_end - start);
        if (last_token_end == t.pos) out->warnings |= SF_SIP_W(TOKEN_DISPLAY_NAME_NO_LWS);
      }
      rc = get_angle_uri(&t, out, err);
    } else {
      /* Not a name-addr: if a '<' comes later, the display name is what is
       * wrong (RFC 4475 3.1.2.15 baddn); otherwise this is an addr-spec. */
      size_t stop = t.pos;
      const uint8_t *lt = memchr(base + t.pos, '<', sf_text_left(&t));
      if (lt != NULL && !(sf_text_is_next(&t, ':') && !saw_lws)) {
        return sip_fail(err, stop, SF_SIP_BAD_DISPLAY_NAME);
      }
      if (saw_lws && stop != start) {
        /* "a b" with no '<' at all: white space inside an addr-spec. */
        size_t ws = start;
        while (ws < stop && !is_lws_byte(base[ws])) ws++;
        if (ws < stop) return sip_fail(err, ws, SF_SIP_BAD_ADDR_SPEC);
      }
      t.pos = start;
      rc = get_bare_uri(&t, out, err);
    }
  }
  if (rc != SF_SIP_OK) return rc;

  rc = sf_sip_parse_uri(base, out->uri_text, 0, &out->uri, err);
  if (rc != SF_SIP_OK) return rc;
  rc = sf_sipi_get_params(&t, out->params, &out->param_count, err);
  if (rc != SF_SIP_OK) return rc;
  sf_lex_skip_lws(&t);
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_ADDR_SPEC);
  return sip_ok(err);
}
