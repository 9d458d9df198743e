/* uri.c: SIP and SIPS URIs (RFC 3261 19.1, 25.1), other schemes opaque.
 *
 *   SIP-URI  = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
 *   userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
 *   uri-parameters = *( ";" uri-parameter ), pname [ "=" pvalue ]
 *   headers  = "?" header *( "&" header ), header = hname "=" hvalue
 *   absoluteURI = scheme ":" 1*uric   (RFC 2396; hier-part or opaque-part)
 *
 * Escapes are checked (a '%' must start "%" HEXDIG HEXDIG) but not decoded:
 * a decoded user part could hide a NUL or an '@' from the caller, and
 * comparing URIs (RFC 3261 19.1.4) is the caller's business. */
#include "sip_internal.h"

size_t sf_sipi_skip_chars(sf_text *t, uint32_t mask, int *bad_escape) {
  size_t start = t->pos;
  *bad_escape = 0;
  for (;;) {
    if (sf_text_skip_class(t, mask)) continue;
    if (!sf_text_is_next(t, '%')) break;
    uint8_t a = 0, b = 0;
    if (sf_text_peek_at(t, 1, &a) && sf_text_peek_at(t, 2, &b) && sf_hex_value(a) >= 0 &&
        sf_hex_value(b) >= 0) {
      t->pos += 3;
      continue;
    }
    *bad_escape = 1;
    break;
  }
  return t->pos - start;
}

/* get_part reads 1*( |mask| / escaped ) (or *( ) when |may_be_empty|) into
 * |*out|; on failure reports BAD_ESCAPE or |code| at the cursor. */
static int get_part(sf_text *t, uint32_t mask, int may_be_empty, int code, sf_slice *out,
                    sf_error *err) {
  size_t start = t->pos;
  int bad = 0;
  sf_sipi_skip_chars(t, mask, &bad);
  if (bad) return sip_fail(err, t->pos, SF_SIP_BAD_ESCAPE);
  if (t->pos == start && !may_be_empty) return sip_fail(err, t->pos, code);
  *out = sf_text_slice(t, start);
  return SF_SIP_OK;
}

/* find_userinfo_end returns 1 and leaves the cursor on the '@' that ends a
 * userinfo, or returns 0 with the cursor back where it was. The scan stops
 * at the first byte that cannot be in a userinfo, so it reads each byte of
 * the URI at most once more than the parse itself (no search to the end of
 * the message for a stray '@'). */
static int find_userinfo_end(sf_text *t) {
  size_t start = t->pos;
  uint8_t c = 0;
  while (sf_text_peek(t, &c) &&
         (sf_char_is(c, SF_C_USER | SF_C_PASSWORD) || c == ':' || c == '%')) {
    t->pos++;
  }
  if (sf_text_is_next(t, '@')) return 1;
  t->pos = start;
  return 0;
}

static int get_userinfo(sf_text *t, sf_sip_uri *out, sf_error *err) {
  int rc = get_part(t, SF_C_USER, 0, SF_SIP_BAD_URI_USER, &out->user, err);
  if (rc != SF_SIP_OK) return rc;
  if (sf_text_expect(t, ':')) {
    rc = get_part(t, SF_C_PASSWORD, 1, SF_SIP_BAD_URI_PASSWORD, &out->password, err);
    if (rc != SF_SIP_OK) return rc;
    if (!sf_text_is_next(t, '@')) return sip_fail(err, t->pos, SF_SIP_BAD_URI_PASSWORD);
  } else if (!sf_text_is_next(t, '@')) {
    return sip_fail(err, t->pos, SF_SIP_BAD_URI_USER);
  }
  t->pos++; /* '@' */
  return SF_SIP_OK;
}

static int get_uri_params(sf_text *t, sf_sip_uri *out, sf_error *err) {
  while (sf_text_expect(t, ';')) {
    sf_sip_param p = {{NULL, 0}, {NULL, 0}};
    size_t start = t->pos;
    int rc = get_part(t, SF_C_PARAMCHAR, 0, SF_SIP_BAD_URI_PARAM, &p.name, err);
    if (rc != SF_SIP_OK) return rc;
    if (sf_text_expect(t, '=')) {
      rc = get_part(t, SF_C_PARAMCHAR, 0, SF_SIP_BAD_URI_PARAM, &p.value, err);
      if (rc != SF_SIP_OK) return rc;
    }
    if (out->param_count == SF_SIP_MAX_PARAMS) {
      return sip_fail(err, start, SF_SIP_TOO_MANY_PARAMS);
    }
    out->params[out->param_count++] = p;
  }
  return SF_SIP_OK;
}

static int get_uri_headers(sf_text *t, sf_sip_uri *out, sf_error *err) {
  do {
    sf_sip_param h = {{NULL, 0}, {NULL, 0}};
    size_t start = t->pos;
    int rc = get_part(t, SF_C_HNV, 0, SF_SIP_BAD_URI_HEADER, &h.name, err);
    if (rc != SF_SIP_OK) return rc;
    if (!sf_text_expect(t, '=')) return sip_fail(err, t->pos, SF_SIP_BAD_URI_HEADER);
    rc = get_part(t, SF_C_HNV, 1, SF_SIP_BAD_URI_HEADER, &h.value, err);
    if (rc != SF_SIP_OK) return rc;
    if (out->header_count == SF_SIP_MAX_URI_HEADERS) {
      return sip_fail(err, start, SF_SIP_TOO_MANY_URI_HEADERS);
    }
    out->headers[out->header_count++] = h;
  } while (sf_text_expect(t, '&'));
  return SF_SIP_OK;
}

