/* test_sip_values.c: the structured parsers of single header values and
 * URIs: sf_sip_parse_uri / print_uri, sf_sip_parse_via, sf_sip_parse_addr,
 * CSeq, Max-Forwards, Content-Length, Call-ID, Date, Identity, User-Agent,
 * the shared Content-Type parser as SIP uses it, and the bounded decimal
 * reader. Each input goes through sf_guard; offsets are absolute, so each
 * case states where the fault is with a marker string. */
#include <stdlib.h>

#include "decimal.h"
#include "sip_test_util.h"

static sf_sip_uri uri;
static sf_sip_via via;
static sf_sip_addr addr;

static int uri_fn(const uint8_t *d, size_t len, unsigned flags, sf_error *e) {
  return sf_sip_parse_uri(d, sf_slice_make(d, len), flags, &uri, e);
}
static int via_fn(const uint8_t *d, size_t len, unsigned flags, sf_error *e) {
  (void)flags;
  return sf_sip_parse_via(d, sf_slice_make(d, len), &via, e);
}
static int addr_fn(const uint8_t *d, size_t len, unsigned flags, sf_error *e) {
  (void)flags;
  return sf_sip_parse_addr(d, sf_slice_make(d, len), &addr, e);
}

static void test_uri_cases(void) {
  static const sf_sip_case cases[] = {
      {"sip:example.com", 0, SF_SIP_OK, NULL, 0},
      {"SIP:alice@example.com", 0, SF_SIP_OK, NULL, 0},
      {"sips:alice:secret@example.com:5061", 0, SF_SIP_OK, NULL, 0},
      {"sip:alice:@example.com", 0, SF_SIP_OK, NULL, 0},
      {"sip:+1-212-555-1212;phone-context=x@gw.example.com;user=phone", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@192.0.2.1", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@[2001:db8::1]:5060", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@[::ffff:192.0.2.1]", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@[1:2:3:4:5:6:7:8]", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@[::]", 0, SF_SIP_OK, NULL, 0},
      {"sip:host.example.com.", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@h;lr;transport=tcp;maddr=239.255.255.1;ttl=15", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@h?Subject=hi&Call-Info=%3Chttp://x%3E", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@h?Subject=", 0, SF_SIP_OK, NULL, 0},
      {"sip:%61lice@h", 0, SF_SIP_OK, NULL, 0},
      {"tel:+1-201-555-0123", 0, SF_SIP_OK, NULL, 0},
      {"urn:service:sos", 0, SF_SIP_OK, NULL, 0},
      {"im:alice@example.com", 0, SF_SIP_OK, NULL, 0},
      /* faults */
      {"", 0, SF_SIP_BAD_URI_SCHEME, "", 0},
      {"example.com", 0, SF_SIP_BAD_URI_SCHEME, "", 11},
      {"1sip:a@h", 0, SF_SIP_BAD_URI_SCHEME, "1", 0},
      {"s_p:a@h", 0, SF_SIP_BAD_URI_SCHEME, "_", 0},
      {"sip:@h", 0, SF_SIP_BAD_URI_USER, "@", 0},
      {"sip::pw@h", 0, SF_SIP_BAD_URI_USER, ":pw", 0},
      {"sip:a%4@h", 0, SF_SIP_BAD_ESCAPE, "%", 0},
      {"sip:a%zz@h", 0, SF_SIP_BAD_ESCAPE, "%", 0},
      {"sip:a:p%@h", 0, SF_SIP_BAD_ESCAPE, "%", 0},
      {"sip:a:b:c@h", 0, SF_SIP_BAD_URI_PASSWORD, ":c", 0},
      {"sip:a@", 0, SF_SIP_BAD_URI_HOST, "@", 1},
      {"sip:a@-h.example.com", 0, SF_SIP_BAD_URI_HOST, "-h", 0},
      {"sip:a@h-.example.com", 0, SF_SIP_BAD_URI_HOST, "-.", 0},
      {"sip:a@h..example.com", 0, SF_SIP_BAD_URI_HOST, ".e", 0},
      {"sip:a@example.123", 0, SF_SIP_BAD_URI_HOST, "123", 0},
      {"sip:a@192.0.2.256", 0, SF_SIP_BAD_URI_HOST, "256", 0},
      {"sip:a@[2001:db8::1", 0, SF_SIP_BAD_URI_HOST, "", 18},
      {"sip:a@[2001:db8::1::2]", 0, SF_SIP_BAD_URI_HOST, "2001", 0},
      {"sip:a@[1:2:3:4:5:6:7:8:9]", 0, SF_SIP_BAD_URI_HOST, "1:", 0},
      {"sip:a@[12345::]", 0, SF_SIP_BAD_URI_HOST, "12345", 0},
      {"sip:a@h:", 0, SF_SIP_BAD_URI_PORT, "", 8},
      {"sip:a@h:65536", 0, SF_SIP_BAD_URI_PORT, "65536", 0},
      {"sip:a@h:000005060", 0, SF_SIP_BAD_URI_PORT, "0000", 0},
      {"sip:a@h;", 0, SF_SIP_BAD_URI_PARAM, "", 8},
      {"sip:a@h;lr=", 0, SF_SIP_BAD_URI_PARAM, "", 11},
      {"sip:a@h;x=%g0", 0, SF_SIP_BAD_ESCAPE, "%", 0},
      {"sip:a@h?x", 0, SF_SIP_BAD_URI_HEADER, "", 9},
      {"sip:a@h?=1", 0, SF_SIP_BAD_URI_HEADER, "=", 0},
      {"sip:a@h?x=1&", 0, SF_SIP_BAD_URI_HEADER, "", 12},
      {"sip:a@h?x=1", SF_SIP_URI_REQUEST, SF_SIP_URI_HEADERS_IN_REQUEST_URI, "?", 0},
      {"sip:a@h>", 0, SF_SIP_BAD_URI, ">", 0},
      {"sip:a@h_x", 0, SF_SIP_BAD_URI, "_", 0},
      {"tel:", 0, SF_SIP_BAD_URI, "", 4},
      {"tel:1 2", 0, SF_SIP_BAD_URI, " ", 0},
      {"tel:%", 0, SF_SIP_BAD_ESCAPE, "%", 0},
  };
  RUN_CASES(cases, uri_fn);
}

static void test_uri_parts(void) {
  /* RFC 4475 intmeth: the userinfo holds ':' and many marks; the '@' search
   * stops at the first byte a userinfo cannot hold. */
  const char *s = "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$"
                  "wo~d_too.(doesn't-it)@example.com";
  const uint8_t *d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, strlen(s)), 0, &uri, NULL), SF_SIP_OK);
  CHECK_SLICE(uri.user, "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
  CHECK_SLICE(uri.password, "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
  CHECK_SLICE(uri.host, "example.com");
  CHECK_INT(uri.host_kind, SF_SIP_HOST_NAME);

  /* RFC 4475 semiuri: ';' before the '@' belongs to the user part. */
  s = "sip:user;par=u%40example.net@example.com;lr";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, strlen(s)), 0, &uri, NULL), SF_SIP_OK);
  CHECK_SLICE(uri.user, "user;par=u%40example.net");
  CHECK_INT(uri.param_count, 1);
  CHECK_SLICE(uri.params[0].name, "lr");
  CHECK(uri.params[0].value.ptr == NULL);

  /* Escapes are checked, not decoded (RFC 4475 escnull keeps %00). */
  s = "sip:null-%00-null@example.com";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, strlen(s)), 0, &uri, NULL), SF_SIP_OK);
  CHECK_SLICE(uri.user, "null-%00-null");

  s = "sips:[2001:db8::10]:5061;transport=tls?Subject=x&Priority=urgent";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, strlen(s)), 0, &uri, NULL), SF_SIP_OK);
  CHECK_INT(uri.scheme, SF_SIP_SCHEME_SIPS);
  CHECK(uri.user.ptr == NULL);
  CHECK_SLICE(uri.host, "[2001:db8::10]");
  CHECK_INT(uri.host_kind, SF_SIP_HOST_IPV6);
  CHECK(uri.has_port);
  CHECK_INT(uri.port, 5061);
  CHECK_SLICE(sf_sip_find_param(uri.params, uri.param_count, "TRANSPORT")->value, "tls");
  CHECK_INT(uri.header_count, 2);
  CHECK_SLICE(uri.headers[1].name, "Priority");
  CHECK_SLICE(uri.headers[1].value, "urgent");

  s = "soap.beep://192.0.2.103:3002";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, strlen(s)), 0, &uri, NULL), SF_SIP_OK);
  CHECK_INT(uri.scheme, SF_SIP_SCHEME_OTHER);
  CHECK_SLICE(uri.scheme_text, "soap.beep");
  CHECK_SLICE(uri.opaque, "//192.0.2.103:3002");

  /* Limits: SF_SIP_MAX_PARAMS parameters, SF_SIP_MAX_URI_HEADERS headers. */
  char buf[512];
  size_t n = (size_t)snprintf(buf, sizeof buf, "sip:h");
  for (int i = 0; i < SF_SIP_MAX_PARAMS; i++) n += (size_t)snprintf(buf + n, sizeof buf - n, ";p");
  d = sf_guard(buf, n);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, n), 0, &uri, NULL), SF_SIP_OK);
  CHECK_INT(uri.param_count, SF_SIP_MAX_PARAMS);
  n += (size_t)snprintf(buf + n, sizeof buf - n, ";q");
  sf_error e;
  d = sf_guard(buf, n);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, n), 0, &uri, &e), SF_SIP_TOO_MANY_PARAMS);
  CHECK_INT(e.offset, n - 1);
  n = (size_t)snprintf(buf, sizeof buf, "sip:h?");
  for (int i = 0; i <= SF_SIP_MAX_URI_HEADERS; i++) {
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%sh=v", i ? "&" : "");
  }
  d = sf_guard(buf, n);
  CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, n), 0, &uri, &e), SF_SIP_TOO_MANY_URI_HEADERS);
  CHECK_INT(e.offset, n - 3);
}

