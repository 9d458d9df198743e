/* uri_compare.c: SIP and SIPS URI equivalence (RFC 3261 19.1.4).
 *
 *   - a SIP and a SIPS URI are never equivalent;
 *   - the userinfo is compared case-sensitively, everything else
 *     case-insensitively;
 *   - a character other than a reserved one is equivalent to its %HH escape
 *     ("sip:%61lice@..." is "sip:alice@..."), a reserved one is not
 *     (RFC 3261 25.1 reserved: ; / ? : @ & = + $ ,);
 *   - a component with a default value (port, parameters) does not match
 *     its absence;
 *   - uri-parameters: one present in both must match; user, ttl, method,
 *     maddr and transport present in only one never match; others present in
 *     only one are ignored. (19.1.4's text names user, ttl, method and maddr;
 *     its examples also count transport, "sip:bob@biloxi.com" is not
 *     "sip:bob@biloxi.com;transport=udp", and so do the stacks that follow
 *     them);
 *   - URI headers are never ignored: each one of either URI must be in the
 *     other, in any order.
 * Nothing is decoded into a buffer: both sides are walked one canonical
 * unit at a time. */
#include <string.h>

#include "chars.h"
#include "sip_internal.h"

/* A canonical unit of escaped text: a byte, and whether it stands for a
 * reserved character written as %HH (which only matches itself escaped). */
typedef struct unit {
  uint8_t byte;
  int escaped_reserved;
} unit;

static int is_reserved(uint8_t c) {
  switch (c) {
    case ';': case '/': case '?': case ':': case '@': case '&': case '=': case '+': case '$':
    case ',':
      return 1;
    default:
      return 0;
  }
}

/* next_unit reads the unit at |*i| of |s| and advances past it. */
static unit next_unit(sf_slice s, size_t *i) {
  unit u = {s.ptr[*i], 0};
  if (u.byte == '%' && s.len - *i >= 3) {
    int hi = sf_hex_value(s.ptr[*i + 1]), lo = sf_hex_value(s.ptr[*i + 2]);
    if (hi >= 0 && lo >= 0) {
      u.byte = (uint8_t)(hi * 16 + lo);
      u.escaped_reserved = is_reserved(u.byte);
      *i += 3;
      return u;
    }
  }
  *i += 1;
  return u;
}

/* text_equal compares two escaped texts unit by unit. */
static int text_equal(sf_slice a, sf_slice b, int nocase) {
  size_t i = 0, j = 0;
  while (i < a.len && j < b.len) {
    unit x = next_unit(a, &i), y = next_unit(b, &j);
    if (x.escaped_reserved != y.escaped_reserved) return 0;
    uint8_t cx = nocase ? sf_lower(x.byte) : x.byte, cy = nocase ? sf_lower(y.byte) : y.byte;
    if (cx != cy) return 0;
  }
  return i == a.len && j == b.len;
}

/* optional_equal compares two optional components: both absent, or both
 * present and equal. */
static int optional_equal(sf_slice a, sf_slice b, int nocase) {
  if (sf_slice_is_present(a) != sf_slice_is_present(b)) return 0;
  return !sf_slice_is_present(a) || text_equal(a, b, nocase);
}

/* find_by_name returns the first of |n| parameters whose name is |name|
 * (escapes normalised, any case), or NULL. */
static const sf_sip_param *find_by_name(const sf_sip_param *ps, size_t n, sf_slice name) {
  for (size_t i = 0; i < n; i++) {
    if (text_equal(ps[i].name, name, 1)) return &ps[i];
  }
  return NULL;
}

/* must_be_in_both says whether a uri-parameter present in only one URI
 * makes them differ. */
static int must_be_in_both(sf_slice name) {
  static const char *const names[] = {"user", "ttl", "method", "maddr", "transport"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    if (text_equal(name, sf_slice_make((const uint8_t *)names[i], strlen(names[i])), 1)) return 1;
  }
  return 0;
}

/* params_cover checks the uri-parameters of |a| against those of |b|. */
static int params_cover(const sf_sip_uri *a, const sf_sip_uri *b) {
  for (size_t i = 0; i < a->param_count; i++) {
    const sf_sip_param *p = &a->params[i];
    const sf_sip_param *q = find_by_name(b->params, b->param_count, p->name);
    if (q == NULL) {
      if (must_be_in_both(p->name)) return 0;
      continue;
    }
    if (!optional_equal(p->value, q->value, 1)) return 0;
  }
  return 1;
}

/* headers_cover checks that every URI header of |a| has an equal one in |b|. */
static int headers_cover(const sf_sip_uri *a, const sf_sip_uri *b) {
  for (size_t i = 0; i < a->header_count; i++) {
    int found = 0;
    for (size_t j = 0; j < b->header_count && !found; j++) {
      found = text_equal(a->headers[i].name, b->headers[j].name, 1) &&
              optional_equal(a->headers[i].value, b->headers[j].value, 1);
    }
    if (!found) return 0;
  }
  return 1;
}

int sf_sip_uri_equal(const sf_sip_uri *a, const sf_sip_uri *b) {
  if (a->scheme != b->scheme) return 0;
  if (a->scheme == SF_SIP_SCHEME_OTHER) {
    /* Other schemes: RFC 3986 6.2.1, the scheme in any case, the rest
     * byte for byte (their own equivalence rules are not known here). */
    return text_equal(a->scheme_text, b->scheme_text, 1) && sf_slice_eq(a->opaque, b->opaque);
  }
  return optional_equal(a->user, b->user, 0) && optional_equal(a->password, b->password, 0) &&
         a->host_kind == b->host_kind && text_equal(a->host, b->host, 1) &&
         a->has_port == b->has_port && (!a->has_port || a->port == b->port) &&
         params_cover(a, b) && params_cover(b, a) && headers_cover(a, b) && headers_cover(b, a);
}
