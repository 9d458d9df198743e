/* test_regressions.c: the expected outcome of every seeded regression input
 * in crashes/ (see crashes/INDEX.tsv), one row each.
 *
 * These inputs are written in the shapes that crashed other SIP, MIME and
 * CMS implementations; scripts/replay runs them through the fuzz targets
 * under ASan+UBSan (no crash), and this test pins the exact verdict the
 * parser gives, so a change in behaviour on any of them is noticed. The test
 * also fails if crashes/INDEX.tsv lists a file with no row here. */
#include <stdlib.h>

#include "sf/cms.h"
#include "sf/mime.h"
#include "sip_test_util.h"

/* How a row's input is parsed: as the target that found it parses it. */
enum parse_kind {
  SIP_DATAGRAM, /* sf_sip_parse, datagram, strict */
  SIP_INTEROP,  /* sf_sip_parse, datagram, SF_SIP_INTEROP (as sipsec-check parses) */
  SIP_URI,      /* sf_sip_parse_uri */
  CMS_BER,      /* sf_cms_parse with the flags of the cms and cms_diff targets */
  CMS_STRICT,   /* sf_cms_parse, strict DER */
  MIME,         /* mime_multipart's input: Content-Type line, then the body; strict */
};
#define CMS_FLAGS (SF_CMS_ALLOW_BER | SF_CMS_ALLOW_DETACHED_ENCRYPTED)

typedef struct {
  const char *file; /* under crashes/ */
  const char *shape;
  enum parse_kind kind;
  int status;
  const char *at; /* marker substring: the error offset is where it starts... */
  long delta;     /* ...plus this (with no marker, for binary input: the offset) */
} regression;