void sf_sipi_uri_reset(sf_sip_uri *out) {
  sf_slice none = {NULL, 0};
  out->scheme = SF_SIP_SCHEME_OTHER;
  out->scheme_text = out->user = out->password = out->host = out->opaque = none;
  out->host_kind = SF_SIP_HOST_NONE;
  out->has_port = 0;
  out->port = 0;
  out->param_count = 0;
  out->header_count = 0;
}

int sf_sip_parse_uri(const uint8_t *base, sf_slice text, unsigned flags, sf_sip_uri *out,
                     sf_error *err) {
  sf_text t = sip_text_of(base, text);
  sf_sipi_uri_reset(out);
  /* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
  size_t start = t.pos;
  if (!sf_text_is_next_in(&t, SF_C_ALPHA)) return sip_fail(err, t.pos, SF_SIP_BAD_URI_SCHEME);
  sf_text_skip_class(&t, SF_C_SCHEME);
  out->scheme_text = sf_text_slice(&t, start);
  if (!sf_text_expect(&t, ':')) return sip_fail(err, t.pos, SF_SIP_BAD_URI_SCHEME);

  if (sf_slice_eq_nocase_lit(out->scheme_text, "sip")) {
    out->scheme = SF_SIP_SCHEME_SIP;
  } else if (sf_slice_eq_nocase_lit(out->scheme_text, "sips")) {
    out->scheme = SF_SIP_SCHEME_SIPS;
  } else {
    /* Another scheme (tel, im, http, urn...): only checked to be uric. */
    int rc = get_part(&t, SF_C_URIC, 0, SF_SIP_BAD_URI, &out->opaque, err);
    if (rc != SF_SIP_OK) return rc;
    if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_URI);
    return sip_ok(err);
  }

  if (find_userinfo_end(&t)) {
    t.pos = start + out->scheme_text.len + 1;
    int rc = get_userinfo(&t, out, err);
    if (rc != SF_SIP_OK) return rc;
  }
  if (!sf_sipi_get_host(&t, &out->host, &out->host_kind)) {
    return sip_fail(err, t.pos, SF_SIP_BAD_URI_HOST);
  }
  if (sf_text_expect(&t, ':')) {
    if (!sf_sipi_get_port(&t, &out->port)) return sip_fail(err, t.pos, SF_SIP_BAD_URI_PORT);
    out->has_port = 1;
  }
  int rc = get_uri_params(&t, out, err);
  if (rc != SF_SIP_OK) return rc;
  if (sf_text_is_next(&t, '?')) {
    /* RFC 3261 19.1.1 table 1: headers are not allowed in a Request-URI. */
    if (flags & SF_SIP_URI_REQUEST) return sip_fail(err, t.pos, SF_SIP_URI_HEADERS_IN_REQUEST_URI);
    t.pos++;
    rc = get_uri_headers(&t, out, err);
    if (rc != SF_SIP_OK) return rc;
  }
  if (!sf_text_at_end(&t)) return sip_fail(err, t.pos, SF_SIP_BAD_URI);
  return sip_ok(err);
}

static void put_params(sip_writer *w, const sf_sip_param *p, size_t n, char first, char sep) {
  for (size_t i = 0; i < n; i++) {
    uint8_t c = (uint8_t)(i == 0 ? first : sep);
    sip_put(w, &c, 1);
    sip_put_slice(w, p[i].name);
    if (p[i].value.ptr != NULL) {
      sip_put(w, "=", 1);
      sip_put_slice(w, p[i].value);
    }
  }
}

int sf_sip_print_uri(const sf_sip_uri *u, uint8_t *out, size_t cap, size_t *out_len) {
  sip_writer w = {out, cap, 0, 0};
  for (size_t i = 0; i < u->scheme_text.len; i++) {
    uint8_t c = sf_lower(u->scheme_text.ptr[i]);
    sip_put(&w, &c, 1);
  }
  sip_put(&w, ":", 1);
  if (u->scheme == SF_SIP_SCHEME_OTHER) {
    sip_put_slice(&w, u->opaque);
  } else {
    if (u->user.ptr != NULL) {
      sip_put_slice(&w, u->user);
      if (u->password.ptr != NULL) {
        sip_put(&w, ":", 1);
        sip_put_slice(&w, u->password);
      }
      sip_put(&w, "@", 1);
    }
    sip_put_slice(&w, u->host);
    if (u->has_port) {
      sip_put(&w, ":", 1);
      sip_put_u32(&w, u->port);
    }
    put_params(&w, u->params, u->param_count, ';', ';');
    put_params(&w, u->headers, u->header_count, '?', '&');
  }
  if (w.full) return SF_SIP_BUFFER_TOO_SMALL;
  *out_len = w.len;
  return SF_SIP_OK;
}
