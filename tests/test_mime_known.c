/* test_mime_known.c: known answers from the draft (draft-jennings-sip-sec-
 * flows-02, later RFC 6216) and RFC 4475.
 *
 * The signed slice of message 5.1 must be byte for byte
 * cms/blob1-signed-content.bin (SHA-1 da23800f1eb9e195cc7e553d49aec17ad599da2b,
 * the messageDigest the signature carries) and its signature part's body
 * cms/blob1-signed.der: 1252 bytes, where a parser that keeps the CR before
 * the close delimiter gets 1253. Message 5.3 gives blob4-signed-content.bin
 * (SHA-1 58ed12dd68189996f94c814ca651bd84a8baf36a), blob3 and blob4.
 *
 * The body and the Content-Type are located here by hand (the first blank
 * line; the "Content-Type:" line), independently of the SIP parser; one
 * test then checks that the SIP parser frames the same body and value. */
#include <stdlib.h>

#include "mime_testutil.h"
#include "sf/sip.h"

typedef struct draft_msg {
  uint8_t *raw;
  size_t len;
  const uint8_t *buf; /* guarded copy */
  sf_slice ct, body;
} draft_msg;

static size_t find(const uint8_t *p, size_t len, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = 0; i + n <= len; i++) {
    if (memcmp(p + i, needle, n) == 0) return i;
  }
  return (size_t)-1;
}

/* load reads a message and locates its Content-Type value and body. */
static int load(const char *rel, draft_msg *m) {
  m->raw = sf_read_file(sf_source_path(rel), &m->len);
  if (m->raw == NULL) return 0;
  m->buf = sf_guard(m->raw, m->len);
  size_t blank = find(m->buf, m->len, "\r\n\r\n");
  size_t ct = find(m->buf, m->len, "\r\nContent-Type: ");
  CHECK(blank != (size_t)-1 && ct != (size_t)-1 && ct < blank);
  if (blank == (size_t)-1 || ct == (size_t)-1) return 0;
  ct += strlen("\r\nContent-Type: ");
  size_t ct_end = ct + find(m->buf + ct, m->len - ct, "\r\n");
  m->ct = sf_slice_make(m->buf + ct, ct_end - ct);
  m->body = sf_slice_make(m->buf + blank + 4, m->len - blank - 4);
  return 1;
}

static int read_data(const char *rel, uint8_t **out, size_t *len) {
  *out = sf_read_file(sf_source_path(rel), len);
  return *out != NULL;
}

/* The tolerances the draft needs, and no more. */
#define DRAFT_FLAGS (SF_MIME_ALLOW_UNQUOTED_SLASH | SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH)

static void check_signed_message(const char *msg, const char *content_bin, const char *first_body,
                                 const char *second_body, const char *boundary) {
  draft_msg m;
  if (!load(msg, &m)) return;
  sf_error err;
  int rc = sf_mime_parse(m.buf, m.ct, m.body, DRAFT_FLAGS, &mt_tree, &err);
  CHECK_INT(rc, SF_MIME_OK);
  if (rc != SF_MIME_OK) {
    fprintf(stderr, "  %s at %zu: %s\n", sf_mime_status_name(rc), err.offset, err.reason);
    free(m.raw);
    return;
  }
  CHECK_INT(mt_tree.warnings, SF_MIME_W(UNQUOTED_SLASH) | SF_MIME_W(SIGNATURE_TYPE_MISMATCH));
  CHECK_INT(mt_tree.part_count, 3);
  const sf_mime_part *root = &mt_tree.parts[0];
  CHECK(root->is_multipart && root->is_signed);
  CHECK_SLICE(root->boundary, boundary);
  CHECK_SLICE(root->protocol, "application/pkcs7-signature");
  CHECK_SLICE(root->micalg, "sha1");
  CHECK(!sf_slice_is_present(root->preamble));
  CHECK(!sf_slice_is_present(root->epilogue)); /* the body ends at "--" */
  CHECK_INT(root->signed_part, 1);
  CHECK_INT(root->signature_part, 2);

  uint8_t *want = NULL;
  size_t want_len = 0;
  if (read_data(content_bin, &want, &want_len)) {
    CHECK_BYTES(root->signed_content, want, want_len);
    free(want);
  }
  /* The signed slice ends exactly where the next delimiter's CRLF starts. */
  const uint8_t *after = root->signed_content.ptr + root->signed_content.len;
  CHECK(after[0] == '\r' && after[1] == '\n' && after[2] == '-' && after[3] == '-');

  const sf_mime_part *first = &mt_tree.parts[1], *second = &mt_tree.parts[2];
  CHECK_INT(first->encoding, SF_MIME_ENC_BINARY);
  CHECK_INT(second->encoding, SF_MIME_ENC_BINARY);
  CHECK_SLICE(second->type, "application");
  CHECK_SLICE(second->subtype, "pkcs7-mime");
  CHECK_SLICE(second->disposition_type, "attachment");
  if (first_body[0] == '=') {
    CHECK_SLICE(first->body, first_body + 1);
  } else if (read_data(first_body, &want, &want_len)) {
    CHECK_BYTES(first->body, want, want_len);
    free(want);
  }
  if (read_data(second_body, &want, &want_len)) {
    CHECK_BYTES(second->body, want, want_len);
    CHECK_INT(second->body.len, 1252); /* not 1253: the CR before "--" is the delimiter's */
    free(want);
  }
  /* Decoding a binary part gives it back unchanged. */
  uint8_t *dec = malloc(second->body.len);
  size_t dec_len = 0;
  CHECK_INT(sf_mime_decode(m.buf, second->encoding, second->body, DRAFT_FLAGS, dec,
                           second->body.len, &dec_len, &err),
            SF_MIME_OK);
  CHECK_INT(dec_len, second->body.len);
  free(dec);
  free(m.raw);
}