#define SIP(x) SF_SIP_##x
/* clang-format off */
static const regression table[] = {
  {"sip_message/3e0ed187a595f2cc161028c5f36de4b97f08a332", "From URI with no scheme: <//x>",
   SIP_DATAGRAM, SIP(BAD_URI_SCHEME), "//x>", 0},
  {"sip_message/88d85e04775b349460675157e3ae90d7a6b1741d", "quoted display name ending in a lone backslash at the end of the buffer",
   SIP_DATAGRAM, SIP(TRUNCATED), "\\", 1},
  {"sip_message/6f6783f3520f5479a7ef849d70531234c45703b0", "control byte before a header colon",
   SIP_DATAGRAM, SIP(BAD_HEADER_NAME), "\x01", 0},
  {"sip_message/4554eb80d05d1aeab52f05c085c636b33e01513a", "white space before the colon (legal HCOLON)",
   SIP_DATAGRAM, SIP(OK), NULL, 0},
  {"sip_message/405c2314b5b96252c22b9599eedf39f8b6364ac6", "Content-Length above 2^32",
   SIP_DATAGRAM, SIP(CONTENT_LENGTH_OVERFLOW), "4294967296", 0},
  {"sip_message/598e7950c24ea770a2e806e51af8bfd4ef542ee3", "negative Content-Length",
   SIP_DATAGRAM, SIP(NEGATIVE_CONTENT_LENGTH), "Length: -1", 8},
  {"sip_message/71dc83e6a45a6441fcaab8db3069e039ba4b6fbc", "two conflicting Content-Length headers",
   SIP_DATAGRAM, SIP(CONFLICTING_CONTENT_LENGTH), "l: 5", 3},
  {"sip_message/ff567ee29c58165b84cabbcd2884c08dff1731c1", "256-byte From tag",
   SIP_DATAGRAM, SIP(OK), NULL, 0},
  {"sip_message/6db33bc9b6da2a68bba6c83c17232605614cc1ac", "256-byte Via branch",
   SIP_DATAGRAM, SIP(OK), NULL, 0},
  {"sip_message/3a01e2a3dafe97c70db3d8821047aa69621b06c0", "Content-Length past the end, then a Latin-1 header value",
   SIP_INTEROP, SIP(CONTENT_LENGTH_EXCEEDS_BODY), "Length:5", 7},
  {"sip_uri/2ee8ce10a94f0f393d19889c76acbb955ec030ca", "URI ending in %",
   SIP_URI, SIP(BAD_ESCAPE), "%", 0},
  {"sip_uri/20891b03d9d00879672fa4be2f7f58b4a7cf64e7", "URI ending in %4",
   SIP_URI, SIP(BAD_ESCAPE), "%", 0},
  /* sipsec-check (tests/test_sipsec_check.py pins what the tool reports). */
  {"sip_smime/54de4d4f65eba9a15ae16d9816b221cd2059f970", "pkcs7-mime part with header fields and no blank line, LF lines",
   SIP_INTEROP, SIP(OK), NULL, 0},
  /* Hand-written shapes that broke other implementations (issue #5). */
  {"mime_multipart/3f742936ac48800169d4d56fa8b6a5dbd7306933", "multipart whose boundary parameter is empty",
   MIME, SF_MIME_EMPTY_BOUNDARY, NULL, 26},
  {"mime_multipart/26963ff77503a6a2baf7e1cb40187357698c14e0", "multipart body ending right after --boundary",
   MIME, SF_MIME_TRUNCATED_DELIMITER, NULL, 35},
  {"cms/2efd07909f95d84de40ebb8b2bc8f3d734939f2d", "ContentInfo of type signedData with its [0] content missing",
   CMS_STRICT, SF_CMS_MISSING_CONTENT, NULL, 13},
  {"cms/27873892e18a926b6d611d393a7d7844a978e369", "EnvelopedData without encryptedContent",
   CMS_STRICT, SF_CMS_MISSING_ENCRYPTED_CONTENT, NULL, 344},
  {"cms/8c7f1c87194220e8f1641d9dfe789d2a5f9bc76e", "signer whose digest algorithm OID is unknown",
   CMS_STRICT, SF_CMS_UNKNOWN_DIGEST_ALG, NULL, 915},
  {"cms/72b30c7670d1f850c4ad779cc3f10f0d8a002db9", "messageDigest attribute holding an INTEGER",
   CMS_STRICT, SF_CMS_BAD_MESSAGE_DIGEST, NULL, 1000},
  {"cms/0897cab238fec35a3ba5d9075e81a0b44a5b3199", "ContentInfo nested in ContentInfo beyond the depth limit",
   CMS_STRICT, SF_CMS_TOO_DEEP_NESTING, NULL, 84},
  /* CMS: found by fuzzing (see crashes/INDEX.tsv for each story); the
   * verdict our parser gives now, offsets in bytes from the start. */
  {"cms/507c899c6072d562636cac889b2afb76b5d983a7", "DigestedData kept raw holding a primitive [UNIVERSAL 29]",
   CMS_BER, SF_CMS_OK, NULL, 0},
  {"cms/e83d33e45094448b31f838bc79f97f83718c203f", "KEKRecipientInfo kept raw with a non-minimal length inside",
   CMS_BER, SF_CMS_OK, NULL, 0},
  {"cms_diff/216e3489fcb8a1dbb75f06a816b3ce0bf1477ebf", "certificate issuer attribute value with a context-specific tag",
   CMS_BER, SF_CMS_BAD_NAME, NULL, 607},
  {"cms_diff/54978bb5cdf9dbd28d3d49bdb3c63eee4499e6af", "certificates encoded as a primitive [0]",
   CMS_BER, SF_CMS_BAD_FORM, NULL, 54},
  {"cms_diff/77b9beae577d92962e80ca429a0081c42bc3994e", "constructed OCTET STRING segment tagged 00 with a length",
   CMS_BER, SF_CMS_BAD_EOC, NULL, 89},
  {"cms_diff/7d0f66a2cb969ce50ccf81019cc1e8a2feee3b39", "signerInfos encoded as a primitive SET",
   CMS_BER, SF_CMS_BAD_FORM, NULL, 1502},
  {"cms_diff/949dcb375e35390132caca22097b9bb4ced4ba03", "empty BIT STRING claiming 4 unused bits",
   CMS_BER, SF_CMS_BAD_BIT_STRING, NULL, 17},
  {"cms_diff/96170ce21171d5dd0dba89f5ef2514f987cb4ae3", "constructed BIT STRING with no segments as algorithm parameters",
   CMS_BER, SF_CMS_OK, NULL, 0},
  {"cms_diff/a5f7fbdd2883f5a77eb01701d837b26af6e53d30", "EnvelopedData version as an INTEGER with no contents octets",
   CMS_BER, SF_CMS_BAD_INTEGER, NULL, 26},
  {"cms_diff/c67b2da119db17b7d381a2bfd60e4eb31b3bbf2b", "A0 80 00 00 00 00 as the content of an unknown content type",
   CMS_BER, SF_CMS_MISSING_ELEMENT, NULL, 15},
  {"cms_diff/c78e24a61d1e50ba4eefd1d403319148012db887", "Data content as six nested constructed OCTET STRINGs",
   CMS_BER, SF_CMS_TRAILING_DATA, NULL, 253},
  {"cms_diff/c7f501e244f958e9f1a319ce660b735c6526f66b", "subjectKeyIdentifier holding an OCTET STRING and 8 more bytes",
   CMS_BER, SF_CMS_TRAILING_DATA, NULL, 1347},
  {"cms_diff/e191cb0ec783b44733a7636237cb1fdbb90052c1", "Name value of unassigned universal type 15, constructed",
   CMS_BER, SF_CMS_OK, NULL, 0},
  {"cms_diff/ee16db68a6cda3e0b41b0c0bcefb6952b9d3f778", "smimeCapabilities value with a reserved length octet deep inside",
   CMS_BER, SF_CMS_RESERVED_LENGTH, NULL, 978},
  {"cms_diff/eeb1f45a20e2fb8158f35891155acf4fc3238ac3", "BER 00 82 00 00 is not end-of-contents",
   CMS_BER, SF_CMS_BAD_EOC, NULL, 111},
  {"cms_openssl/08a0ba4f8f5c178a6e6f28120e073d4ced11b082", "detached SignedData naming an unknown digest OID (OpenSSL leak)",
   CMS_BER, SF_CMS_OK, NULL, 0},
  {"cms_openssl/dc81b5aca7830a82b9045c90520c6378f159a044", "algorithm parameter read by OpenSSL as an ANY of type EOC",
   CMS_BER, SF_CMS_BAD_EOC, NULL, 70},
  {"cms_openssl/ff8e3c88228e5b149ea5cc154b99706a47926c1f", "30 82 00 00 sorted to the end of a re-encoded SET OF",
   CMS_BER, SF_CMS_BAD_SMIME_CAPABILITIES, NULL, 1127},
};
/* clang-format on */
#define ROWS (sizeof table / sizeof table[0])

