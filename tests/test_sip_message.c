/* test_sip_message.c: sf_sip_parse (start lines, header lines, folding,
 * framing on datagrams and streams, Content-Length), sf_sip_validate,
 * sf_sip_print, sf_sip_unfold, sf_sip_split, the header-name table. Every
 * input goes through sf_guard. */
#include <stdlib.h>

#include "sip_test_util.h"

static sf_sip_msg msg;

static int parse_msg(const uint8_t *d, size_t len, unsigned flags, sf_error *e) {
  return sf_sip_parse(d, len, flags, &msg, e);
}

#define REQ "OPTIONS sip:bob@example.com SIP/2.0\r\n"
#define RESP "SIP/2.0 200 OK\r\n"

static void test_request_lines(void) {
  static const sf_sip_case cases[] = {
      {REQ "\r\n", 0, SF_SIP_OK, NULL, 0},
      {"OPTIONS sip:bob@example.com sip/2.0\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {"OPTIONS  sip:bob@example.com SIP/2.0\r\n\r\n", 0, SF_SIP_EXTRA_WHITESPACE, "  sip", 1},
      {"OPTIONS  sip:bob@example.com SIP/2.0\r\n\r\n", SF_SIP_ALLOW_EXTRA_SP, SF_SIP_OK, NULL, 0},
      {"OPTIONS sip:bob@example.com  SIP/2.0\r\n\r\n", 0, SF_SIP_EXTRA_WHITESPACE, "  SIP", 1},
      {"OPTIONS sip:bob@example.com SIP/2.0 \r\n\r\n", 0, SF_SIP_EXTRA_WHITESPACE, " \r\n", 0},
      {"OPTIONS sip:bob@example.com SIP/2.0 \r\n\r\n", SF_SIP_ALLOW_EXTRA_SP, SF_SIP_OK, NULL, 0},
      {"OPTIONS sip:bob@example.com\r\n\r\n", 0, SF_SIP_BAD_VERSION, "\r\n", 0},
      {"OPTIONS\r\n\r\n", 0, SF_SIP_BAD_START_LINE, "\r\n", 0},
      {"OPT@ONS sip:bob@example.com SIP/2.0\r\n\r\n", 0, SF_SIP_BAD_METHOD, "@ONS", 0},
      {" OPTIONS sip:bob@example.com SIP/2.0\r\n\r\n", 0, SF_SIP_BAD_METHOD, " OPTIONS", 0},
      {"OPTIONS sip:bob@example.com SIP/2.1\r\n\r\n", 0, SF_SIP_UNSUPPORTED_VERSION, "SIP/2.1", 0},
      {"OPTIONS sip:bob@example.com SIP/2\r\n\r\n", 0, SF_SIP_BAD_VERSION, "SIP/2", 0},
      {"OPTIONS sip:bob@example.com HTTP/1.1\r\n\r\n", 0, SF_SIP_BAD_VERSION, "HTTP", 0},
      {"OPTIONS <sip:bob@example.com> SIP/2.0\r\n\r\n", 0, SF_SIP_ANGLE_REQUEST_URI, "<", 0},
      {"OPTIONS <sip:bob@example.com> SIP/2.0\r\n\r\n", SF_SIP_ALLOW_ANGLE_RURI, SF_SIP_OK, NULL,
       0},
      {"OPTIONS <sip:bob@example.com SIP/2.0\r\n\r\n", SF_SIP_ALLOW_ANGLE_RURI,
       SF_SIP_ANGLE_REQUEST_URI, "<", 0},
      /* Nothing inside the brackets: an empty Request-URI, at the '>' (the
       * only way to get one: without < > an empty URI is a missing
       * version), found before the extra SP that follows. */
      {"OPTIONS <> SIP/2.0\r\n\r\n", 0, SF_SIP_ANGLE_REQUEST_URI, "<>", 0},
      {"OPTIONS <> SIP/2.0\r\n\r\n", SF_SIP_ALLOW_ANGLE_RURI, SF_SIP_BAD_REQUEST_URI, "<>", 1},
      {"OPTIONS <>  SIP/2.0\r\n\r\n", SF_SIP_ALLOW_ANGLE_RURI, SF_SIP_BAD_REQUEST_URI, "<>", 1},
      {"OPTIONS  SIP/2.0\r\n\r\n", SF_SIP_ALLOW_EXTRA_SP, SF_SIP_BAD_VERSION, "\r\n", 0},
      {"OPTIONS sip:bob@example.com ;lr SIP/2.0\r\n\r\n", 0, SF_SIP_REQUEST_URI_WHITESPACE, " ;lr",
       0},
      {"OPTIONS sip:bob@example.com?Subject=x SIP/2.0\r\n\r\n", 0,
       SF_SIP_URI_HEADERS_IN_REQUEST_URI, "?", 0},
      {"OPTIONS sip:@example.com SIP/2.0\r\n\r\n", 0, SF_SIP_BAD_URI_USER, "@ex", 0},
      {"OPTIONS tel:+1-201-555-0123 SIP/2.0\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
  };
  RUN_CASES(cases, parse_msg);

  CHECK_INT(sf_parse_str("INVITE sips:alice:pw@[2001:db8::1]:5061;transport=tls SIP/2.0\r\n\r\n",
                         0, &msg, NULL),
            SF_SIP_OK);
  CHECK(msg.is_request);
  CHECK_SLICE(msg.method, "INVITE");
  CHECK_SLICE(msg.request_uri, "sips:alice:pw@[2001:db8::1]:5061;transport=tls");
  CHECK_INT(msg.uri.scheme, SF_SIP_SCHEME_SIPS);
  CHECK_SLICE(msg.uri.user, "alice");
  CHECK_SLICE(msg.uri.password, "pw");
  CHECK_SLICE(msg.uri.host, "[2001:db8::1]");
  CHECK_INT(msg.uri.port, 5061);
  CHECK_SLICE(msg.version, "SIP/2.0");
  CHECK_INT(msg.header_count, 0);
}

static void test_status_lines(void) {
  static const sf_sip_case cases[] = {
      {RESP "\r\n", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0 100 \r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0 200 \xc3\xa7" "a va\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0 200\r\n\r\n", 0, SF_SIP_BAD_START_LINE, "\r\n", 0},
      {"SIP/2.0 099 Low\r\n\r\n", 0, SF_SIP_STATUS_CODE_RANGE, "099", 0},
      {"SIP/2.0 700 High\r\n\r\n", 0, SF_SIP_STATUS_CODE_RANGE, "700", 0},
      {"SIP/2.0 2000 Long\r\n\r\n", 0, SF_SIP_STATUS_CODE_RANGE, "2000", 0},
      {"SIP/2.0 0200 Zero\r\n\r\n", 0, SF_SIP_BAD_STATUS_CODE, "0200", 0},
      {"SIP/2.0 20 Short\r\n\r\n", 0, SF_SIP_BAD_STATUS_CODE, "20 ", 0},
      {"SIP/2.0 2x0 Hex\r\n\r\n", 0, SF_SIP_BAD_STATUS_CODE, "2x0", 0},
      {"SIP/2.0 OK\r\n\r\n", 0, SF_SIP_BAD_STATUS_CODE, "OK", 0},
      {"SIP/2.0 200 O\x01K\r\n\r\n", 0, SF_SIP_BAD_REASON_PHRASE, "\x01", 0},
      {"SIP/2.0  200 OK\r\n\r\n", 0, SF_SIP_EXTRA_WHITESPACE, "  200", 1},
      {"SIP/2.0  200 OK\r\n\r\n", SF_SIP_ALLOW_EXTRA_SP, SF_SIP_OK, NULL, 0},
      {"SIP/3.0 200 OK\r\n\r\n", 0, SF_SIP_UNSUPPORTED_VERSION, "SIP/3.0", 0},
      {"SIP/2.0x 200 OK\r\n\r\n", 0, SF_SIP_BAD_VERSION, "SIP/2.0x", 0},
  };
  RUN_CASES(cases, parse_msg);
  CHECK_INT(sf_parse_str("SIP/2.0 486 Busy Here\r\n\r\n", 0, &msg, NULL), SF_SIP_OK);
  CHECK(!msg.is_request);
  CHECK_INT(msg.status_code, 486);
  CHECK_SLICE(msg.reason, "Busy Here");
  CHECK(msg.method.ptr == NULL);
}

/* UTF-8 where RFC 3261 allows it: the Reason-Phrase, quoted-strings (a
 * display name), comments (User-Agent) and header values. Well-formed UTF-8
 * (RFC 3629) passes; anything else is SF_SIP_BAD_UTF8 at the first byte
 * that is not part of a well-formed sequence, unless SF_SIP_ALLOW_NON_UTF8
 * (Latin-1 and the like), which is reported as a warning. */
#define NON_UTF8 SF_SIP_ALLOW_NON_UTF8
#define FROM_TO "To: <sip:b@x>\r\nCall-ID: 1\r\n"
static void test_utf8_text(void) {
  static const sf_sip_case cases[] = {
      /* Reason-Phrase */
      {"SIP/2.0 200 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {"SIP/2.0 200 \xff\xfe\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xff", 0},
      {"SIP/2.0 200 O\xc0\xafK\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xc0", 0},
      {"SIP/2.0 200 OK \xe0\x80\xaf\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe0", 0},
      {"SIP/2.0 200 x\xed\xa0\x80y\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xed", 0},
      {"SIP/2.0 200 x\xf4\x90\x80\x80\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xf4", 0},
      {"SIP/2.0 200 OK\xe2\x82\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe2", 0},
      /* cut short by the end of the input: the line has not ended, so the
       * message is truncated (a stream's next bytes may complete it) */
      {"SIP/2.0 200 OK\xc3", 0, SF_SIP_TRUNCATED, "", 15},
      {"SIP/2.0 200 OK\xc3", SF_SIP_STREAM, SF_SIP_INCOMPLETE, "", 15},
      {"SIP/2.0 200 Tr\xe8s bien\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe8", 0},
      {"SIP/2.0 200 Tr\xe8s bien\r\n\r\n", NON_UTF8, SF_SIP_OK, NULL, 0},
      /* whichever fault comes first: a control byte or bad UTF-8 */
      {"SIP/2.0 200 \x01\xff\r\n\r\n", 0, SF_SIP_BAD_REASON_PHRASE, "\x01", 0},
      {"SIP/2.0 200 \xff\x01\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xff", 0},
      {"SIP/2.0 200 \xff\x01\r\n\r\n", NON_UTF8, SF_SIP_BAD_REASON_PHRASE, "\x01", 0},
      /* a quoted display name */
      {REQ FROM_TO "From: \"Jos\xc3\xa9\" <sip:j@x>;tag=1\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {REQ FROM_TO "From: \"Jos\xe9\" <sip:j@x>;tag=1\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe9", 0},
      {REQ FROM_TO "From: \"Jos\xe9\" <sip:j@x>;tag=1\r\n\r\n", NON_UTF8, SF_SIP_OK, NULL, 0},
      {REQ FROM_TO "From: \"\xed\xbf\xbf\" <sip:j@x>\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xed", 0},
      /* a quoted parameter value, a comment, an unknown header, a folded value */
      {REQ "Contact: <sip:j@x>;x=\"\xc0\x80\"\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xc0", 0},
      {REQ "User-Agent: ua/1 (caf\xe9)\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe9", 0},
      {REQ "User-Agent: ua/1 (caf\xc3\xa9)\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {REQ "Subject: caf\xe9\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe9", 0},
      {REQ "Subject: caf\xe9\r\n\r\n", NON_UTF8, SF_SIP_OK, NULL, 0},
      {REQ "Subject: caf\xc3\r\n \xa9\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xc3", 0},
      /* the first fault in byte order: bad UTF-8 before a structural fault
       * wins; a structural fault at or before it stands, with or without
       * the flag; a non-ASCII byte where the grammar allows none is the
       * grammar's fault, UTF-8 or not */
      {REQ FROM_TO "From: \"\xe9\" <sip:a b@x>\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xe9", 0},
      {REQ FROM_TO "From: \"\xe9\" <sip:a b@x>\r\n\r\n", NON_UTF8, SF_SIP_BAD_ADDR_SPEC, " b@", 0},
      {REQ FROM_TO "From: <sip:a b@x>;n=\"\xe9\"\r\n\r\n", 0, SF_SIP_BAD_ADDR_SPEC, " b@", 0},
      {REQ FROM_TO "From: <sip:\xe9@x>\r\n\r\n", 0, SF_SIP_BAD_URI_HOST, "\xe9", 0},
      {REQ FROM_TO "From: <sip:\xc3\xa9@x>\r\n\r\n", 0, SF_SIP_BAD_URI_HOST, "\xc3", 0},
      {REQ "Call-ID: \xe9@x\r\n\r\n", NON_UTF8, SF_SIP_BAD_CALL_ID, "\xe9", 0},
      /* ...in the order faults are found: a Content-Length past the end is
       * found after the header section, though reported at its value, so
       * bad UTF-8 in a later field comes first without the flag
       * (crashes/sip_message/3a01e2..., found by the harness's check) */
      {"SIP/2.0 200 \r\nContent-Length: 5\r\nSubject: \xbe\r\n\r\n", 0, SF_SIP_BAD_UTF8, "\xbe", 0},
      {"SIP/2.0 200 \r\nContent-Length: 5\r\nSubject: \xbe\r\n\r\n", NON_UTF8,
       SF_SIP_CONTENT_LENGTH_EXCEEDS_BODY, "5\r", 0},
  };
  RUN_CASES(cases, parse_msg);

  /* The flag's warning, exactly when it was needed (a datagram without
   * Content-Length also has NO_CONTENT_LENGTH, not looked at here). */
  static const struct {
    const char *in;
    unsigned warnings;
  } warned[] = {
      {"SIP/2.0 200 Tr\xe8s bien\r\n\r\n", SF_SIP_W(NON_UTF8)},
      {"SIP/2.0 200 Tr\xc3\xa8s bien\r\n\r\n", 0},
      {REQ "Subject: caf\xe9\r\n\r\n", SF_SIP_W(NON_UTF8)},
      {REQ FROM_TO "From: \"Jos\xe9\" <sip:j@x>;tag=1\r\n\r\n", SF_SIP_W(NON_UTF8)},
      {REQ FROM_TO "From: \"Jos\xc3\xa9\" <sip:j@x>;tag=1\r\n\r\n", 0},
  };
  for (size_t i = 0; i < sizeof warned / sizeof warned[0]; i++) {
    CHECK_INT(sf_parse_str(warned[i].in, NON_UTF8, &msg, NULL), SF_SIP_OK);
    CHECK_INT(msg.warnings & SF_SIP_W(NON_UTF8), warned[i].warnings);
  }
  CHECK_INT(sf_parse_str("SIP/2.0 200 Tr\xe8s bien\r\n\r\n", NON_UTF8, &msg, NULL), SF_SIP_OK);
  CHECK_SLICE(msg.reason, "Tr\xe8s bien"); /* as sent: nothing is converted */
  CHECK((SF_SIP_INTEROP & NON_UTF8) != 0);
}

static void test_header_lines(void) {
  static const sf_sip_case cases[] = {
      {REQ "X-A: 1\r\nX-B : 2\r\nX-C\t:3\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {REQ "X-A 1\r\n\r\n", 0, SF_SIP_MISSING_COLON, "1\r\n", 0},
      {REQ "X-A\r\n\r\n", 0, SF_SIP_MISSING_COLON, "\r\n\r\n", 0},
      {REQ "X A: 1\r\n\r\n", 0, SF_SIP_MISSING_COLON, "A: 1", 0},
      {REQ "X@A: 1\r\n\r\n", 0, SF_SIP_BAD_HEADER_NAME, "@A", 0},
      {REQ ": 1\r\n\r\n", 0, SF_SIP_BAD_HEADER_NAME, ": 1", 0},
      {REQ "X-A: a\x01z\r\n\r\n", 0, SF_SIP_BAD_HEADER_VALUE, "\x01", 0},
      {REQ "X-A: a\x7fz\r\n\r\n", 0, SF_SIP_BAD_HEADER_VALUE, "\x7f", 0},
      {REQ "X-A: a\rb\r\n\r\n", 0, SF_SIP_BAD_LINE_END, "\rb", 0},
      {REQ "X-A: a\nX-B: b\r\n\r\n", 0, SF_SIP_BAD_LINE_END, "\nX-B", 0},
      {"OPTIONS sip:bob@example.com SIP/2.0\nX-A: a\n\n", SF_SIP_ALLOW_LF, SF_SIP_OK, NULL, 0},
      {REQ " X-A: a\r\n\r\n", 0, SF_SIP_FOLD_WITHOUT_HEADER, " X-A", 0},
      {REQ "X-A: a\r\n b\r\n\tc\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {REQ "Subject:\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {REQ "X-A: \xe2\x82\xac\r\n\r\n", 0, SF_SIP_OK, NULL, 0},
      {"\r\n\r\n" REQ "\r\n", 0, SF_SIP_OK, NULL, 0},
      {"", 0, SF_SIP_EMPTY, "", 0},
      {"\r\n\r\n", 0, SF_SIP_EMPTY, "\r\n\r\n", 4},
      {"", SF_SIP_STREAM, SF_SIP_INCOMPLETE, "", 0},
      {REQ "X-A: 1\r\n", 0, SF_SIP_TRUNCATED, "X-A: 1\r\n", 8},
  };
  RUN_CASES(cases, parse_msg);

  CHECK_INT(sf_parse_str(REQ "X-A: 1\r\nX-B : 2 \r\nX-C\t:3\r\ns :\r\n\r\n", 0, &msg, NULL),
            SF_SIP_OK);
  CHECK_INT(msg.header_count, 4);
  CHECK_SLICE(msg.headers[1].name, "X-B");
  CHECK_SLICE(msg.headers[1].value, "2");
  CHECK_SLICE(msg.headers[2].value, "3");
  CHECK_INT(msg.headers[3].id, SF_SIP_H_SUBJECT);
  CHECK(msg.headers[3].value.ptr != NULL);
  CHECK_INT(msg.headers[3].value.len, 0);

  /* Folding: kept in the raw value, reported, removed by sf_sip_unfold. */
  CHECK_INT(sf_parse_str(REQ "X-A: a\r\n b\r\n\tc \r\n  \r\nX-B: d\r\n\r\n", 0, &msg, NULL),
            SF_SIP_OK);
  CHECK_INT(msg.header_count, 2);
  CHECK(msg.headers[0].folded);
  CHECK(!msg.headers[1].folded);
  CHECK_SLICE(msg.headers[0].value, "a\r\n b\r\n\tc");
  CHECK(msg.warnings & SF_SIP_W(FOLDING));
  uint8_t buf[64];
  size_t n = 0;
  CHECK_INT(sf_sip_unfold(msg.headers[0].value, buf, sizeof buf, &n), SF_SIP_OK);
  CHECK_BYTES(sf_slice_make(buf, n), (const uint8_t *)"a b\tc", 5);

  /* LF line ends and leading CRLFs are reported. */
  CHECK_INT(sf_parse_str("\r\n" "OPTIONS sip:bob@example.com SIP/2.0\nX-A: a\n b\n\n",
                         SF_SIP_ALLOW_LF, &msg, NULL),
            SF_SIP_OK);
  CHECK(msg.warnings & SF_SIP_W(LF_LINE_ENDS));
  CHECK(msg.warnings & SF_SIP_W(LEADING_CRLF));
  CHECK_INT(msg.start_offset, 2);
  CHECK_SLICE(msg.headers[0].value, "a\n b");
}

static void test_header_names(void) {
  static const struct {
    const char *name;
    int id;
  } names[] = {
      {"Via", SF_SIP_H_VIA},          {"v", SF_SIP_H_VIA},
      {"V", SF_SIP_H_VIA},            {"vIA", SF_SIP_H_VIA},
      {"i", SF_SIP_H_CALL_ID},        {"call-id", SF_SIP_H_CALL_ID},
      {"m", SF_SIP_H_CONTACT},        {"l", SF_SIP_H_CONTENT_LENGTH},
      {"c", SF_SIP_H_CONTENT_TYPE},   {"e", SF_SIP_H_CONTENT_ENCODING},
      {"f", SF_SIP_H_FROM},           {"t", SF_SIP_H_TO},
      {"k", SF_SIP_H_SUPPORTED},      {"s", SF_SIP_H_SUBJECT},
      {"o", SF_SIP_H_EVENT},          {"r", SF_SIP_H_REFER_TO},
      {"u", SF_SIP_H_ALLOW_EVENTS},   {"y", SF_SIP_H_IDENTITY},
      {"x", SF_SIP_H_SESSION_EXPIRES}, {"b", SF_SIP_H_REFERRED_BY},
      {"Identity-Info", SF_SIP_H_IDENTITY_INFO},
      {"CONTENT-TRANSFER-ENCODING", SF_SIP_H_CONTENT_TRANSFER_ENCODING},
      {"C%6Fntact", SF_SIP_H_OTHER},  {"q", SF_SIP_H_OTHER},
      {"Vias", SF_SIP_H_OTHER},       {"", SF_SIP_H_OTHER},
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    const uint8_t *d = sf_guard_str(names[i].name);
    int id = sf_sip_header_id_of(sf_slice_make(d, strlen(names[i].name)));
    if (id != names[i].id) fprintf(stderr, "header name \"%s\"\n", names[i].name);
    CHECK_INT(id, names[i].id);
  }
  CHECK(strcmp(sf_sip_header_name(SF_SIP_H_CSEQ), "CSeq") == 0);
  CHECK(sf_sip_header_is_list(SF_SIP_H_VIA));
  CHECK(sf_sip_header_is_list(SF_SIP_H_CONTACT));
  CHECK(!sf_sip_header_is_list(SF_SIP_H_FROM));
  CHECK(!sf_sip_header_is_list(SF_SIP_H_WWW_AUTHENTICATE)); /* commas in auth-params */
  CHECK(strcmp(sf_sip_status_name(SF_SIP_BAD_VIA), "SF_SIP_BAD_VIA") == 0);
  CHECK(strcmp(sf_sip_status_name(-1), "?") == 0);
  CHECK(strcmp(sf_sip_warning_name(SF_SIP_WB_FOLDING), "SF_SIP_W_FOLDING") == 0);
}

static void test_too_many_headers(void) {
  size_t cap = 64 + (SF_SIP_MAX_HEADERS + 1) * 8;
  char *s = malloc(cap);
  size_t n = (size_t)snprintf(s, cap, "%s", REQ);
  for (int i = 0; i < SF_SIP_MAX_HEADERS; i++) n += (size_t)snprintf(s + n, cap - n, "X: %d\r\n", i % 10);
  size_t limit_ok = n;
  n += (size_t)snprintf(s + n, cap - n, "Y: 1\r\n\r\n");
  sf_error e;
  const uint8_t *d = sf_guard(s, n);
  CHECK_STATUS(sf_sip_parse(d, n, 0, &msg, &e), SF_SIP_TOO_MANY_HEADERS);
  CHECK_INT(e.offset, limit_ok);
  /* Exactly the limit is fine. */
  memcpy(s + limit_ok, "\r\n", 2);
  d = sf_guard(s, limit_ok + 2);
  CHECK_STATUS(sf_sip_parse(d, limit_ok + 2, 0, &msg, &e), SF_SIP_OK);
  CHECK_INT(msg.header_count, SF_SIP_MAX_HEADERS);
  free(s);
}

static void test_framing(void) {
  /* Datagram: the body is Content-Length bytes, extra bytes are reported. */
  const char *dg = REQ "Content-Length: 5\r\n\r\nhelloXX";
  CHECK_STATUS(sf_parse_str(dg, 0, &msg, NULL), SF_SIP_OK);
  CHECK_SLICE(msg.body, "hello");
  CHECK_SLICE(msg.trailing, "XX");
  CHECK(msg.warnings & SF_SIP_W(TRAILING_BYTES));
  CHECK_INT(msg.body_offset, strlen(dg) - 7);
  CHECK_INT(msg.message_len, strlen(dg) - 2);
  /* Stream: the extra bytes are the next message, not a fault. */
  CHECK_STATUS(sf_parse_str(dg, SF_SIP_STREAM, &msg, NULL), SF_SIP_OK);
  CHECK_SLICE(msg.trailing, "XX");
  CHECK(!(msg.warnings & SF_SIP_W(TRAILING_BYTES)));
  /* No Content-Length: the datagram's rest; on a stream, an error. */
  CHECK_STATUS(sf_parse_str(REQ "\r\nbody", 0, &msg, NULL), SF_SIP_OK);
  CHECK_SLICE(msg.body, "body");
  CHECK(msg.warnings & SF_SIP_W(NO_CONTENT_LENGTH));
  CHECK(!msg.has_content_length);

  static const sf_sip_case cases[] = {
      {REQ "\r\nbody", SF_SIP_STREAM, SF_SIP_MISSING_CONTENT_LENGTH, "\r\nbody", 2},
      {REQ "Content-Length: 9\r\n\r\nhello", 0, SF_SIP_CONTENT_LENGTH_EXCEEDS_BODY, "9\r\n", 0},
      {REQ "Content-Length: 9\r\n\r\nhello", SF_SIP_STREAM, SF_SIP_INCOMPLETE, "hello", 5},
      {REQ "Content-Length: -1\r\n\r\n", 0, SF_SIP_NEGATIVE_CONTENT_LENGTH, "-1", 0},
      {REQ "Content-Length: abc\r\n\r\n", 0, SF_SIP_BAD_CONTENT_LENGTH, "abc", 0},
      {REQ "Content-Length: 12 3\r\n\r\n", 0, SF_SIP_BAD_CONTENT_LENGTH, " 3\r\n", 0},
      {REQ "Content-Length: \r\n\r\n", 0, SF_SIP_BAD_CONTENT_LENGTH, "\r\n\r\n", 0},
      {REQ "Content-Length: 4294967296\r\n\r\n", 0, SF_SIP_CONTENT_LENGTH_OVERFLOW, "4294967296",
       0},
      {REQ "Content-Length: 99999999999999999999999\r\n\r\n", 0, SF_SIP_CONTENT_LENGTH_OVERFLOW,
       "999", 0},
      {REQ "Content-Length: 4294967295\r\n\r\n", SF_SIP_STREAM, SF_SIP_INCOMPLETE, "\r\n\r\n", 4},
      {REQ "Content-Length: 0004\r\n\r\nabcd", 0, SF_SIP_OK, NULL, 0},
      {REQ "Content-Length: 4\r\nl: 4\r\n\r\nabcd", 0, SF_SIP_OK, NULL, 0},
      {REQ "Content-Length: 4\r\nl: 5\r\n\r\nabcde", 0, SF_SIP_CONFLICTING_CONTENT_LENGTH, "5\r\n",
       0},
      {REQ "l:\r\n 2\r\n\r\nab", SF_SIP_STREAM, SF_SIP_OK, NULL, 0},
  };
  RUN_CASES(cases, parse_msg);
}

/* The draft messages: every proper prefix is "incomplete" on a stream and
 * never accepted as a datagram; the whole message is accepted both ways. */
static const char *const draft_files[] = {
    "tests/data/draft/messages/4.2-message-over-tls.sip",
    "tests/data/draft/messages/4.2-200-ok.sip",
    "tests/data/draft/messages/5.1-message-signed.sip",
    "tests/data/draft/messages/5.2-message-encrypted.sip",
    "tests/data/draft/messages/5.3-message-encrypted-signed.sip",
};

static void test_draft_prefixes(void) {
  for (size_t f = 0; f < sizeof draft_files / sizeof draft_files[0]; f++) {
    size_t len = 0;
    uint8_t *data = sf_read_file(sf_source_path(draft_files[f]), &len);
    if (data == NULL) continue;
    int bad_stream = 0, bad_datagram = 0;
    for (size_t k = 0; k < len; k++) {
      const uint8_t *d = sf_guard(data, k);
      sf_error e;
      int rs = sf_sip_parse(d, k, SF_SIP_INTEROP | SF_SIP_STREAM, &msg, &e);
      if (rs != SF_SIP_INCOMPLETE || e.offset != k) {
        if (!bad_stream++) {
          fprintf(stderr, "%s: stream prefix %zu gives %s at %zu\n", draft_files[f], k,
                  sf_sip_status_name(rs), e.offset);
        }
      }
      int rd = sf_sip_parse(d, k, SF_SIP_INTEROP, &msg, &e);
      if (rd == SF_SIP_OK || rd == SF_SIP_INCOMPLETE) {
        if (!bad_datagram++) {
          fprintf(stderr, "%s: datagram prefix %zu gives %s\n", draft_files[f], k,
                  sf_sip_status_name(rd));
        }
      }
    }
    CHECK_INT(bad_stream, 0);
    CHECK_INT(bad_datagram, 0);
    const uint8_t *d = sf_guard(data, len);
    CHECK_STATUS(sf_sip_parse(d, len, SF_SIP_INTEROP | SF_SIP_STREAM, &msg, NULL), SF_SIP_OK);
    CHECK_INT(msg.message_len, len);
    CHECK_STATUS(sf_sip_parse(d, len, SF_SIP_INTEROP, &msg, NULL), SF_SIP_OK);
    CHECK_INT(msg.trailing.len, 0);
    CHECK_STATUS(sf_sip_validate(&msg, 0, NULL), SF_SIP_OK);
    free(data);
  }
}

static const sf_sip_param *param(const sf_sip_param *p, size_t n, const char *name) {
  return sf_sip_find_param(p, n, name);
}

/* parse_draft loads a draft message (through sf_guard) and parses it into
 * |msg|; returns the guarded bytes, or NULL if the parse failed. */
static const uint8_t *parse_draft(size_t f, unsigned flags, size_t *len, sf_error *e) {
  uint8_t *data = sf_read_file(sf_source_path(draft_files[f]), len);
  if (data == NULL) return NULL;
  const uint8_t *d = sf_guard(data, *len);
  free(data);
  int rc = sf_sip_parse(d, *len, flags, &msg, e);
  return rc == SF_SIP_OK ? d : NULL;
}

/* strict_failure_at checks that a draft message fails strictly with |code|
 * at the offset of |marker| + |delta|. */
static void strict_failure_at(size_t f, int code, const char *marker, long delta) {
  size_t len = 0;
  uint8_t *data = sf_read_file(sf_source_path(draft_files[f]), &len);
  if (data == NULL) return;
  const uint8_t *d = sf_guard(data, len);
  free(data);
  sf_error e;
  int rc = sf_sip_parse(d, len, 0, &msg, &e);
  CHECK_ERROR_AT(draft_files[f], rc, &e, code, d, len, marker, delta);
}

static void check_via(const sf_sip_msg *m, const char *transport, const char *host, int port,
                      const char *branch) {
  const sf_sip_header *h = sf_sip_find(m, SF_SIP_H_VIA, 0, NULL);
  CHECK(h != NULL);
  if (h == NULL) return;
  sf_sip_via v;
  CHECK_STATUS(sf_sip_parse_via(m->base, h->value, &v, NULL), SF_SIP_OK);
  CHECK_SLICE(v.protocol_name, "SIP");
  CHECK_SLICE(v.protocol_version, "2.0");
  CHECK_SLICE(v.transport, transport);
  CHECK_SLICE(v.host, host);
  CHECK_INT(v.port, port);
  const sf_sip_param *b = param(v.params, v.param_count, "branch");
  CHECK(b != NULL);
  if (b) CHECK_SLICE(b->value, branch);
  const sf_sip_param *r = param(v.params, v.param_count, "rport");
  CHECK(r != NULL);
}

static void check_addr(const sf_sip_msg *m, int id, const char *user, const char *host,
                       const char *tag) {
  const sf_sip_header *h = sf_sip_find(m, id, 0, NULL);
  CHECK(h != NULL);
  if (h == NULL) return;
  sf_sip_addr a;
  CHECK_STATUS(sf_sip_parse_addr(m->base, h->value, &a, NULL), SF_SIP_OK);
  CHECK(a.has_angle);
  CHECK_SLICE(a.uri.user, user);
  CHECK_SLICE(a.uri.host, host);
  const sf_sip_param *t = param(a.params, a.param_count, "tag");
  if (tag == NULL) {
    CHECK(t == NULL);
  } else {
    CHECK(t != NULL);
    if (t) CHECK_SLICE(t->value, tag);
  }
}

static void check_cseq(const sf_sip_msg *m, uint32_t n, const char *method) {
  const sf_sip_header *h = sf_sip_find(m, SF_SIP_H_CSEQ, 0, NULL);
  CHECK(h != NULL);
  if (h == NULL) return;
  sf_sip_cseq c;
  CHECK_STATUS(sf_sip_parse_cseq(m->base, h->value, &c, NULL), SF_SIP_OK);
  CHECK_INT(c.number, n);
  CHECK_SLICE(c.method, method);
}

static void test_draft_structure(void) {
  size_t len = 0;
  sf_error e;
  /* 4.2 MESSAGE over TLS: needs the unquoted Identity leniency. */
  strict_failure_at(0, SF_SIP_BAD_IDENTITY, "Identity: ", 10);
  const uint8_t *d = parse_draft(0, SF_SIP_INTEROP, &len, &e);
  CHECK(d != NULL);
  if (d) {
    CHECK_SLICE(msg.method, "MESSAGE");
    CHECK_INT(msg.uri.scheme, SF_SIP_SCHEME_SIPS);
    CHECK_SLICE(msg.uri.user, "kumiko");
    CHECK_SLICE(msg.uri.host, "example.net");
    CHECK_INT(msg.header_count, 13);
    CHECK_INT(msg.warnings, SF_SIP_W(UNQUOTED_IDENTITY));
    check_via(&msg, "TLS", "127.0.0.1", 5071, "z9hG4bK-d87543-58c826887160f95f-1--d87543-");
    check_addr(&msg, SF_SIP_H_FROM, "fluffy", "example.com", "03de46e1");
    check_addr(&msg, SF_SIP_H_TO, "kumiko", "example.net", NULL);
    check_cseq(&msg, 1, "MESSAGE");
    CHECK(msg.has_content_length);
    CHECK_INT(msg.content_length, 6);
    CHECK_SLICE(msg.body, "Hello!");
    sf_slice id;
    unsigned w = 0;
    const sf_sip_header *h = sf_sip_find(&msg, SF_SIP_H_IDENTITY, 0, NULL);
    CHECK(h != NULL);
    if (h) {
      CHECK_STATUS(sf_sip_parse_identity(d, h->value, SF_SIP_ALLOW_UNQUOTED_IDENTITY, &id, &w,
                                         NULL),
                   SF_SIP_OK);
      CHECK_INT(id.len, 172);
    }
  }
  /* 4.2 200 OK */
  d = parse_draft(1, 0, &len, &e);
  CHECK(d != NULL);
  if (d) {
    CHECK(!msg.is_request);
    CHECK_INT(msg.status_code, 200);
    CHECK_SLICE(msg.reason, "OK");
    CHECK_INT(msg.header_count, 7);
    check_addr(&msg, SF_SIP_H_TO, "kumiko", "example.net", "4c53f1b8");
    const sf_sip_header *h = sf_sip_find(&msg, SF_SIP_H_VIA, 0, NULL);
    sf_sip_via v;
    CHECK(h != NULL && sf_sip_parse_via(d, h->value, &v, NULL) == SF_SIP_OK);
    if (h) {
      const sf_sip_param *p = param(v.params, v.param_count, "rport");
      CHECK(p != NULL);
      if (p) CHECK_SLICE(p->value, "55768");
      p = param(v.params, v.param_count, "received");
      CHECK(p != NULL);
      if (p) CHECK_SLICE(p->value, "127.0.0.1");
    }
    CHECK_INT(msg.body.len, 0);
  }
  /* 5.1 signed MESSAGE: the unquoted protocol= needs its leniency. */
  strict_failure_at(2, SF_SIP_BAD_CONTENT_TYPE, "application/pkcs7-signature", 11);
  strict_failure_at(4, SF_SIP_BAD_CONTENT_TYPE, "application/pkcs7-signature", 11);
  d = parse_draft(2, SF_SIP_ALLOW_UNQUOTED_SLASH, &len, &e);
  CHECK(d != NULL);
  if (d) {
    CHECK_INT(msg.warnings, SF_SIP_W(UNQUOTED_SLASH));
    CHECK_INT(msg.content_length, 1544);
    CHECK_INT(msg.body.len, 1544);
    CHECK_INT(msg.body_offset + msg.body.len, len);
    check_via(&msg, "UDP", "68.122.119.3", 5060, "z9hG4bK-d87543-16a1192b7960f635-1--d87543-");
    check_addr(&msg, SF_SIP_H_FROM, "fluffy", "example.com", "0c523b42");
    const sf_sip_header *h = sf_sip_find(&msg, SF_SIP_H_CONTENT_TYPE, 0, NULL);
    sf_content_type ct;
    CHECK(h != NULL);
    if (h) {
      CHECK_INT(sf_content_parse_type(d, h->value, SF_CONTENT_ALLOW_UNQUOTED_SLASH, &ct, NULL),
                SF_CONTENT_OK);
      CHECK(sf_content_type_is(&ct, "multipart", "signed"));
      CHECK_INT(ct.params.count, 3);
      const sf_content_param *p = sf_content_find_param(&ct.params, "boundary");
      CHECK(p && sf_slice_eq_lit(p->value, "151aa2144df0f6bd"));
      p = sf_content_find_param(&ct.params, "micalg");
      CHECK(p && sf_slice_eq_lit(p->value, "sha1"));
      p = sf_content_find_param(&ct.params, "protocol");
      CHECK(p && sf_slice_eq_lit(p->value, "application/pkcs7-signature") && !p->quoted);
    }
  }
  /* 5.2 encrypted MESSAGE: strict syntax throughout. */
  d = parse_draft(3, 0, &len, &e);
  CHECK(d != NULL);
  if (d) {
    CHECK_INT(msg.warnings, 0);
    CHECK_INT(msg.content_length, 418);
    CHECK_INT(msg.body.len, 418);
    CHECK_INT(msg.header_count, 13);
    check_cseq(&msg, 1, "MESSAGE");
    const sf_sip_header *h = sf_sip_find(&msg, SF_SIP_H_CONTENT_DISPOSITION, 0, NULL);
    sf_content_disposition cd;
    CHECK(h != NULL);
    if (h) {
      CHECK_INT(sf_content_parse_disposition(d, h->value, 0, &cd, NULL), SF_CONTENT_OK);
      CHECK_SLICE(cd.type, "attachment");
      const sf_content_param *p = sf_content_find_param(&cd.params, "filename");
      CHECK(p && sf_slice_eq_lit(p->value, "smime.p7"));
    }
  }
  /* 5.3 encrypted and signed. */
  d = parse_draft(4, SF_SIP_INTEROP, &len, &e);
  CHECK(d != NULL);
  if (d) {
    CHECK_INT(msg.content_length, 2079);
    CHECK_INT(msg.body_offset + msg.body.len, len);
    check_addr(&msg, SF_SIP_H_FROM, "fluffy", "example.com", "361300da");
  }
}

static void test_validate(void) {
  const char *full = "INVITE sip:bob@example.com SIP/2.0\r\n"
                     "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
                     "Max-Forwards: 70\r\nTo: <sip:bob@example.com>\r\n"
                     "From: <sip:alice@example.com>;tag=1928301774\r\n"
                     "Call-ID: a84b4c76e66710@pc33.example.com\r\nCSeq: 314159 INVITE\r\n"
                     "Content-Length: 0\r\n\r\n";
  sf_error e;
  CHECK_STATUS(sf_parse_str(full, 0, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_validate(&msg, 0, &e), SF_SIP_OK);

  const char *nomf = "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n"
                     "To: <sip:bob@example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\n"
                     "Call-ID: x\r\nCSeq: 1 INVITE\r\n\r\n";
  CHECK_STATUS(sf_parse_str(nomf, 0, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_validate(&msg, 0, &e), SF_SIP_MISSING_HEADER);
  CHECK_INT(e.offset, strlen(nomf) - 2);
  CHECK_STATUS(sf_sip_validate(&msg, SF_SIP_VALIDATE_RFC2543, &e), SF_SIP_OK);

  const char *resp = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\nTo: <sip:bob@example.com>\r\n"
                     "From: <sip:a@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 BYE\r\n\r\n";
  CHECK_STATUS(sf_parse_str(resp, 0, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_validate(&msg, 0, &e), SF_SIP_OK);

  const char *mism = "BYE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n"
                     "Max-Forwards: 70\r\nTo: <sip:bob@example.com>\r\n"
                     "From: <sip:a@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 bye\r\n\r\n";
  const uint8_t *d = sf_guard_str(mism);
  CHECK_STATUS(sf_sip_parse(d, strlen(mism), 0, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_validate(&msg, 0, &e), SF_SIP_CSEQ_METHOD_MISMATCH);
  CHECK_INT(e.offset, sf_test_offset_of(d, strlen(mism), "bye", 0));

  const char *dup = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\nTo: <sip:bob@example.com>\r\n"
                    "From: <sip:a@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 BYE\r\n"
                    "t: <sip:carol@example.com>\r\n\r\n";
  d = sf_guard_str(dup);
  CHECK_STATUS(sf_sip_parse(d, strlen(dup), 0, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_validate(&msg, 0, &e), SF_SIP_DUPLICATE_HEADER);
  CHECK_INT(e.offset, sf_test_offset_of(d, strlen(dup), "t: <sip:carol", 0));

  /* Equal Content-Length duplicates frame unambiguously but are still a
   * duplicate single-value header. */
  const char *dupcl = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\nTo: <sip:b@example.com>\r\n"
                      "From: <sip:a@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 BYE\r\n"
                      "l: 0\r\nContent-Length: 0\r\n\r\n";
  d = sf_guard_str(dupcl);
  CHECK_STATUS(sf_sip_parse(d, strlen(dupcl), SF_SIP_STREAM, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_validate(&msg, 0, &e), SF_SIP_DUPLICATE_HEADER);
  CHECK_INT(e.offset, sf_test_offset_of(d, strlen(dupcl), "Content-Length", 0));
}

static void test_print(void) {
  const char *in = "\r\nINVITE  <sip:bob@example.com>  SIP/2.0\n"
                   "v: SIP/2.0/UDP h\r\n ;branch=z9hG4bK1\n"
                   "X-Odd :  a\r\n\tb  \nl:3\n\nabcXX";
  const char *want = "INVITE sip:bob@example.com SIP/2.0\r\n"
                     "Via: SIP/2.0/UDP h ;branch=z9hG4bK1\r\n"
                     "X-Odd: a\tb\r\n"
                     "Content-Length: 3\r\n\r\nabc";
  unsigned flags = SF_SIP_ALLOW_LF | SF_SIP_ALLOW_EXTRA_SP | SF_SIP_ALLOW_ANGLE_RURI;
  CHECK_STATUS(sf_parse_str(in, flags, &msg, NULL), SF_SIP_OK);
  size_t bound = sf_sip_print_bound(&msg);
  uint8_t *out = malloc(bound);
  size_t n = 0;
  CHECK_STATUS(sf_sip_print(&msg, out, bound, &n), SF_SIP_OK);
  CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)want, strlen(want));
  CHECK(n <= bound);
  CHECK_STATUS(sf_sip_print(&msg, out, n - 1, &n), SF_SIP_BUFFER_TOO_SMALL);
  /* The print parses strictly, to the same structure. */
  CHECK_STATUS(sf_parse_str(want, 0, &msg, NULL), SF_SIP_OK);
  CHECK_INT(msg.header_count, 3);
  CHECK_INT(msg.warnings, 0);

  const char *resp = "SIP/2.0 180 Ringing\r\nContent-Length: 0\r\n\r\n";
  CHECK_STATUS(sf_parse_str(resp, 0, &msg, NULL), SF_SIP_OK);
  CHECK_STATUS(sf_sip_print(&msg, out, bound, &n), SF_SIP_OK);
  CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)resp, strlen(resp));
  free(out);
}

static void test_unfold_and_split(void) {
  uint8_t buf[32];
  size_t n = 0;
  const uint8_t *d = sf_guard_str("a\r\nb\n\tc\r\n d");
  CHECK_STATUS(sf_sip_unfold(sf_slice_make(d, 11), buf, sizeof buf, &n), SF_SIP_OK);
  CHECK_BYTES(sf_slice_make(buf, n), (const uint8_t *)"a\r\nb\tc d", 8);
  CHECK_STATUS(sf_sip_unfold(sf_slice_make(d, 11), buf, 3, &n), SF_SIP_BUFFER_TOO_SMALL);

  sf_slice el[SF_SIP_MAX_VALUES];
  sf_error e;
  const char *v = " <sip:a,b@h>;x=\"1,2\" , \"c,d\" <sip:c@h>,\r\n e ";
  d = sf_guard_str(v);
  CHECK_STATUS(sf_sip_split(d, sf_slice_make(d, strlen(v)), el, 8, &n, &e), SF_SIP_OK);
  CHECK_INT(n, 3);
  CHECK_SLICE(el[0], "<sip:a,b@h>;x=\"1,2\"");
  CHECK_SLICE(el[1], "\"c,d\" <sip:c@h>");
  CHECK_SLICE(el[2], "e");
  static const struct {
    const char *v;
    int status;
    const char *at;
    long delta;
  } bad[] = {
      {"a,,b", SF_SIP_EMPTY_VALUE, ",b", 0},      {"a, ", SF_SIP_EMPTY_VALUE, " ", 1},
      {",a", SF_SIP_EMPTY_VALUE, ",", 0},         {"\"a,b", SF_SIP_UNTERMINATED_QUOTE, "b", 1},
      {"<a,b", SF_SIP_UNTERMINATED_ANGLE, "b", 1}, {"a,b,c", SF_SIP_TOO_MANY_VALUES, "c", 0},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    size_t len = strlen(bad[i].v);
    d = sf_guard(bad[i].v, len);
    int rc = sf_sip_split(d, sf_slice_make(d, len), el, 2, &n, &e);
    CHECK_ERROR_AT(bad[i].v, rc, &e, bad[i].status, d, len, bad[i].at, bad[i].delta);
  }
  d = sf_guard_str("  ");
  CHECK_STATUS(sf_sip_split(d, sf_slice_make(d, 2), el, 2, &n, &e), SF_SIP_OK);
  CHECK_INT(n, 0);
}

int main(void) {
  RUN(test_request_lines);
  RUN(test_status_lines);
  RUN(test_utf8_text);
  RUN(test_header_lines);
  RUN(test_header_names);
  RUN(test_too_many_headers);
  RUN(test_framing);
  RUN(test_draft_prefixes);
  RUN(test_draft_structure);
  RUN(test_validate);
  RUN(test_print);
  RUN(test_unfold_and_split);
  return sf_test_finish();
}
