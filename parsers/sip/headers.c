/* headers.c: the structured check sf_sip_parse runs on every header field
 * it knows. List fields are split first (split.c) and each element parsed
 * in turn, so the first fault in byte order is the one reported, with the
 * code of the element's own parser. Fields without a grammar here keep
 * their raw value, which must still be text (RFC 3261 25.1 header-value:
 * TEXT-UTF8char / UTF8-CONT / LWS, so no control bytes). Every value, of a
 * known header or not, then gets the UTF-8 rule (sf_sipi_utf8_verdict):
 * the grammars of the known headers allow non-ASCII bytes only in
 * quoted-strings and comments, where they must be UTF-8 too, and their own
 * parsers refuse them everywhere else. */
#include "sip_internal.h"
#include "utf8.h"

int sf_sipi_utf8_verdict(const uint8_t *base, sf_slice v, int rc, const sf_error *e,
                         unsigned flags, unsigned *warnings, sf_error *err) {
  size_t bad = 0;
  if (v.len > 0 && !sf_utf8_check(v.ptr, v.len, &bad)) {
    size_t at = (size_t)(v.ptr - base) + bad;
    if (rc == SF_SIP_OK || e->offset > at) {
      if (!(flags & SF_SIP_ALLOW_NON_UTF8)) return sip_fail(err, at, SF_SIP_BAD_UTF8);
      if (rc == SF_SIP_OK) *warnings |= SF_SIP_W(NON_UTF8);
    }
  }
  if (rc != SF_SIP_OK) return sip_fail(err, e->offset, rc);
  return sip_ok(err);
}

/* check_text rejects control bytes (CR and LF appear only in folds, which
 * the framing has already checked). */
static int check_text(const uint8_t *base, sf_slice v, sf_error *err) {
  for (size_t i = 0; i < v.len; i++) {
    uint8_t c = v.ptr[i];
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
      return sip_fail(err, (size_t)(v.ptr - base) + i, SF_SIP_BAD_HEADER_VALUE);
    }
  }
  return SF_SIP_OK;
}

/* check_token_elem: Allow, Supported, Require... elements are tokens. */
static int check_token_elem(const uint8_t *base, sf_slice e, sf_error *err) {
  for (size_t i = 0; i < e.len; i++) {
    if (!sf_char_is(e.ptr[i], SF_C_TOKEN)) {
      return sip_fail(err, (size_t)(e.ptr - base) + i, SF_SIP_BAD_TOKEN);
    }
  }
  return SF_SIP_OK;
}

/* check_addr_elem parses one address; |star_ok| when a lone Contact "*"
 * is acceptable; |angle| when the grammar wants name-addr only. */
static int check_addr_elem(const uint8_t *base, sf_slice e, int star_ok, int angle,
                           unsigned *warnings, sf_error *err) {
  sf_sip_addr a;
  int rc = sf_sip_parse_addr(base, e, &a, err);
  if (rc != SF_SIP_OK) return rc;
  if (a.is_star && !star_ok) return sip_fail(err, (size_t)(e.ptr - base), SF_SIP_BAD_STAR);
  if (angle && !a.is_star && !a.has_angle) {
    return sip_fail(err, (size_t)(e.ptr - base), SF_SIP_MISSING_ANGLE);
  }
  *warnings |= a.warnings;
  return SF_SIP_OK;
}

static int map_content(int rc, const sf_error *cerr, int code, sf_error *err) {
  if (rc == SF_CONTENT_OK) return SF_SIP_OK;
  return sip_fail(err, cerr->offset, code);
}

