/* test_mime_decode.c: the transfer encodings (sf_mime_decode) and the
 * canonical form (sf_mime_print). Inputs are guarded; outputs go into heap
 * buffers of exactly the capacity passed, so a write past it is caught by
 * AddressSanitizer. */
#include <stdlib.h>

#include "mime_testutil.h"

typedef struct dcase {
  const char *name;
  int encoding;
  const char *in;
  unsigned flags;
  int want;
  long at;          /* error offset in |in| */
  const char *out;  /* on success */
  size_t out_len;   /* strlen(out) unless it holds NUL bytes */
} dcase;

#define B64 SF_MIME_ENC_BASE64
#define QP SF_MIME_ENC_QUOTED_PRINTABLE

static const dcase cases[] = {
    {"b64_hello", B64, "SGVsbG8=", 0, SF_MIME_OK, 0, "Hello", 0},
    {"b64_full_quanta", B64, "SGVsbG8h", 0, SF_MIME_OK, 0, "Hello!", 0},
    {"b64_two_pad", B64, "SGk=", 0, SF_MIME_OK, 0, "Hi", 0},
    {"b64_one_byte", B64, "SA==", 0, SF_MIME_OK, 0, "H", 0},
    {"b64_empty", B64, "", 0, SF_MIME_OK, 0, "", 0},
    {"b64_only_space", B64, " \r\n\t", 0, SF_MIME_OK, 0, "", 0},
    {"b64_whitespace_anywhere", B64, "SG\r\nVs bG\t8\r\n=\r\n", 0, SF_MIME_OK, 0, "Hello", 0},
    {"b64_nul_bytes", B64, "AAEA", 0, SF_MIME_OK, 0, "\0\1\0", 3},
    {"b64_junk", B64, "SGV*sbG8=", 0, SF_MIME_BASE64_BAD_CHAR, 3, NULL, 0},
    {"b64_junk_dash", B64, "SGVs-bG8=", 0, SF_MIME_BASE64_BAD_CHAR, 4, NULL, 0},
    {"b64_missing_padding", B64, "SGVsbG8", 0, SF_MIME_BASE64_BAD_PADDING, 7, NULL, 0},
    {"b64_missing_one_pad", B64, "SA=", 0, SF_MIME_BASE64_BAD_PADDING, 3, NULL, 0},
    {"b64_too_much_padding", B64, "SGVsbG8==", 0, SF_MIME_BASE64_BAD_PADDING, 8, NULL, 0},
    {"b64_pad_too_early", B64, "S===", 0, SF_MIME_BASE64_BAD_PADDING, 1, NULL, 0},
    {"b64_pad_at_start", B64, "====", 0, SF_MIME_BASE64_BAD_PADDING, 0, NULL, 0},
    {"b64_data_after_padding", B64, "QQ==QQ==", 0, SF_MIME_BASE64_BAD_PADDING, 4, NULL, 0},
    {"b64_nonzero_pad_bits_1", B64, "SGVsbG9=", 0, SF_MIME_BASE64_BAD_PADDING, 6, NULL, 0},
    {"b64_nonzero_pad_bits_2", B64, "SB==", 0, SF_MIME_BASE64_BAD_PADDING, 1, NULL, 0},
    {"qp_plain", QP, "hello", 0, SF_MIME_OK, 0, "hello", 0},
    {"qp_escapes", QP, "a=3Db=3db", 0, SF_MIME_OK, 0, "a=b=b", 0},
    {"qp_soft_break", QP, "abc=\r\ndef", 0, SF_MIME_OK, 0, "abcdef", 0},
    {"qp_soft_break_padded", QP, "abc= \t\r\ndef", 0, SF_MIME_OK, 0, "abcdef", 0},
    {"qp_trailing_space_dropped", QP, "abc  \r\ndef\t", 0, SF_MIME_OK, 0, "abc\r\ndef", 0},
    {"qp_encoded_space_kept", QP, "abc=20\r\n", 0, SF_MIME_OK, 0, "abc \r\n", 0},
    {"qp_soft_break_at_end", QP, "abc=", 0, SF_MIME_OK, 0, "abc", 0},
    {"qp_bad_hex", QP, "a=G1", 0, SF_MIME_QP_BAD_ESCAPE, 1, NULL, 0},
    {"qp_short_escape", QP, "a=4", 0, SF_MIME_QP_BAD_ESCAPE, 1, NULL, 0},
    {"qp_short_escape_line", QP, "a=4\r\nb", 0, SF_MIME_QP_BAD_ESCAPE, 1, NULL, 0},
    {"qp_bare_cr", QP, "a\rb", 0, SF_MIME_QP_BAD_LINE_END, 1, NULL, 0},
    {"qp_bare_lf_strict", QP, "a\nb", 0, SF_MIME_QP_BAD_LINE_END, 1, NULL, 0},
    {"qp_bare_lf_lenient", QP, "a=\nb \nc", SF_MIME_ALLOW_LF, SF_MIME_OK, 0, "ab\nc", 0},
    {"identity_7bit", SF_MIME_ENC_7BIT, "a=3D\r\n\x7f", 0, SF_MIME_OK, 0, "a=3D\r\n\x7f", 0},
    /* 8bit: octets above 127 pass through exactly, in any sequence (UTF-8,
     * Latin-1, the extremes); nothing is decoded, "=3D" included. */
    {"identity_8bit", SF_MIME_ENC_8BIT, "caf\xc3\xa9 \x80\xff\xe9=3D\r\n", 0, SF_MIME_OK, 0,
     "caf\xc3\xa9 \x80\xff\xe9=3D\r\n", 0},
    /* 7bit data holds no octet above 127 (RFC 2045 2.7): the first one. */
    {"7bit_with_8bit_octet", SF_MIME_ENC_7BIT, "caf\xc3\xa9", 0, SF_MIME_NOT_7BIT, 3, NULL, 0},
    {"7bit_with_0x80_last", SF_MIME_ENC_7BIT, "abc\x80", 0, SF_MIME_NOT_7BIT, 3, NULL, 0},
    {"identity_binary", SF_MIME_ENC_BINARY, "x\x80\xff", 0, SF_MIME_OK, 0, "x\x80\xff", 0},
    {"unknown", SF_MIME_ENC_OTHER, "abc", 0, SF_MIME_UNKNOWN_ENCODING, 0, NULL, 0},
};