static void test_uri_print(void) {
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"SIP:Alice@Example.COM:05060;Transport=TCP?Subject=Hi", "sip:Alice@Example.COM:5060;Transport=TCP?Subject=Hi"},
      {"sips:a:@[::1];lr", "sips:a:@[::1];lr"},
      {"TEL:+1-201-555-0123", "tel:+1-201-555-0123"},
      {"sip:h?a=&b=c", "sip:h?a=&b=c"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len = strlen(cases[i].in);
    const uint8_t *d = sf_guard(cases[i].in, len);
    CHECK_STATUS(sf_sip_parse_uri(d, sf_slice_make(d, len), 0, &uri, NULL), SF_SIP_OK);
    uint8_t out[128];
    size_t n = 0;
    CHECK_STATUS(sf_sip_print_uri(&uri, out, sizeof out, &n), SF_SIP_OK);
    CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)cases[i].out, strlen(cases[i].out));
    CHECK_STATUS(sf_sip_print_uri(&uri, out, n - 1, &n), SF_SIP_BUFFER_TOO_SMALL);
  }
}

static void test_via(void) {
  static const sf_sip_case cases[] = {
      {"SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds", 0, SF_SIP_OK, NULL, 0},
      {"SIP / 2.0 / UDP h", 0, SF_SIP_OK, NULL, 0},
      {"SIP  /   2.0\r\n /UDP\r\n    192.0.2.2;branch=390skdjuw", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0/TCP h : 5060 ; branch = z9hG4bK1", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0/UDP [2001:db8::9]:5060;received=2001:db8::9;rport=5060", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0/UDP h;received=[2001:db8::9]", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0/UDP h;received=[h]", 0, SF_SIP_BAD_PARAM_VALUE, "h]", 0},
      {"SIP/2.0/UDP h;received=[::1", 0, SF_SIP_BAD_PARAM_VALUE, "", 27},
      {"SIP/2.0/UDP h;ttl=255;maddr=239.255.255.1;x=\"quoted\";y=[::1];z", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0 h", 0, SF_SIP_BAD_VIA, "h", 0},
      {"SIP/2.0/ h", 0, SF_SIP_BAD_VIA, "", 10},
      {"/2.0/UDP h", 0, SF_SIP_BAD_VIA, "/", 0},
      {"SIP/2.0/UDP", 0, SF_SIP_BAD_VIA, "", 11},
      {"SIP/2.0/UDP;branch=1", 0, SF_SIP_BAD_VIA, ";", 0},
      {"SIP/2.0/UDP -h", 0, SF_SIP_BAD_VIA, "-h", 0},
      {"SIP/2.0/UDP h:99999", 0, SF_SIP_BAD_VIA, "99999", 0},
      {"SIP/2.0/UDP h x", 0, SF_SIP_BAD_VIA, "x", 0},
      {"SIP/2.0/UDP 192.0.2.15;;", 0, SF_SIP_BAD_PARAM, ";;", 1},
      {"SIP/2.0/UDP h;branch=", 0, SF_SIP_BAD_PARAM_VALUE, "", 21},
      {"SIP/2.0/UDP h;x=\"a", 0, SF_SIP_UNTERMINATED_QUOTE, "", 18},
      {"SIP/2.0/UDP h;ttl=256", 0, SF_SIP_BAD_VIA_PARAM, "256", 0},
      {"SIP/2.0/UDP h;ttl", 0, SF_SIP_BAD_VIA_PARAM, "ttl", 0},
      {"SIP/2.0/UDP h;maddr=-x", 0, SF_SIP_BAD_VIA_PARAM, "-x", 0},
      {"SIP/2.0/UDP h;received=host.example.com", 0, SF_SIP_BAD_VIA_PARAM, "host", 0},
      {"SIP/2.0/UDP h;branch=\"z9\"", 0, SF_SIP_BAD_VIA_PARAM, "\"z9", 0},
      {"SIP/2.0/UDP h;rport=x1", 0, SF_SIP_BAD_VIA_PARAM, "x1", 0},
  };
  RUN_CASES(cases, via_fn);

  const char *s = "SIP  /   2.0\r\n /UDP\r\n    192.0.2.2:5070 ;branch=390skdjuw;rport";
  const uint8_t *d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_via(d, sf_slice_make(d, strlen(s)), &via, NULL), SF_SIP_OK);
  CHECK_SLICE(via.protocol_name, "SIP");
  CHECK_SLICE(via.protocol_version, "2.0");
  CHECK_SLICE(via.transport, "UDP");
  CHECK_SLICE(via.host, "192.0.2.2");
  CHECK_INT(via.host_kind, SF_SIP_HOST_IPV4);
  CHECK(via.has_port);
  CHECK_INT(via.port, 5070);
  CHECK_INT(via.param_count, 2);
  CHECK_SLICE(via.params[0].value, "390skdjuw");
  CHECK_SLICE(via.params[1].name, "rport");
  CHECK(via.params[1].value.ptr == NULL);
}