static sf_sip_msg msg;

static void check_row(const regression *r) {
  char rel[256];
  snprintf(rel, sizeof rel, "crashes/%s", r->file);
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path(rel), &len);
  if (raw == NULL) return;
  const uint8_t *in = sf_guard(raw, len);
  sf_error err = {0, 0, NULL};
  int got = -1;
  switch (r->kind) {
    case SIP_DATAGRAM:
    case SIP_INTEROP:
      got = sf_sip_parse(in, len, r->kind == SIP_INTEROP ? SF_SIP_INTEROP : 0, &msg, &err);
      break;
    case SIP_URI: {
      static sf_sip_uri uri;
      got = sf_sip_parse_uri(in, sf_slice_make(in, len), 0, &uri, &err);
      break;
    }
    case CMS_BER:
    case CMS_STRICT: {
      static sf_cms cms;
      got = sf_cms_parse(in, len, r->kind == CMS_BER ? CMS_FLAGS : 0, &cms, &err);
      break;
    }
    case MIME: {
      static sf_mime_tree tree;
      const uint8_t *nl = len ? memchr(in, '\n', len) : NULL;
      size_t ct = nl ? (size_t)(nl - in) : len, body = nl ? ct + 1 : len;
      if (ct > 0 && in[ct - 1] == '\r') ct--;
      got = sf_mime_parse(in, sf_slice_make(in, ct), sf_slice_make(in + body, len - body), 0, &tree,
                          &err);
      break;
    }
  }
  sf_test_current = r->shape;
  if (r->kind != SIP_DATAGRAM && r->kind != SIP_INTEROP && r->kind != SIP_URI) {
    const char *(*name)(int) = r->kind == MIME ? sf_mime_status_name : sf_cms_status_name;
    sf_test_checks++;
    if (got != r->status) {
      sf_test_failures++;
      fprintf(stderr, "[%s] %s = %s, want %s\n", r->shape, r->file, name(got), name(r->status));
    }
  } else {
    CHECK_STATUS(got, r->status);
  }
  if (r->status != 0 && got == r->status) {
    CHECK_INT(err.offset, r->at ? sf_test_offset_of(in, len, r->at, r->delta) : (size_t)r->delta);
  }
  free(raw);
}

static void test_every_row(void) {
  for (size_t i = 0; i < ROWS; i++) check_row(&table[i]);
}

/* Every file the index lists has a row here (and the other way round). */
static void test_index_matches_table(void) {
  size_t len = 0;
  uint8_t *idx = sf_read_file(sf_source_path("crashes/INDEX.tsv"), &len);
  if (idx == NULL) return;
  int seen[ROWS] = {0};
  size_t line_start = 0, lines = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && idx[i] != '\n') continue;
    size_t end = i, tab = line_start;
    while (tab < end && idx[tab] != '\t') tab++;
    if (lines++ > 0 && tab > line_start) { /* skip the header line */
      sf_slice file = sf_slice_make(idx + line_start, tab - line_start);
      int found = 0;
      for (size_t r = 0; r < ROWS; r++) {
        if (sf_slice_eq_lit(file, table[r].file)) found = 1, seen[r] = 1;
      }
      sf_test_checks++;
      if (!found) {
        sf_test_failures++;
        fprintf(stderr, "crashes/INDEX.tsv lists %.*s but test_regressions.c has no row for it\n",
                (int)file.len, (const char *)file.ptr);
      }
    }
    line_start = i + 1;
  }
  for (size_t r = 0; r < ROWS; r++) {
    sf_test_checks++;
    if (!seen[r]) {
      sf_test_failures++;
      fprintf(stderr, "row %s is not in crashes/INDEX.tsv\n", table[r].file);
    }
  }
  free(idx);
}

/* The shape behind the lone-backslash row, where it really bites: a quoted
 * display name whose backslash is the very last byte a parser may read. */
static void test_lone_backslash_at_buffer_end(void) {
  static sf_sip_addr addr;
  sf_error err;
  const uint8_t *in = sf_guard_str("\"fluffy\\");
  CHECK_STATUS(sf_sip_parse_addr(in, sf_slice_make(in, 8), &addr, &err), SF_SIP_UNTERMINATED_QUOTE);
  CHECK_INT(err.offset, 8);
}

int main(void) {
  RUN(test_every_row);
  RUN(test_index_matches_table);
  RUN(test_lone_backslash_at_buffer_end);
  return sf_test_finish();
}
