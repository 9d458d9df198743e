/* test_mime_entity.c: sf_mime_parse_entity, a whole MIME entity (header
 * fields, blank line, body) as a decrypted EnvelopedData or the content of
 * an opaque SignedData holds it (RFC 2045 3, RFC 8551 3.1): the draft's own
 * decrypted contents, a multipart entity, and the faults, each input through
 * sf_guard. */
#include "mime_testutil.h"

static int parse(const char *text, unsigned flags, const uint8_t **in, sf_error *err) {
  size_t n = strlen(text);
  *in = sf_guard(text, n);
  return sf_mime_parse_entity(*in, sf_slice_make(*in, n), flags, &mt_tree, err);
}

/* What blob 2 and blob 3 of the draft decrypt to (checked against OpenSSL
 * by tests/test_smime.c and tests/test_sipsec_check.py). */
static void test_draft_contents(void) {
  static const char *const texts[] = {
      "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHello",
      "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHi There",
  };
  static const char *const bodies[] = {"Hello", "Hi There"};
  for (size_t i = 0; i < 2; i++) {
    const uint8_t *in;
    sf_error err;
    CHECK_INT(parse(texts[i], 0, &in, &err), SF_MIME_OK);
    const sf_mime_part *root = &mt_tree.parts[0];
    CHECK_INT(mt_tree.part_count, 1);
    CHECK_INT(root->header_count, 2);
    CHECK_SLICE(mt_tree.headers[0].name, "Content-Type");
    CHECK_SLICE(root->type, "text");
    CHECK_SLICE(root->subtype, "plain");
    CHECK_INT(root->encoding, SF_MIME_ENC_BINARY);
    CHECK_SLICE(root->encoding_text, "binary");
    CHECK_SLICE(root->header_block,
                "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n");
    CHECK_SLICE(root->body, bodies[i]);
    CHECK(root->whole.ptr == in);
    CHECK_INT(mt_tree.warnings, 0);
  }
}

/* An entity that is itself a multipart/signed: what an encrypted signed
 * message decrypts to. Its parts and signed slice are as for a body. */
static void test_multipart_entity(void) {
  const char *text =
      "Content-Type: multipart/signed; boundary=b; micalg=sha-256;\r\n"
      " protocol=\"application/pkcs7-signature\"\r\n"
      "\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
      "--b\r\nContent-Type: application/pkcs7-signature\r\n\r\nSIG\r\n"
      "--b--\r\n";
  const uint8_t *in;
  sf_error err;
  CHECK_INT(parse(text, 0, &in, &err), SF_MIME_OK);
  const sf_mime_part *root = &mt_tree.parts[0];
  CHECK(root->is_signed);
  CHECK_INT(root->child_count, 2);
  CHECK_SLICE(root->signed_content, "Content-Type: text/plain\r\n\r\nhi");
  CHECK_SLICE(mt_tree.parts[root->signature_part].body, "SIG");
  CHECK_SLICE(root->epilogue, "");
}

/* No Content-Type: text/plain by default; no blank line: no body. */
static void test_defaults(void) {
  const uint8_t *in;
  sf_error err;
  CHECK_INT(parse("\r\nplain text", 0, &in, &err), SF_MIME_OK);
  CHECK(!sf_slice_is_present(mt_tree.parts[0].type));
  CHECK_INT(mt_tree.parts[0].header_count, 0);
  CHECK_SLICE(mt_tree.parts[0].body, "plain text");
  CHECK_INT(parse("Content-Type: text/plain\r\n", 0, &in, &err), SF_MIME_OK);
  CHECK(!sf_slice_is_present(mt_tree.parts[0].body));
  CHECK_INT(parse("", 0, &in, &err), SF_MIME_OK);
  CHECK_INT(mt_tree.parts[0].header_count, 0);
}

/* Faults keep their offsets from the entity's first byte; LF-only entities
 * need SF_MIME_ALLOW_LF and report it. */
static void test_faults(void) {
  const uint8_t *in;
  sf_error err;
  const char *dup = "Content-Type: text/plain\r\nContent-Type: text/html\r\n\r\nx";
  CHECK_INT(parse(dup, 0, &in, &err), SF_MIME_DUPLICATE_HEADER);
  CHECK_INT(err.offset, 26);
  CHECK_INT(parse(" folded\r\n\r\nx", 0, &in, &err), SF_MIME_FOLD_WITHOUT_HEADER);
  CHECK_INT(err.offset, 0);
  CHECK_INT(parse("Content-Type: multipart/mixed\r\n\r\nno delimiter", 0, &in, &err),
            SF_MIME_MISSING_BOUNDARY);
  const char *lf = "Content-Type: text/plain\n\nHello";
  CHECK_INT(parse(lf, 0, &in, &err), SF_MIME_BARE_LF);
  CHECK_INT(err.offset, 24);
  CHECK_INT(parse(lf, SF_MIME_ALLOW_LF, &in, &err), SF_MIME_OK);
  CHECK_INT(mt_tree.warnings, SF_MIME_W(LF_LINE_ENDS));
  CHECK_SLICE(mt_tree.parts[0].body, "Hello");
  const char *b64 = "Content-Type: multipart/mixed; boundary=b\r\n"
                    "Content-Transfer-Encoding: base64\r\n\r\n--b\r\n\r\nx\r\n--b--";
  CHECK_INT(parse(b64, 0, &in, &err), SF_MIME_ENCODED_MULTIPART);
}

int main(void) {
  RUN(test_draft_contents);
  RUN(test_multipart_entity);
  RUN(test_defaults);
  RUN(test_faults);
  return sf_test_finish();
}