static void test_addr(void) {
  static const sf_sip_case cases[] = {
      {"<sip:a@example.com>", 0, SF_SIP_OK, NULL, 0},
      {"sip:a@example.com;tag=1", 0, SF_SIP_OK, NULL, 0},
      {"\"A \\\"B\\\"\" <sip:a@example.com>;tag=1;x", 0, SF_SIP_OK, NULL, 0},
      {"token1~` token2'+_ token3*%!.- <sip:mundane@example.com>", 0, SF_SIP_OK, NULL, 0},
      {"*", 0, SF_SIP_OK, NULL, 0},
      {"<urn:service:sos>", 0, SF_SIP_OK, NULL, 0},
      {"isbn:2983792873", 0, SF_SIP_OK, NULL, 0},
      {"<sip:a@h> ; q = 0.7 ; expires=3600", 0, SF_SIP_OK, NULL, 0},
      {"\"Mr. J. User <sip:j.user@example.com>", 0, SF_SIP_UNTERMINATED_QUOTE, ">", 1},
      {"\"a\" sip:a@h", 0, SF_SIP_MISSING_ANGLE, "sip", 0},
      {"\"a\x01\" <sip:a@h>", 0, SF_SIP_BAD_QUOTED_STRING, "\x01", 0},
      {"<sip:a@h", 0, SF_SIP_UNTERMINATED_ANGLE, "", 8},
      {"< sip:a@h>", 0, SF_SIP_BAD_ADDR_SPEC, " ", 0},
      {"<sip:a@h >", 0, SF_SIP_BAD_ADDR_SPEC, " >", 0},
      {"<sip:a@h> x", 0, SF_SIP_BAD_ADDR_SPEC, "x", 0},
      {"sip:a@h?Route=x", 0, SF_SIP_BAD_ADDR_SPEC, "?", 0},
      {"sip:a,b@h", 0, SF_SIP_BAD_ADDR_SPEC, ",", 0},
      {"sip:a@h x", 0, SF_SIP_BAD_ADDR_SPEC, "x", 0},
      {"Bell, Alexander <sip:a@h>", 0, SF_SIP_BAD_DISPLAY_NAME, ",", 0},
      {"a@b <sip:a@h>", 0, SF_SIP_BAD_DISPLAY_NAME, "@b", 0},
      {"alan@jasomi.com", 0, SF_SIP_BAD_URI_SCHEME, "@", 0},
      {"", 0, SF_SIP_BAD_URI_SCHEME, "", 0},
      {"<sip:a@h>;", 0, SF_SIP_BAD_PARAM, "", 10},
      {"<sip:a@h>;;;", 0, SF_SIP_BAD_PARAM, ";;", 1},
      {"<sip:a@h>;tag=", 0, SF_SIP_BAD_PARAM_VALUE, "", 14},
      {"<sip:@h>", 0, SF_SIP_BAD_URI_USER, "@", 0},
  };
  RUN_CASES(cases, addr_fn);

  const char *s = "\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\r\n  ;\r\n  tag = 98asjd8";
  const uint8_t *d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_addr(d, sf_slice_make(d, strlen(s)), &addr, NULL), SF_SIP_OK);
  CHECK(addr.has_angle && addr.display_quoted && !addr.is_star);
  CHECK_SLICE(addr.display_name, "\"J Rosenberg \\\\\\\"\"");
  CHECK_SLICE(addr.uri_text, "sip:jdrosen@example.com");
  CHECK_SLICE(addr.uri.user, "jdrosen");
  CHECK_SLICE(sf_sip_find_param(addr.params, addr.param_count, "tag")->value, "98asjd8");
  CHECK_INT(addr.warnings, 0);

  /* addr-spec: the URI ends at ';', what follows are header parameters. */
  s = "sip:+19725552222@gw1.example.net;unknownparam";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_addr(d, sf_slice_make(d, strlen(s)), &addr, NULL), SF_SIP_OK);
  CHECK(!addr.has_angle);
  CHECK(addr.display_name.ptr == NULL);
  CHECK_INT(addr.uri.param_count, 0);
  CHECK_INT(addr.param_count, 1);
  /* name-addr: inside < > the parameter belongs to the URI. */
  s = "<sip:+19725552222@gw1.example.net;unknownparam>";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_addr(d, sf_slice_make(d, strlen(s)), &addr, NULL), SF_SIP_OK);
  CHECK_INT(addr.uri.param_count, 1);
  CHECK_INT(addr.param_count, 0);

  /* RFC 4475 lwsdisp: accepted, with a warning. */
  s = "caller<sip:caller@example.com>;tag=323";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_addr(d, sf_slice_make(d, strlen(s)), &addr, NULL), SF_SIP_OK);
  CHECK_SLICE(addr.display_name, "caller");
  CHECK_INT(addr.warnings, SF_SIP_W(TOKEN_DISPLAY_NAME_NO_LWS));
  s = "A. Bell <sip:a.g.bell@example.com>";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_addr(d, sf_slice_make(d, strlen(s)), &addr, NULL), SF_SIP_OK);
  CHECK_SLICE(addr.display_name, "A. Bell");
  CHECK_INT(addr.warnings, 0);

  s = "*";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_addr(d, sf_slice_make(d, 1), &addr, NULL), SF_SIP_OK);
  CHECK(addr.is_star);
}