static void run_case(const dcase *c) {
  sf_test_current = c->name;
  size_t in_len = strlen(c->in);
  const uint8_t *in = sf_guard(c->in, in_len);
  sf_slice s = sf_slice_make(in, in_len);
  size_t bound = sf_mime_decoded_bound(c->encoding, in_len);
  uint8_t *out = malloc(bound ? bound : 1);
  size_t out_len = 99;
  sf_error err;
  int rc = sf_mime_decode(in, c->encoding, s, c->flags, out, bound, &out_len, &err);
  CHECK_INT(rc, c->want);
  CHECK_INT(err.code, c->want);
  if (rc != SF_MIME_OK) {
    CHECK_INT((long)err.offset, c->at);
    free(out);
    return;
  }
  size_t want_len = c->out_len ? c->out_len : strlen(c->out);
  CHECK(out_len <= bound);
  CHECK_BYTES(sf_slice_make(out, out_len), (const uint8_t *)c->out, want_len);
  free(out);
  /* One byte short: refused before anything is written past the buffer. */
  if (want_len > 0) {
    uint8_t *small = malloc(want_len - 1 ? want_len - 1 : 1);
    CHECK_INT(sf_mime_decode(in, c->encoding, s, c->flags, small, want_len - 1, &out_len, &err),
              SF_MIME_BUFFER_TOO_SMALL);
    free(small);
  }
}

static void test_decode_table(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
}

static void test_bounds(void) {
  CHECK_INT(sf_mime_decoded_bound(B64, 0), 0);
  CHECK_INT(sf_mime_decoded_bound(B64, 3), 2);
  CHECK_INT(sf_mime_decoded_bound(B64, 4), 3);
  CHECK_INT(sf_mime_decoded_bound(B64, 78), 58);
  CHECK(sf_mime_decoded_bound(B64, (size_t)-1) < (size_t)-1); /* no overflow */
  CHECK_INT(sf_mime_decoded_bound(QP, 10), 10);
  CHECK_INT(sf_mime_decoded_bound(SF_MIME_ENC_BINARY, 10), 10);
}

static void test_encoding_names(void) {
  static const struct {
    const char *token;
    int enc;
  } names[] = {{"7bit", SF_MIME_ENC_7BIT},       {"8BIT", SF_MIME_ENC_8BIT},
               {"Binary", SF_MIME_ENC_BINARY},   {"BASE64", B64},
               {"Quoted-Printable", QP},         {"x-uuencode", SF_MIME_ENC_OTHER},
               {"base6", SF_MIME_ENC_OTHER}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    sf_slice s = sf_slice_make((const uint8_t *)names[i].token, strlen(names[i].token));
    CHECK_INT(sf_mime_encoding_of(s), names[i].enc);
  }
}