static void test_5_1_signed_slice_and_signature(void) {
  check_signed_message("tests/data/draft/messages/5.1-message-signed.sip",
                       "tests/data/draft/cms/blob1-signed-content.bin", "=Hello",
                       "tests/data/draft/cms/blob1-signed.der", "151aa2144df0f6bd");
}

static void test_5_3_signed_slice_and_parts(void) {
  check_signed_message("tests/data/draft/messages/5.3-message-encrypted-signed.sip",
                       "tests/data/draft/cms/blob4-signed-content.bin",
                       "tests/data/draft/cms/blob3-enveloped.der",
                       "tests/data/draft/cms/blob4-signed.der", "1af019eb7754ddf7");
}

/* Strict parsing refuses the draft, each tolerance by its own code. */
static void test_draft_needs_its_two_tolerances(void) {
  draft_msg m;
  if (!load("tests/data/draft/messages/5.1-message-signed.sip", &m)) return;
  sf_error err;
  size_t slash = find(m.buf, m.len, "application/pkcs7-signature") + strlen("application");
  CHECK_INT(sf_mime_parse(m.buf, m.ct, m.body, 0, &mt_tree, &err), SF_MIME_BAD_CONTENT_TYPE);
  CHECK_INT(mt_tree.detail, SF_CONTENT_UNQUOTED_TSPECIAL);
  CHECK_INT(err.offset, slash);
  size_t sig_ct = find(m.buf, m.len, "application/pkcs7-mime");
  CHECK_INT(sf_mime_parse(m.buf, m.ct, m.body, SF_MIME_ALLOW_UNQUOTED_SLASH, &mt_tree, &err),
            SF_MIME_SIGNATURE_TYPE_MISMATCH);
  CHECK_INT(err.offset, sig_ct);
  CHECK_INT(sf_mime_parse(m.buf, m.ct, m.body, SF_MIME_INTEROP, &mt_tree, &err), SF_MIME_OK);
  free(m.raw);
}

/* expected_prefix_code says what a body cut after |k| bytes must give: the
 * body is "--b" CRLF part CRLF "--b" CRLF part CRLF "--b--". */
static int expected_prefix_code(const uint8_t *body, size_t blen, size_t k) {
  if (k == 0) return SF_MIME_NO_FIRST_DELIMITER;
  if (k < 2 + blen + 2) return SF_MIME_TRUNCATED_DELIMITER; /* inside the first line */
  /* The last line break before the cut: is what follows it a prefix of a
   * delimiter line? */
  for (size_t i = k; i-- > 2 + blen + 2;) {
    if (body[i] != '\n') continue;
    size_t rest = k - (i + 1);
    if (rest == 0) return SF_MIME_MISSING_CLOSE_DELIMITER;
    /* "--" boundary and at most CR, or "-": the line may still become one. */
    const uint8_t *line = body + i + 1;
    size_t full = 2 + blen;
    if (rest <= full + 2 && memcmp(line, "--", rest < 2 ? rest : 2) == 0 &&
        (rest <= 2 || memcmp(line + 2, body + 2, (rest < full ? rest : full) - 2) == 0)) {
      return SF_MIME_TRUNCATED_DELIMITER;
    }
    return SF_MIME_MISSING_CLOSE_DELIMITER;
  }
  return SF_MIME_MISSING_CLOSE_DELIMITER;
}

