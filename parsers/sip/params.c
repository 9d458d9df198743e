/* params.c: header parameters (RFC 3261 25.1), as in Via, From, To,
 * Contact, Route:
 *
 *   *( SEMI generic-param )
 *   generic-param = token [ EQUAL gen-value ]
 *   gen-value     = token / host / quoted-string
 *   SEMI = SWS ";" SWS,  EQUAL = SWS "=" SWS
 *
 * host adds only IPv6 references to what a token already covers. */
#include "sip_internal.h"

/* get_gen_value reads a gen-value at the cursor. Via's received= may hold a
 * bare IPv6address (RFC 3261 20.42 via-received), whose ':' no token has:
 * for that one name the value runs over hex digits, ':' and '.', and via.c
 * checks it is an address. */
static int get_gen_value(sf_text *t, sf_slice name, sf_slice *out, sf_error *err) {
  size_t start = t->pos;
  if (sf_slice_eq_nocase_lit(name, "received")) {
    while (sf_text_is_next_in(t, SF_C_HEX) || sf_text_is_next(t, ':') || sf_text_is_next(t, '.')) {
      t->pos++;
    }
    if (t->pos > start && !sf_text_is_next_in(t, SF_C_TOKEN)) {
      *out = sf_text_slice(t, start);
      return SF_SIP_OK;
    }
    t->pos = start; /* not an address: read it as any other value */
  }
  if (sf_text_is_next(t, '"')) {
    int q = sf_lex_get_quoted(t, out);
    if (q == SF_LEX_QUOTED_UNTERMINATED) return sip_fail(err, t->pos, SF_SIP_UNTERMINATED_QUOTE);
    if (q != SF_LEX_QUOTED_OK) return sip_fail(err, t->pos, SF_SIP_BAD_QUOTED_STRING);
    return SF_SIP_OK;
  }
  if (sf_text_is_next(t, '[')) {
    int kind = 0;
    if (!sf_sipi_get_host(t, out, &kind)) return sip_fail(err, t->pos, SF_SIP_BAD_PARAM_VALUE);
    return SF_SIP_OK;
  }
  if (!sf_text_get_span(t, SF_C_TOKEN, out)) return sip_fail(err, start, SF_SIP_BAD_PARAM_VALUE);
  return SF_SIP_OK;
}

int sf_sipi_get_params(sf_text *t, sf_sip_param *params, size_t *count, sf_error *err) {
  for (;;) {
    size_t before = t->pos;
    sf_lex_skip_lws(t);
    if (!sf_text_expect(t, ';')) {
      t->pos = before; /* leave the LWS to the caller */
      return SF_SIP_OK;
    }
    sf_lex_skip_lws(t);
    sf_sip_param p = {{NULL, 0}, {NULL, 0}};
    size_t name_at = t->pos;
    if (!sf_text_get_span(t, SF_C_TOKEN, &p.name)) return sip_fail(err, t->pos, SF_SIP_BAD_PARAM);
    size_t after_name = t->pos;
    sf_lex_skip_lws(t);
    if (sf_text_expect(t, '=')) {
      sf_lex_skip_lws(t);
      int rc = get_gen_value(t, p.name, &p.value, err);
      if (rc != SF_SIP_OK) return rc;
    } else {
      t->pos = after_name;
    }
    if (*count == SF_SIP_MAX_PARAMS) return sip_fail(err, name_at, SF_SIP_TOO_MANY_PARAMS);
    params[(*count)++] = p;
  }
}

const sf_sip_param *sf_sip_find_param(const sf_sip_param *params, size_t count,
                                      const char *name) {
  for (size_t i = 0; i < count; i++) {
    if (sf_slice_eq_nocase_lit(params[i].name, name)) return &params[i];
  }
  return NULL;
}