/* A part's encoding, read from its header, drives the decoder. */
static void test_decode_parts(void) {
  mt_case m;
  const char *body =
      "--b\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVs\r\nbG8=\r\n"
      "--b\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\ncaf=C3=A9=\r\n!\r\n--b--";
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b", body, 0), SF_MIME_OK);
  uint8_t out[64];
  size_t n = 0;
  sf_error err;
  const sf_mime_part *a = &mt_tree.parts[1], *q = &mt_tree.parts[2];
  CHECK_INT(a->encoding, B64);
  CHECK_INT(sf_mime_decode(m.buf, a->encoding, a->body, 0, out, sizeof out, &n, &err), SF_MIME_OK);
  CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)"Hello", 5);
  CHECK_INT(q->encoding, QP);
  CHECK_INT(sf_mime_decode(m.buf, q->encoding, q->body, 0, out, sizeof out, &n, &err), SF_MIME_OK);
  CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)"caf\xc3\xa9!", 6);
  /* Errors count from the caller's buffer, like every other offset. */
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b", "--b\r\nContent-Transfer-Encoding: base64\r\n\r\nSG!s\r\n--b--", 0),
            SF_MIME_OK);
  a = &mt_tree.parts[1];
  CHECK_INT(sf_mime_decode(m.buf, a->encoding, a->body, 0, out, sizeof out, &n, &err),
            SF_MIME_BASE64_BAD_CHAR);
  CHECK_INT((long)err.offset - (long)m.body_at, 44); /* the '!' */
  /* No Content-Transfer-Encoding means 7bit (RFC 2045 6.1): 8-bit octets
   * are refused at their offset; the caller that wants them decodes the
   * part as 8bit, which copies them exactly. */
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b",
                         "--b\r\nContent-Type: text/plain\r\n\r\ncaf\xc3\xa9\r\n"
                         "--b\r\nContent-Transfer-Encoding: 8bit\r\n\r\ncaf\xc3\xa9\r\n--b--", 0),
            SF_MIME_OK);
  const sf_mime_part *seven = &mt_tree.parts[1], *eight = &mt_tree.parts[2];
  CHECK_INT(seven->encoding, SF_MIME_ENC_7BIT);
  CHECK_INT(sf_mime_decode(m.buf, seven->encoding, seven->body, 0, out, sizeof out, &n, &err),
            SF_MIME_NOT_7BIT);
  CHECK_INT((long)err.offset - (long)m.body_at, 36); /* the 0xC3 */
  CHECK_INT(sf_mime_decode(m.buf, SF_MIME_ENC_8BIT, seven->body, 0, out, sizeof out, &n, &err),
            SF_MIME_OK);
  CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)"caf\xc3\xa9", 5);
  CHECK_INT(eight->encoding, SF_MIME_ENC_8BIT);
  CHECK_INT(sf_mime_decode(m.buf, eight->encoding, eight->body, 0, out, sizeof out, &n, &err),
            SF_MIME_OK);
  CHECK_BYTES(sf_slice_make(out, n), (const uint8_t *)"caf\xc3\xa9", 5);
}

/* ---- Canonical form ------------------------------------------------------- */

static uint8_t *print_part(size_t index, size_t *len) {
  size_t bound = sf_mime_print_bound(&mt_tree, index);
  uint8_t *out = malloc(bound ? bound : 1);
  CHECK_INT(sf_mime_print(&mt_tree, index, out, bound, len), SF_MIME_OK);
  return out;
}

static void check_print(const char *ct, const char *body, unsigned flags, const char *want) {
  mt_case m;
  CHECK_INT(mt_parse_str(&m, ct, body, flags), SF_MIME_OK);
  size_t len = 0;
  uint8_t *out = print_part(0, &len);
  CHECK_BYTES(sf_slice_make(out, len), (const uint8_t *)want, strlen(want));
  /* Printing the canonical form again changes nothing. */
  CHECK_INT(mt_parse(&m, ct, out, len, flags), SF_MIME_OK);
  size_t len2 = 0;
  uint8_t *again = print_part(0, &len2);
  CHECK_BYTES(sf_slice_make(again, len2), out, len);
  free(again);
  free(out);
}

static void test_print(void) {
  check_print("multipart/mixed; boundary=b", "pre\r\n--b  \r\n\r\nx\r\n--b\t\r\nA: b\r\n\r\ny\r\n--b-- \r\nepi", 0,
              "pre\r\n--b\r\n\r\nx\r\n--b\r\nA: b\r\n\r\ny\r\n--b--\r\nepi");
  check_print("multipart/mixed; boundary=b", "--b\n\nx\n--b--", SF_MIME_ALLOW_LF, "--b\r\n\nx\r\n--b--");
  check_print("multipart/mixed; boundary=b", "--b\r\n\r\nx", SF_MIME_ALLOW_MISSING_CLOSE, "--b\r\n\r\nx\r\n--b--");
  check_print("multipart/mixed; boundary=b",
              "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c \r\n\r\nz\r\n--c--\r\n--b--", 0,
              "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n\r\nz\r\n--c--\r\n--b--");
  check_print("text/plain", "just text\r\n", 0, "just text\r\n");
  /* A buffer one byte short of the output is refused, and not overrun. */
  mt_case m;
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b", "--b\n\nx\n--b--", SF_MIME_ALLOW_LF),
            SF_MIME_OK);
  size_t len = 0, n = 0;
  uint8_t *full = print_part(0, &len);
  uint8_t *small = malloc(len - 1);
  CHECK_INT(sf_mime_print(&mt_tree, 0, small, len - 1, &n), SF_MIME_BUFFER_TOO_SMALL);
  CHECK_INT(sf_mime_print(&mt_tree, mt_tree.part_count, full, len, &n), SF_MIME_BUFFER_TOO_SMALL);
  free(small);
  free(full);
}

int main(void) {
  RUN(test_decode_table);
  RUN(test_bounds);
  RUN(test_encoding_names);
  RUN(test_decode_parts);
  RUN(test_print);
  return sf_test_finish();
}
