/* via.c: one Via value (RFC 3261 20.42, 25.1; RFC 3581 rport).
 *
 *   via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
 *   sent-protocol = protocol-name SLASH protocol-version SLASH transport
 *   sent-by       = host [ COLON port ]
 *   via-params    = via-ttl / via-maddr / via-received / via-branch
 *                   / via-extension
 *   via-ttl = "ttl" EQUAL 1*3DIGIT (0-255); via-maddr = "maddr" EQUAL host
 *   via-received = "received" EQUAL (IPv4address / IPv6address)
 *   via-branch = "branch" EQUAL token
 *
 * SLASH and COLON are SWS-padded, so "SIP / 2.0 / UDP" and folded variants
 * (RFC 4475 wsinv) are well formed. */
#include "sip_internal.h"

/* check_known_params checks the values of the parameters RFC 3261 gives a
 * grammar (any other is a generic-param, already checked). */
static int check_known_params(const uint8_t *base, const sf_sip_via *v, sf_error *err) {
  for (size_t i = 0; i < v->param_count; i++) {
    const sf_sip_param *p = &v->params[i];
    sf_slice val = p->value;
    size_t at = (size_t)(p->name.ptr - base);
    int ok = 1;
    if (sf_slice_eq_nocase_lit(p->name, "ttl")) {
      sf_text t = sip_text_of(base, val);
      uint64_t n = 0;
      size_t digits = 0;
      ok = val.ptr != NULL && sf_decimal_get(&t, 255, &n, &digits) == SF_DECIMAL_OK &&
           digits <= 3 && sf_text_at_end(&t);
    } else if (sf_slice_eq_nocase_lit(p->name, "maddr")) {
      sf_text t = sip_text_of(base, val);
      sf_slice host;
      int kind = 0;
      ok = val.ptr != NULL && sf_sipi_get_host(&t, &host, &kind) && sf_text_at_end(&t);
    } else if (sf_slice_eq_nocase_lit(p->name, "received")) {
      /* RFC 3261 writes a bare IPv6address; RFC 5118 4.5 shows the
       * bracketed reference in use too, and both name one address. */
      sf_slice inner = val.len >= 2 && val.ptr[0] == '[' && val.ptr[val.len - 1] == ']'
                           ? sf_slice_make(val.ptr + 1, val.len - 2)
                           : sf_slice_make(NULL, 0);
      ok = val.ptr != NULL && (sf_sipi_is_ipv4(val) || sf_sipi_is_ipv6(val) || sf_sipi_is_ipv6(inner));
    } else if (sf_slice_eq_nocase_lit(p->name, "branch")) {
      ok = val.ptr != NULL && val.len > 0 && val.ptr[0] != '"' && val.ptr[0] != '[';
    } else if (sf_slice_eq_nocase_lit(p->name, "rport")) {
      /* RFC 3581: response-port = "rport" [ EQUAL 1*DIGIT ] */
      if (val.ptr != NULL) {
        sf_text t = sip_text_of(base, val);
        uint16_t port = 0;
        ok = sf_sipi_get_port(&t, &port) && sf_text_at_end(&t);
      }
    }
    if (!ok) {
      if (val.ptr != NULL) at = (size_t)(val.ptr - base);
      return sip_fail(err, at, SF_SIP_BAD_VIA_PARAM);
    }
  }
  return SF_SIP_OK;
}

int sf_sip_parse_via(const uint8_t *base, sf_slice value, sf_sip_via *out, sf_error *err) {
  sf_text t = sip_text_of(base, value);
  sf_slice none = {NULL, 0};
  out->protocol_name = out->protocol_version = out->transport = out->host = none;
  out->host_kind = SF_SIP_HOST_NONE;
  out->has_port = 0;
  out->port = 0;
  out->param_count = 0;
  sip_trim_end(&t);
  sf_lex_skip_lws(&t);

  if (!sf_text_get_span(&t, SF_C_TOKEN, &out->protocol_name)) {
    return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  }
  sf_lex_skip_lws(&t);
  if (!sf_text_expect(&t, '/')) return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  sf_lex_skip_lws(&t);
  if (!sf_text_get_span(&t, SF_C_TOKEN, &out->protocol_version)) {
    return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  }
  sf_lex_skip_lws(&t);
  if (!sf_text_expect(&t, '/')) return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  sf_lex_skip_lws(&t);
  if (!sf_text_get_span(&t, SF_C_TOKEN, &out->transport)) {
    return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  }
  /* LWS is mandatory between sent-protocol and sent-by. */
  if (!sf_lex_skip_lws(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  if (!sf_sipi_get_host(&t, &out->host, &out->host_kind)) return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  size_t after_host = t.pos;
  sf_lex_skip_lws(&t);
  if (sf_text_expect(&t, ':')) {
    sf_lex_skip_lws(&t);
    if (!sf_sipi_get_port(&t, &out->port)) return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
    out->has_port = 1;
  } else {
    t.pos = after_host;
  }
  int rc = sf_sipi_get_params(&t, out->params, &out->param_count, err);
  if (rc != SF_SIP_OK) return rc;
  sf_lex_skip_lws(&t);
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_VIA);
  rc = check_known_params(base, out, err);
  if (rc != SF_SIP_OK) return rc;
  return sip_ok(err);
}