static void check_every_prefix(const char *msg, size_t blen) {
  draft_msg m;
  if (!load(msg, &m)) return;
  uint8_t *body = malloc(m.body.len);
  memcpy(body, m.body.ptr, m.body.len);
  char ct[256];
  CHECK(m.ct.len < sizeof ct);
  memcpy(ct, m.ct.ptr, m.ct.len);
  ct[m.ct.len] = '\0';
  int failures_before = sf_test_failures;
  mt_case c;
  for (size_t k = 0; k < m.body.len; k++) {
    mt_parse(&c, ct, body, k, DRAFT_FLAGS);
    CHECK_INT(c.rc, expected_prefix_code(body, blen, k));
    /* A cut body is reported at its end, where parsing stopped. */
    if (c.rc != SF_MIME_OK) CHECK_INT(mt_body_offset(&c), (long)k);
    /* With every tolerance a cut is accepted only as a missing close. */
    mt_parse(&c, ct, body, k, SF_MIME_LENIENT_ALL);
    CHECK(c.rc != SF_MIME_OK || (mt_tree.warnings & SF_MIME_W(MISSING_CLOSE)));
    if (sf_test_failures > failures_before + 8) break; /* keep the log readable */
  }
  CHECK_INT(mt_parse(&c, ct, body, m.body.len, DRAFT_FLAGS), SF_MIME_OK);
  free(body);
  free(m.raw);
}

static void test_every_truncated_prefix_5_1(void) {
  check_every_prefix("tests/data/draft/messages/5.1-message-signed.sip", 16);
}

static void test_every_truncated_prefix_5_3(void) {
  check_every_prefix("tests/data/draft/messages/5.3-message-encrypted-signed.sip", 16);
}

/* End to end: the SIP parser frames the same Content-Type value and body,
 * and the signed slice it leads to is the same bytes. */
static void check_through_sip(const char *msg, const char *content_bin) {
  draft_msg m;
  if (!load(msg, &m)) return;
  static sf_sip_msg sip;
  sf_error err;
  CHECK_INT(sf_sip_parse(m.buf, m.len, SF_SIP_INTEROP, &sip, &err), SF_SIP_OK);
  size_t index = 0;
  const sf_sip_header *ct = sf_sip_find(&sip, SF_SIP_H_CONTENT_TYPE, 0, &index);
  CHECK(ct != NULL);
  if (ct == NULL) {
    free(m.raw);
    return;
  }
  CHECK(ct->value.ptr == m.ct.ptr && ct->value.len == m.ct.len);
  CHECK(sip.body.ptr == m.body.ptr && sip.body.len == m.body.len);
  CHECK_INT(sf_mime_parse(m.buf, ct->value, sip.body, DRAFT_FLAGS, &mt_tree, &err), SF_MIME_OK);
  uint8_t *want = NULL;
  size_t want_len = 0;
  if (read_data(content_bin, &want, &want_len)) {
    CHECK_BYTES(mt_tree.parts[0].signed_content, want, want_len);
    free(want);
  }
  free(m.raw);
}

static void test_through_the_sip_parser(void) {
  check_through_sip("tests/data/draft/messages/5.1-message-signed.sip",
                    "tests/data/draft/cms/blob1-signed-content.bin");
  check_through_sip("tests/data/draft/messages/5.3-message-encrypted-signed.sip",
                    "tests/data/draft/cms/blob4-signed-content.bin");
}

/* RFC 4475 3.1.1.11: multipart/mixed with a binary part holding NUL bytes. */
static void test_rfc4475_mpart01(void) {
  draft_msg m;
  if (!load("tests/data/rfc4475/messages/mpart01.dat", &m)) return;
  sf_error err;
  int rc = sf_mime_parse(m.buf, m.ct, m.body, 0, &mt_tree, &err);
  CHECK_INT(rc, SF_MIME_OK);
  if (rc != SF_MIME_OK) {
    fprintf(stderr, "  %s at %zu\n", sf_mime_status_name(rc), err.offset);
    free(m.raw);
    return;
  }
  CHECK_INT(mt_tree.warnings, 0);
  CHECK_INT(mt_tree.part_count, 3);
  const sf_mime_part *root = &mt_tree.parts[0];
  CHECK_SLICE(root->subtype, "mixed");
  CHECK_SLICE(root->boundary, "7a9cbec02ceef655");
  CHECK(sf_slice_is_present(root->epilogue) && root->epilogue.len == 0); /* "--b--" CRLF */
  CHECK_SLICE(mt_tree.parts[1].body, "Hello");
  CHECK_SLICE(mt_tree.parts[2].type, "application");
  CHECK_SLICE(mt_tree.parts[2].subtype, "octet-stream");
  const sf_mime_part *bin = &mt_tree.parts[2];
  CHECK(memchr(bin->body.ptr, 0, bin->body.len) != NULL); /* the NUL bytes are kept */
  CHECK(bin->body.ptr + bin->body.len + 2 + 2 + 16 + 2 + 2 == m.buf + m.len);
  free(m.raw);
}

int main(void) {
  RUN(test_5_1_signed_slice_and_signature);
  RUN(test_5_3_signed_slice_and_parts);
  RUN(test_draft_needs_its_two_tolerances);
  RUN(test_every_truncated_prefix_5_1);
  RUN(test_every_truncated_prefix_5_3);
  RUN(test_rfc4475_mpart01);
  RUN(test_through_the_sip_parser);
  return sf_test_finish();
}
