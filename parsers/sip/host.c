/* host.c: host and port (RFC 3261 25.1, shared by URIs and Via sent-by).
 *
 *   host          = hostname / IPv4address / IPv6reference
 *   hostname      = *( domainlabel "." ) toplabel [ "." ]
 *   domainlabel   = alphanum / alphanum *( alphanum / "-" ) alphanum
 *   toplabel      = ALPHA / ALPHA *( alphanum / "-" ) alphanum
 *   IPv4address   = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT
 *   IPv6reference = "[" IPv6address "]"
 *   IPv6address   = hexpart [ ":" IPv4address ]
 *   hexpart       = hexseq / hexseq "::" [ hexseq ] / "::" [ hexseq ]
 *   hexseq        = hex4 *( ":" hex4 ),  hex4 = 1*4HEXDIG
 *   port          = 1*DIGIT
 *
 * Beyond the ABNF, IPv4 octets must be at most 255 and an IPv6 address must
 * have exactly eight 16-bit groups (fewer with "::"), as RFC 4291 says: an
 * address no stack can connect to is a parser disagreement waiting to
 * happen. */
#include "sip_internal.h"

#define HOST_CHARS (SF_C_ALPHA | SF_C_DIGIT)

/* ipv4_at checks that [i, end) of |s| is a dotted quad; returns 1/0. */
static int ipv4_at(sf_slice s, size_t i, size_t end) {
  for (int part = 0; part < 4; part++) {
    size_t start = i;
    unsigned v = 0;
    while (i < end && i - start < 3 && s.ptr[i] >= '0' && s.ptr[i] <= '9') {
      v = v * 10 + (unsigned)(s.ptr[i] - '0');
      i++;
    }
    if (i == start || v > 255) return 0;
    if (part < 3) {
      if (i >= end || s.ptr[i] != '.') return 0;
      i++;
    }
  }
  return i == end;
}

int sf_sipi_is_ipv4(sf_slice s) { return s.ptr != NULL && ipv4_at(s, 0, s.len); }

int sf_sipi_is_ipv6(sf_slice s) {
  size_t i = 0, n = s.len;
  int groups = 0, compressed = 0;
  if (s.ptr == NULL || n < 2) return 0;
  if (s.ptr[0] == ':') {
    if (s.ptr[1] != ':') return 0;
    compressed = 1;
    i = 2;
    if (i == n) return 1; /* "::" */
  }
  for (;;) {
    size_t start = i;
    while (i < n && i - start < 4 && sf_hex_value(s.ptr[i]) >= 0) i++;
    if (i < n && s.ptr[i] == '.') {
      /* The last 32 bits written as IPv4 count as two groups. */
      if (!ipv4_at(s, start, n)) return 0;
      groups += 2;
      break;
    }
    if (i == start) return 0;
    groups++;
    if (i == n) break;
    if (s.ptr[i] != ':') return 0;
    i++;
    if (i < n && s.ptr[i] == ':') {
      if (compressed) return 0;
      compressed = 1;
      i++;
      if (i == n) break;
    } else if (i == n) {
      return 0; /* a trailing single ':' */
    }
    if (groups > 8) return 0;
  }
  return compressed ? groups <= 7 : groups == 8;
}

/* hostname_bad returns the offset (in |s|) of the first fault of a
 * hostname, or s.len if it is one. */
static size_t hostname_bad(sf_slice s) {
  size_t label = 0, last_label = 0;
  for (size_t i = 0; i <= s.len; i++) {
    if (i < s.len && s.ptr[i] != '.') continue;
    /* A label is [label, i). */
    if (i == label) {
      /* Empty: only allowed as the final "." of a fully qualified name. */
      if (i == s.len && i > 0) break;
      return i;
    }
    if (s.ptr[label] == '-') return label;
    if (s.ptr[i - 1] == '-') return i - 1;
    last_label = label;
    label = i + 1;
  }
  if (!sf_char_is(s.ptr[last_label], SF_C_ALPHA)) return last_label; /* toplabel */
  return s.len;
}

int sf_sipi_get_host(sf_text *t, sf_slice *out, int *kind) {
  size_t start = t->pos;
  if (sf_text_expect(t, '[')) {
    size_t inner = t->pos;
    while (sf_text_is_next_in(t, SF_C_HEX) || sf_text_is_next(t, ':') || sf_text_is_next(t, '.')) {
      t->pos++;
    }
    sf_slice addr = sf_text_slice(t, inner);
    if (!sf_text_is_next(t, ']') || !sf_sipi_is_ipv6(addr)) {
      if (sf_text_is_next(t, ']')) t->pos = inner; /* the address itself is wrong */
      return 0;
    }
    t->pos++;
    *out = sf_text_slice(t, start);
    *kind = SF_SIP_HOST_IPV6;
    return 1;
  }
  while (sf_text_is_next_in(t, HOST_CHARS) || sf_text_is_next(t, '-') || sf_text_is_next(t, '.')) {
    t->pos++;
  }
  sf_slice s = sf_text_slice(t, start);
  if (s.len == 0) return 0;
  if (sf_sipi_is_ipv4(s)) {
    *out = s;
    *kind = SF_SIP_HOST_IPV4;
    return 1;
  }
  size_t bad = hostname_bad(s);
  if (bad != s.len) {
    t->pos = start + bad;
    return 0;
  }
  *out = s;
  *kind = SF_SIP_HOST_NAME;
  return 1;
}

int sf_sipi_get_port(sf_text *t, uint16_t *out) {
  uint64_t v = 0;
  size_t digits = 0;
  size_t start = t->pos;
  if (sf_decimal_get(t, 65535, &v, &digits) != SF_DECIMAL_OK || digits > 5) {
    t->pos = start;
    return 0;
  }
  *out = (uint16_t)v;
  return 1;
}