/* Header-context rules that only sf_sip_parse applies. */
static void test_addr_in_headers(void) {
  static sf_sip_msg m;
  static const struct {
    const char *hdr;
    int status;
    const char *at;
    long delta;
  } cases[] = {
      {"Contact: *", SF_SIP_OK, NULL, 0},
      {"Contact: <sip:a@h>, \"B\" <sip:b@h>;q=0.5, sip:c@h", SF_SIP_OK, NULL, 0},
      {"Contact: *, <sip:a@h>", SF_SIP_BAD_STAR, "*", 0},
      {"Contact: <sip:a@h>, *", SF_SIP_BAD_STAR, "*", 0},
      {"From: *", SF_SIP_BAD_STAR, "*", 0},
      {"Route: sip:proxy@h", SF_SIP_MISSING_ANGLE, "sip:proxy", 0},
      {"Record-Route: <sip:p1@h;lr>,<sip:p2@h;lr>", SF_SIP_OK, NULL, 0},
      {"Route:", SF_SIP_EMPTY_VALUE, "\r\n\r\n", 0},
      {"Allow:", SF_SIP_OK, NULL, 0},
      {"Allow: INVITE, ACK,BYE", SF_SIP_OK, NULL, 0},
      {"Supported: timer, 100rel", SF_SIP_OK, NULL, 0},
      {"Require: a b", SF_SIP_BAD_TOKEN, " b", 0},
      {"Require:", SF_SIP_EMPTY_VALUE, "\r\n\r\n", 0},
      {"Via: SIP/2.0/UDP a, SIP/2.0/UDP b", SF_SIP_OK, NULL, 0},
      {"Via: SIP/2.0/UDP a,", SF_SIP_EMPTY_VALUE, "\r\n\r\n", 0},
      {"Call-ID: abc@def", SF_SIP_OK, NULL, 0},
      {"i: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", SF_SIP_OK, NULL, 0},
      {"Call-ID: a@b@c", SF_SIP_BAD_CALL_ID, "@c", 0},
      {"Call-ID: a b", SF_SIP_BAD_CALL_ID, " b", 0},
      {"Call-ID:", SF_SIP_BAD_CALL_ID, "\r\n\r\n", 0},
      {"CSeq: 0009\r\n  INVITE", SF_SIP_OK, NULL, 0},
      {"CSeq: 4294967295 ACK", SF_SIP_OK, NULL, 0},
      {"CSeq: 4294967296 ACK", SF_SIP_CSEQ_OVERFLOW, "4294967296", 0},
      {"CSeq: -1 ACK", SF_SIP_BAD_CSEQ, "-1", 0},
      {"CSeq: 1ACK", SF_SIP_BAD_CSEQ, "ACK", 0},
      {"CSeq: 1", SF_SIP_BAD_CSEQ, "\r\n\r\n", 0},
      {"CSeq: 1 ACK x", SF_SIP_BAD_CSEQ, " x", 0},
      {"CSeq: 1 A/CK", SF_SIP_BAD_CSEQ, "/CK", 0},
      {"Max-Forwards: 0068", SF_SIP_OK, NULL, 0},
      {"Max-Forwards: 255", SF_SIP_OK, NULL, 0},
      {"Max-Forwards: 256", SF_SIP_MAX_FORWARDS_RANGE, "256", 0},
      {"Max-Forwards: x", SF_SIP_BAD_MAX_FORWARDS, ": x", 2},
      {"Max-Forwards: 7 0", SF_SIP_BAD_MAX_FORWARDS, " 0", 0},
      {"Date: Sat, 13 Nov 2010 23:29:00 GMT", SF_SIP_OK, NULL, 0},
      {"Date: sat, 29 feb 2000 23:59:60 gmt", SF_SIP_OK, NULL, 0},
      {"Date: Fri, 01 Jan 2010 16:00:00 EST", SF_SIP_BAD_DATE, "EST", 0},
      {"Date: Sun, 29 Feb 1900 00:00:00 GMT", SF_SIP_BAD_DATE, "29", 0},
      {"Date: Mon, 31 Apr 2010 00:00:00 GMT", SF_SIP_BAD_DATE, "31", 0},
      {"Date: Xyz, 01 Jan 2010 00:00:00 GMT", SF_SIP_BAD_DATE, "Xyz", 0},
      {"Date: Fri 01 Jan 2010 00:00:00 GMT", SF_SIP_BAD_DATE, " 01", 0},
      {"Date: Fri, 1 Jan 2010 00:00:00 GMT", SF_SIP_BAD_DATE, "1 Jan", 0},
      {"Date: Fri, 01 Jam 2010 00:00:00 GMT", SF_SIP_BAD_DATE, "Jam", 0},
      {"Date: Fri, 01 Jan 10 00:00:00 GMT", SF_SIP_BAD_DATE, "10 00", 0},
      {"Date: Fri, 01 Jan 2010 24:00:00 GMT", SF_SIP_BAD_DATE, "24", 0},
      {"Date: Fri, 01 Jan 2010 00:60:00 GMT", SF_SIP_BAD_DATE, "60", 0},
      {"Date: Fri, 01 Jan 2010 00:00:00 GMT+1", SF_SIP_BAD_DATE, "GMT", 0},
      {"Identity: \"YWJjZA==\"", SF_SIP_OK, NULL, 0},
      {"Identity: \"YWJj\r\n ZGVm\"", SF_SIP_OK, NULL, 0},
      {"Identity: YWJjZA==", SF_SIP_BAD_IDENTITY, "YWJj", 0},
      {"Identity: \"YWJjZA=\"", SF_SIP_BAD_IDENTITY, "ZA=", 0},
      {"Identity: \"YW=jZA==\"", SF_SIP_BAD_IDENTITY, "jZA", 0},
      {"Identity: \"YWJj*A==\"", SF_SIP_BAD_IDENTITY, "*", 0},
      {"Identity: \"YWJjZA==", SF_SIP_UNTERMINATED_QUOTE, "\r\n\r\n", 0},
      {"Identity: \"\"", SF_SIP_BAD_IDENTITY, "\"\r\n", 0},
      {"User-Agent: SIPimp.org/0.2.5 (curses)", SF_SIP_OK, NULL, 0},
      {"User-Agent: a/1(b (c \\) d))e/2 f", SF_SIP_OK, NULL, 0},
      {"Server: x / 1", SF_SIP_OK, NULL, 0},
      {"User-Agent: a/", SF_SIP_BAD_USER_AGENT, "\r\n\r\n", 0},
      {"User-Agent: a (b", SF_SIP_BAD_USER_AGENT, "\r\n\r\n", 0},
      {"User-Agent: a@b", SF_SIP_BAD_USER_AGENT, "@", 0},
      {"User-Agent: ((((((((((x))))))))))", SF_SIP_DEEP_COMMENT, "((x", 0},
      {"User-Agent:", SF_SIP_BAD_USER_AGENT, "\r\n\r\n", 0},
      {"Content-Type: application/sdp", SF_SIP_OK, NULL, 0},
      {"c: multipart/signed;protocol=\"application/pkcs7-signature\"", SF_SIP_OK, NULL, 0},
      {"c: multipart/signed;protocol=application/pkcs7-signature", SF_SIP_BAD_CONTENT_TYPE,
       "/pkcs7", 0},
      {"c: text", SF_SIP_BAD_CONTENT_TYPE, "\r\n\r\n", 0},
      {"Content-Disposition: attachment;handling=required;filename=smime.p7s", SF_SIP_OK, NULL, 0},
      {"Content-Disposition: ;x=1", SF_SIP_BAD_CONTENT_DISPOSITION, ";", 0},
      {"Content-Transfer-Encoding: binary", SF_SIP_OK, NULL, 0},
      {"Content-Transfer-Encoding: bin ary", SF_SIP_BAD_CONTENT_TRANSFER_ENCODING, "ary", 0},
  };
  char buf[512];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int n = snprintf(buf, sizeof buf, "OPTIONS sip:h SIP/2.0\r\n%s\r\n\r\n", cases[i].hdr);
    const uint8_t *d = sf_guard(buf, (size_t)n);
    sf_error e = {0, 0, NULL};
    int rc = sf_sip_parse(d, (size_t)n, 0, &m, &e);
    CHECK_ERROR_AT(cases[i].hdr, rc, &e, cases[i].status, d, (size_t)n, cases[i].at,
                   cases[i].delta);
  }

  /* Leniencies: the unquoted protocol= and Identity of the draft. */
  const char *ct = "OPTIONS sip:h SIP/2.0\r\nc: multipart/signed;protocol=application/pkcs7-"
                   "signature;micalg=sha1\r\nl: 0\r\n\r\n";
  const uint8_t *d = sf_guard_str(ct);
  CHECK_STATUS(sf_sip_parse(d, strlen(ct), SF_SIP_ALLOW_UNQUOTED_SLASH, &m, NULL), SF_SIP_OK);
  CHECK_INT(m.warnings, SF_SIP_W(UNQUOTED_SLASH));
  const char *id = "OPTIONS sip:h SIP/2.0\r\nIdentity: YWJjZA==\r\nl: 0\r\n\r\n";
  d = sf_guard_str(id);
  CHECK_STATUS(sf_sip_parse(d, strlen(id), SF_SIP_ALLOW_UNQUOTED_IDENTITY, &m, NULL), SF_SIP_OK);
  CHECK_INT(m.warnings, SF_SIP_W(UNQUOTED_IDENTITY));
}

