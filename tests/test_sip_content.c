/* test_sip_content.c: the shared Content-Type / Content-Disposition /
 * Content-Transfer-Encoding parser (parsers/content/) as SIP uses it:
 * LWS around '/', ';' and '=', quoted and token values, the draft's
 * unquoted protocol= (strict rejects, SF_CONTENT_ALLOW_UNQUOTED_SLASH
 * accepts with a warning), and every error code with its offset. */
#include "sf/content.h"
#include "testlib.h"

static sf_content_type ct;

typedef struct {
  const char *in;
  unsigned flags;
  int status;
  long at; /* expected offset in |in|; -1 means the end */
} type_case;

static void test_type_cases(void) {
  static const type_case cases[] = {
      {"text/plain", 0, SF_CONTENT_OK, 0},
      {" text / plain ; charset = \"utf-8\" ", 0, SF_CONTENT_OK, 0},
      {"application/pkcs7-mime;smime-type=enveloped-data;name=smime.p7m", 0, SF_CONTENT_OK, 0},
      {"multipart/signed;protocol=\"application/pkcs7-signature\"", 0, SF_CONTENT_OK, 0},
      {"multipart/signed;protocol=application/pkcs7-signature", 0, SF_CONTENT_UNQUOTED_TSPECIAL, 37},
      {"multipart/signed;protocol=application/pkcs7-signature",
       SF_CONTENT_ALLOW_UNQUOTED_SLASH, SF_CONTENT_OK, 0},
      {"text/plain;a=\"x\r\n y\"", 0, SF_CONTENT_OK, 0},
      {"", 0, SF_CONTENT_EMPTY, -1},
      {"  ", 0, SF_CONTENT_EMPTY, -1},
      {"text", 0, SF_CONTENT_MISSING_SLASH, -1},
      {"/plain", 0, SF_CONTENT_BAD_TYPE, 0},
      {"text/", 0, SF_CONTENT_BAD_SUBTYPE, -1},
      {"text/plain;", 0, SF_CONTENT_BAD_PARAM_NAME, -1},
      {"text/plain;;a=b", 0, SF_CONTENT_BAD_PARAM_NAME, 11},
      {"text/plain;a", 0, SF_CONTENT_MISSING_EQUALS, -1},
      {"text/plain;a=", 0, SF_CONTENT_EMPTY_PARAM_VALUE, -1},
      {"text/plain;a= ;b=c", 0, SF_CONTENT_EMPTY_PARAM_VALUE, 14},
      {"text/plain;a=@", 0, SF_CONTENT_BAD_PARAM_VALUE, 13},
      {"text/plain;a=,b", 0, SF_CONTENT_BAD_PARAM_VALUE, 13},
      {"text/plain;a=\"x", 0, SF_CONTENT_UNTERMINATED_QUOTE, -1},
      {"text/plain;a=\"\x01\"", 0, SF_CONTENT_BAD_QUOTED_CHAR, 14},
      {"text/plain;a=\"x\r\ny\"", 0, SF_CONTENT_BAD_QUOTED_CHAR, 15},
      {"text/plain x", 0, SF_CONTENT_TRAILING_GARBAGE, 11},
      {"text/plain;a=b c", 0, SF_CONTENT_TRAILING_GARBAGE, 15},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len = strlen(cases[i].in);
    const uint8_t *d = sf_guard(cases[i].in, len);
    sf_error e = {0, 0, NULL};
    int rc = sf_content_parse_type(d, sf_slice_make(d, len), cases[i].flags, &ct, &e);
    if (rc != cases[i].status) fprintf(stderr, "case \"%s\": %s\n", cases[i].in, sf_content_status_name(rc));
    CHECK_INT(rc, cases[i].status);
    if (cases[i].status != SF_CONTENT_OK) {
      CHECK_INT(e.offset, cases[i].at < 0 ? (long)len : cases[i].at);
      CHECK(e.reason == sf_content_status_reason(cases[i].status));
    }
  }
}