/* check_single parses the value of a single-value field. */
static int check_single(const uint8_t *base, const sf_sip_header *h, unsigned flags,
                        unsigned *warnings, sf_error *err) {
  sf_slice v = h->value;
  unsigned cflags = (flags & SF_SIP_ALLOW_UNQUOTED_SLASH) ? SF_CONTENT_ALLOW_UNQUOTED_SLASH : 0;
  sf_error cerr = {0, 0, NULL};
  int rc;
  switch (h->id) {
    case SF_SIP_H_FROM:
    case SF_SIP_H_TO:
    case SF_SIP_H_REPLY_TO:
    case SF_SIP_H_REFER_TO:
    case SF_SIP_H_REFERRED_BY:
      return check_addr_elem(base, v, 0, 0, warnings, err);
    case SF_SIP_H_CALL_ID:
      return sf_sip_parse_call_id(base, v, err);
    case SF_SIP_H_CSEQ: {
      sf_sip_cseq c;
      return sf_sip_parse_cseq(base, v, &c, err);
    }
    case SF_SIP_H_MAX_FORWARDS: {
      uint8_t mf = 0;
      return sf_sip_parse_max_forwards(base, v, &mf, err);
    }
    case SF_SIP_H_CONTENT_TYPE: {
      sf_content_type ct;
      rc = sf_content_parse_type(base, v, cflags, &ct, &cerr);
      if (rc == SF_CONTENT_OK && (ct.warnings & SF_CONTENT_W_UNQUOTED_SLASH)) {
        *warnings |= SF_SIP_W(UNQUOTED_SLASH);
      }
      return map_content(rc, &cerr, SF_SIP_BAD_CONTENT_TYPE, err);
    }
    case SF_SIP_H_CONTENT_DISPOSITION: {
      sf_content_disposition cd;
      rc = sf_content_parse_disposition(base, v, cflags, &cd, &cerr);
      if (rc == SF_CONTENT_OK && (cd.warnings & SF_CONTENT_W_UNQUOTED_SLASH)) {
        *warnings |= SF_SIP_W(UNQUOTED_SLASH);
      }
      return map_content(rc, &cerr, SF_SIP_BAD_CONTENT_DISPOSITION, err);
    }
    case SF_SIP_H_CONTENT_TRANSFER_ENCODING: {
      sf_slice enc;
      rc = sf_content_parse_encoding(base, v, &enc, &cerr);
      return map_content(rc, &cerr, SF_SIP_BAD_CONTENT_TRANSFER_ENCODING, err);
    }
    case SF_SIP_H_DATE: {
      sf_sip_date d;
      return sf_sip_parse_date(base, v, &d, err);
    }
    case SF_SIP_H_IDENTITY: {
      sf_slice b64;
      return sf_sip_parse_identity(base, v, flags, &b64, warnings, err);
    }
    case SF_SIP_H_USER_AGENT:
    case SF_SIP_H_SERVER:
      return sf_sip_parse_user_agent(base, v, err);
    default:
      return check_text(base, v, err);
  }
}

/* list_may_be_empty: the list grammars written [ elem *(COMMA elem) ]. */
static int list_may_be_empty(int id) {
  return id == SF_SIP_H_ACCEPT || id == SF_SIP_H_ALLOW || id == SF_SIP_H_SUPPORTED ||
         id == SF_SIP_H_CONTENT_ENCODING;
}

/* check_elem parses one element of a list field. */
static int check_elem(const uint8_t *base, int id, sf_slice e, size_t count, unsigned *warnings,
                      sf_error *err) {
  switch (id) {
    case SF_SIP_H_VIA: {
      sf_sip_via v;
      return sf_sip_parse_via(base, e, &v, err);
    }
    case SF_SIP_H_CONTACT:
      /* STAR only as the whole value: count is the elements before this. */
      return check_addr_elem(base, e, count == 0, 0, warnings, err);
    case SF_SIP_H_ROUTE:
    case SF_SIP_H_RECORD_ROUTE:
      return check_addr_elem(base, e, 0, 1, warnings, err);
    case SF_SIP_H_ALLOW:
    case SF_SIP_H_SUPPORTED:
    case SF_SIP_H_REQUIRE:
    case SF_SIP_H_PROXY_REQUIRE:
    case SF_SIP_H_UNSUPPORTED:
    case SF_SIP_H_CONTENT_ENCODING:
    case SF_SIP_H_ALLOW_EVENTS:
      return check_token_elem(base, e, err);
    default:
      return check_text(base, e, err);
  }
}

/* check_structure parses the value of |h| by its grammar. */
static int check_structure(const uint8_t *base, const sf_sip_header *h, unsigned flags,
                           unsigned *warnings, sf_error *err) {
  if (!sf_sip_header_is_list(h->id)) return check_single(base, h, flags, warnings, err);
  sf_text t = sip_text_of(base, h->value);
  size_t count = 0;
  size_t star_at = 0;
  int star = 0;
  for (;;) {
    sf_slice e;
    int done = 0;
    int rc = sf_sipi_split_next(&t, &e, &done, err);
    if (rc != SF_SIP_OK) return rc;
    if (done) break;
    if (count == SF_SIP_MAX_VALUES) {
      return sip_fail(err, (size_t)(e.ptr - base), SF_SIP_TOO_MANY_VALUES);
    }
    if (star) return sip_fail(err, star_at, SF_SIP_BAD_STAR); /* "*, <sip:...>" */
    rc = check_elem(base, h->id, e, count, warnings, err);
    if (rc != SF_SIP_OK) return rc;
    if (h->id == SF_SIP_H_CONTACT && e.len == 1 && e.ptr[0] == '*') {
      star = 1;
      star_at = (size_t)(e.ptr - base);
    }
    count++;
  }
  if (count == 0 && !list_may_be_empty(h->id)) {
    return sip_fail(err, (size_t)(h->value.ptr - base), SF_SIP_EMPTY_VALUE);
  }
  return sip_ok(err);
}

int sf_sipi_check_header(const uint8_t *base, const sf_sip_header *h, unsigned flags,
                         unsigned *warnings, sf_error *err) {
  sf_error e = {SF_SIP_OK, 0, NULL};
  int rc = check_structure(base, h, flags, warnings, &e);
  return sf_sipi_utf8_verdict(base, h->value, rc, &e, flags, warnings, err);
}