static void test_scalars_direct(void) {
  const char *s = "  0009\r\n  INVITE ";
  const uint8_t *d = sf_guard_str(s);
  sf_sip_cseq c;
  CHECK_STATUS(sf_sip_parse_cseq(d, sf_slice_make(d, strlen(s)), &c, NULL), SF_SIP_OK);
  CHECK_INT(c.number, 9);
  CHECK_SLICE(c.method, "INVITE");
  uint8_t mf = 0;
  d = sf_guard_str("0068");
  CHECK_STATUS(sf_sip_parse_max_forwards(d, sf_slice_make(d, 4), &mf, NULL), SF_SIP_OK);
  CHECK_INT(mf, 68);
  uint32_t cl = 0;
  d = sf_guard_str("4294967295");
  CHECK_STATUS(sf_sip_parse_content_length(d, sf_slice_make(d, 10), &cl, NULL), SF_SIP_OK);
  CHECK_INT(cl, 4294967295u);
  sf_sip_date date;
  s = "Sat, 19 Feb 2005 00:48:07 GMT";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_date(d, sf_slice_make(d, strlen(s)), &date, NULL), SF_SIP_OK);
  CHECK_INT(date.year, 2005);
  CHECK_INT(date.month, 2);
  CHECK_INT(date.day, 19);
  CHECK_INT(date.hour, 0);
  CHECK_INT(date.minute, 48);
  CHECK_INT(date.second, 7);
  CHECK_INT(date.weekday, 6);
  sf_slice b64;
  unsigned w = 0;
  s = "\"YWJj\r\n ZGVm\"";
  d = sf_guard_str(s);
  CHECK_STATUS(sf_sip_parse_identity(d, sf_slice_make(d, strlen(s)), 0, &b64, &w, NULL), SF_SIP_OK);
  CHECK_SLICE(b64, "YWJj\r\n ZGVm");
  CHECK_INT(w, 0);
}