static void test_type_structure(void) {
  const char *s = " multipart/signed ;\r\n boundary=151aa2144df0f6bd;micalg=sha1;"
                  "protocol=application/pkcs7-signature";
  const uint8_t *d = sf_guard_str(s);
  CHECK_INT(sf_content_parse_type(d, sf_slice_make(d, strlen(s)), SF_CONTENT_ALLOW_UNQUOTED_SLASH,
                                  &ct, NULL),
            SF_CONTENT_OK);
  CHECK(sf_content_type_is(&ct, "MULTIPART", "Signed"));
  CHECK_INT(ct.params.count, 3);
  CHECK_INT(ct.warnings, SF_CONTENT_W_UNQUOTED_SLASH);
  const sf_content_param *p = sf_content_find_param(&ct.params, "PROTOCOL");
  CHECK(p != NULL);
  if (p) {
    CHECK_SLICE(p->value, "application/pkcs7-signature");
    CHECK(!p->quoted);
  }
  /* Quoted values keep their quotes; sf_content_unquote gives the text. */
  s = "text/plain;name=\"a \\\"b\\\"\r\n c\"";
  d = sf_guard_str(s);
  CHECK_INT(sf_content_parse_type(d, sf_slice_make(d, strlen(s)), 0, &ct, NULL), SF_CONTENT_OK);
  CHECK_INT(ct.warnings, 0);
  CHECK(ct.params.items[0].quoted);
  CHECK_SLICE(ct.params.items[0].value, "\"a \\\"b\\\"\r\n c\"");
  uint8_t buf[32];
  size_t n = 0;
  CHECK_INT(sf_content_unquote(ct.params.items[0].value, buf, sizeof buf, &n), SF_CONTENT_OK);
  CHECK_BYTES(sf_slice_make(buf, n), (const uint8_t *)"a \"b\" c", 7);
  CHECK_INT(sf_content_unquote(ct.params.items[0].value, buf, 3, &n), SF_CONTENT_BUFFER_TOO_SMALL);

  /* The parameter limit. */
  char big[600];
  size_t len = (size_t)snprintf(big, sizeof big, "a/b");
  for (int i = 0; i < SF_CONTENT_MAX_PARAMS; i++) len += (size_t)snprintf(big + len, sizeof big - len, ";p=1");
  d = sf_guard(big, len);
  CHECK_INT(sf_content_parse_type(d, sf_slice_make(d, len), 0, &ct, NULL), SF_CONTENT_OK);
  CHECK_INT(ct.params.count, SF_CONTENT_MAX_PARAMS);
  len += (size_t)snprintf(big + len, sizeof big - len, ";q=2");
  d = sf_guard(big, len);
  sf_error e;
  CHECK_INT(sf_content_parse_type(d, sf_slice_make(d, len), 0, &ct, &e), SF_CONTENT_TOO_MANY_PARAMS);
  CHECK_INT(e.offset, len - 3);
}

static void test_disposition_and_encoding(void) {
  sf_content_disposition cd;
  const char *s = "attachment;handling=required;filename=smime.p7s";
  const uint8_t *d = sf_guard_str(s);
  CHECK_INT(sf_content_parse_disposition(d, sf_slice_make(d, strlen(s)), 0, &cd, NULL),
            SF_CONTENT_OK);
  CHECK_SLICE(cd.type, "attachment");
  CHECK_INT(cd.params.count, 2);
  sf_error e;
  d = sf_guard_str(";a=b");
  CHECK_INT(sf_content_parse_disposition(d, sf_slice_make(d, 4), 0, &cd, &e),
            SF_CONTENT_BAD_DISPOSITION);
  CHECK_INT(e.offset, 0);
  d = sf_guard_str(" ");
  CHECK_INT(sf_content_parse_disposition(d, sf_slice_make(d, 1), 0, &cd, &e), SF_CONTENT_EMPTY);

  sf_slice enc;
  d = sf_guard_str(" binary ");
  CHECK_INT(sf_content_parse_encoding(d, sf_slice_make(d, 8), &enc, NULL), SF_CONTENT_OK);
  CHECK_SLICE(enc, "binary");
  d = sf_guard_str("bin ary");
  CHECK_INT(sf_content_parse_encoding(d, sf_slice_make(d, 7), &enc, &e), SF_CONTENT_TRAILING_GARBAGE);
  CHECK_INT(e.offset, 4);
  d = sf_guard_str("/");
  CHECK_INT(sf_content_parse_encoding(d, sf_slice_make(d, 1), &enc, &e), SF_CONTENT_BAD_ENCODING);
  d = sf_guard_str("");
  CHECK_INT(sf_content_parse_encoding(d, sf_slice_make(d, 0), &enc, &e), SF_CONTENT_EMPTY);
  CHECK(strcmp(sf_content_status_name(SF_CONTENT_EMPTY), "SF_CONTENT_EMPTY") == 0);
  CHECK(strcmp(sf_content_status_name(99), "?") == 0);
}

int main(void) {
  RUN(test_type_cases);
  RUN(test_type_structure);
  RUN(test_disposition_and_encoding);
  return sf_test_finish();
}