static void test_decimal(void) {
  static const struct {
    const char *in;
    uint64_t max;
    int status;
    uint64_t value;
    size_t digits;
  } cases[] = {
      {"0", 10, SF_DECIMAL_OK, 0, 1},
      {"0000000000000000000000000000007", 10, SF_DECIMAL_OK, 7, 31},
      {"4294967295", UINT32_MAX, SF_DECIMAL_OK, 4294967295u, 10},
      {"4294967296", UINT32_MAX, SF_DECIMAL_OVERFLOW, 0, 10},
      {"18446744073709551615", UINT64_MAX, SF_DECIMAL_OK, UINT64_MAX, 20},
      {"18446744073709551616", UINT64_MAX, SF_DECIMAL_OVERFLOW, 0, 20},
      {"99999999999999999999999999", UINT64_MAX, SF_DECIMAL_OVERFLOW, 0, 26},
      {"5", 0, SF_DECIMAL_OVERFLOW, 0, 1},
      {"12x", 255, SF_DECIMAL_OK, 12, 2},
      {"x", 255, SF_DECIMAL_NONE, 0, 0},
      {"", 255, SF_DECIMAL_NONE, 0, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len = strlen(cases[i].in);
    const uint8_t *d = sf_guard(cases[i].in, len);
    sf_text t;
    sf_text_init(&t, d, len);
    uint64_t v = 0;
    size_t digits = 99;
    int rc = sf_decimal_get(&t, cases[i].max, &v, &digits);
    CHECK_INT(rc, cases[i].status);
    if (rc == SF_DECIMAL_OK) CHECK_INT(v, cases[i].value);
    CHECK_INT(digits, cases[i].digits);
    CHECK_INT(t.pos, cases[i].digits);
  }
}

int main(void) {
  RUN(test_uri_cases);
  RUN(test_uri_parts);
  RUN(test_uri_print);
  RUN(test_via);
  RUN(test_addr);
  RUN(test_addr_in_headers);
  RUN(test_scalars_direct);
  RUN(test_decimal);
  return sf_test_finish();
}
