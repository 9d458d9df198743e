/* test_mime.c: named cases for every status and tolerance of sf_mime_parse.
 *
 * Each case is the harness's input form (Content-Type value, line end,
 * body) in a guarded buffer, so a read past the body crashes the test. The
 * table reads like a log: name, Content-Type, body, flags, then the expected
 * code and where (offset in the body, or in the Content-Type value), the
 * number of parts and the warnings. */
#include <stdlib.h>

#include "mime_testutil.h"

#define CT_MIXED "multipart/mixed; boundary=b"
#define IN_CT 0
#define IN_BODY 1
#define ANY (-1L)

typedef struct tcase {
  const char *name;
  const char *ct;
  const char *body;
  unsigned flags;
  int want;        /* SF_MIME_* */
  int where;       /* IN_BODY or IN_CT */
  long at;         /* expected offset, or ANY */
  size_t parts;    /* on success: parts in the tree, root included */
  unsigned warnings;
} tcase;

#define LF SF_MIME_ALLOW_LF
#define NOCLOSE SF_MIME_ALLOW_MISSING_CLOSE
#define UNTERM SF_MIME_ALLOW_UNTERMINATED_HEADERS
#define W(x) SF_MIME_W(x)

static const tcase cases[] = {
    /* --- Content-Type and boundary (RFC 2046 5.1.1) --- */
    {"boundary_missing", "multipart/mixed", "--b\r\n\r\n--b--", 0, SF_MIME_MISSING_BOUNDARY, IN_CT, 0, 0, 0},
    {"boundary_empty_quoted", "multipart/mixed; boundary=\"\"", "--\r\n\r\n----", 0, SF_MIME_EMPTY_BOUNDARY, IN_CT, 27, 0, 0},
    {"boundary_empty_unquoted", "multipart/mixed; boundary=", "--\r\n\r\n----", 0, SF_MIME_EMPTY_BOUNDARY, IN_CT, 26, 0, 0},
    {"boundary_empty_unquoted_lws", "multipart/mixed; boundary= ;x=y", "--\r\n\r\n----", 0, SF_MIME_EMPTY_BOUNDARY, IN_CT, 27, 0, 0},
    {"boundary_empty_unquoted_second", "multipart/mixed; boundary=b; Boundary=", "--b\r\n\r\n--b--", 0, SF_MIME_DUPLICATE_PARAM, IN_CT, 29, 0, 0},
    {"boundary_empty_unquoted_not_multipart", "text/plain; boundary=", "x", 0, SF_MIME_BAD_CONTENT_TYPE, IN_CT, 21, 0, 0},
    {"boundary_value_not_token", "multipart/mixed; boundary=@b", "--@b\r\n\r\n--@b--", 0, SF_MIME_BAD_CONTENT_TYPE, IN_CT, 26, 0, 0},
    {"boundary_ends_in_space", "multipart/mixed; boundary=\"a b \"", "--a b \r\n\r\n--a b --", 0, SF_MIME_BOUNDARY_ENDS_IN_SPACE, IN_CT, 30, 0, 0},
    {"boundary_inner_space", "multipart/mixed; boundary=\"a b\"", "--a b\r\n\r\n--a b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"boundary_not_bchar", "multipart/mixed; boundary=a!b", "--a!b\r\n\r\n--a!b--", 0, SF_MIME_BAD_BOUNDARY_CHAR, IN_CT, 27, 0, 0},
    {"boundary_quoted_pair", "multipart/mixed; boundary=\"a\\b\"", "--ab\r\n\r\n--ab--", 0, SF_MIME_BAD_BOUNDARY_CHAR, IN_CT, 28, 0, 0},
    {"boundary_twice", "multipart/mixed; boundary=a; boundary=b", "--a\r\n\r\n--a--", 0, SF_MIME_DUPLICATE_PARAM, IN_CT, 29, 0, 0},
    {"boundary_case_insensitive_name", "Multipart/Mixed; BOUNDARY=b", "--b\r\n\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"boundary_one_char", CT_MIXED, "--b\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"content_type_bad", "multipart", "--b\r\n\r\n--b--", 0, SF_MIME_BAD_CONTENT_TYPE, IN_CT, 9, 0, 0},
    {"not_multipart", "text/plain", "--b\r\nhello", 0, SF_MIME_OK, IN_BODY, 0, 1, 0},

    /* --- Splitting --- */
    {"two_parts", CT_MIXED, "--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 3, 0},
    {"preamble_epilogue", CT_MIXED, "pre\r\n--b\r\n\r\nx\r\n--b--\r\nepi", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"transport_padding", CT_MIXED, "--b \t\r\n\r\nx\r\n--b\t\r\n\r\ny\r\n--b-- \r\n", 0, SF_MIME_OK, IN_BODY, 0, 3, 0},
    {"empty_part", CT_MIXED, "--b\r\n\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"empty_parts_between_delimiters", CT_MIXED, "--b\r\n\r\n--b\r\n\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 3, 0},
    {"adjacent_delimiters", CT_MIXED, "--b\r\n--b\r\n\r\nx\r\n--b--", 0, SF_MIME_ADJACENT_DELIMITERS, IN_BODY, 5, 0, 0},
    {"adjacent_close", CT_MIXED, "--b\r\n--b--", 0, SF_MIME_ADJACENT_DELIMITERS, IN_BODY, 5, 0, 0},
    {"ends_after_dash_boundary", CT_MIXED, "--b", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 3, 0, 0},
    {"ends_after_dash_boundary_later", CT_MIXED, "--b\r\n\r\nx\r\n--b", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 13, 0, 0},
    {"ends_after_dash_boundary_dash", CT_MIXED, "--b\r\n\r\nx\r\n--b-", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 14, 0, 0},
    {"ends_after_dash_boundary_dash_lenient", CT_MIXED, "--b\r\n\r\nx\r\n--b-", NOCLOSE, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 14, 0, 0},
    {"ends_after_padding", CT_MIXED, "--b\r\n\r\nx\r\n--b  ", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 15, 0, 0},
    {"ends_between_cr_lf", CT_MIXED, "--b\r\n\r\nx\r\n--b\r", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 14, 0, 0},
    {"ends_after_close_cr", CT_MIXED, "--b\r\n\r\nx\r\n--b--\r", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 16, 0, 0},
    {"ends_inside_dash_boundary", "multipart/mixed; boundary=abc", "--abc\r\n\r\nx\r\n--ab", 0, SF_MIME_TRUNCATED_DELIMITER, IN_BODY, 16, 0, 0},
    {"ends_mid_part_header", CT_MIXED, "--b\r\nContent-Type: te", 0, SF_MIME_MISSING_CLOSE_DELIMITER, IN_BODY, 21, 0, 0},
    {"ends_mid_part_header_lenient", CT_MIXED, "--b\r\nContent-Type: te", NOCLOSE, SF_MIME_NO_HEADER_END, IN_BODY, 21, 0, 0},
    {"ends_mid_part_header_all", CT_MIXED, "--b\r\nX-Header: te", NOCLOSE | UNTERM, SF_MIME_OK, IN_BODY, 0, 2, W(MISSING_CLOSE) | W(UNTERMINATED_HEADERS)},
    {"ends_mid_header_name", CT_MIXED, "--b\r\nContent-Ty", NOCLOSE, SF_MIME_MISSING_COLON, IN_BODY, 15, 0, 0},
    {"missing_close", CT_MIXED, "--b\r\n\r\nx\r\n", 0, SF_MIME_MISSING_CLOSE_DELIMITER, IN_BODY, 10, 0, 0},
    {"missing_close_lenient", CT_MIXED, "--b\r\n\r\nx\r\n", NOCLOSE, SF_MIME_OK, IN_BODY, 0, 2, W(MISSING_CLOSE)},
    {"empty_body", CT_MIXED, "", 0, SF_MIME_NO_FIRST_DELIMITER, IN_BODY, 0, 0, 0},
    {"no_first_delimiter", CT_MIXED, "hello\r\n-- b\r\n", 0, SF_MIME_NO_FIRST_DELIMITER, IN_BODY, 13, 0, 0},
    {"close_first", CT_MIXED, "pre\r\n--b--", 0, SF_MIME_NO_PARTS, IN_BODY, 5, 0, 0},
    {"boundary_text_inside_part", CT_MIXED, "--b\r\n\r\nsay --b here\r\n--bb\r\n--b-x\r\n--b--x\r\n--b x\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"close_then_garbage_is_content", CT_MIXED, "--b\r\n\r\nx\r\n--b--x", 0, SF_MIME_MISSING_CLOSE_DELIMITER, IN_BODY, 16, 0, 0},
    {"bare_cr_before_dash_is_content", CT_MIXED, "--b\r\n\r\nx\r--b\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},

    /* --- LF-only line ends --- */
    {"lf_body_strict", CT_MIXED, "--b\n\nx\n--b--\n", 0, SF_MIME_BARE_LF, IN_BODY, 3, 0, 0},
    {"lf_body_lenient", CT_MIXED, "--b\nContent-Type: text/plain\n\nx\n--b--\n", LF, SF_MIME_OK, IN_BODY, 0, 2, W(LF_LINE_ENDS)},
    {"lf_before_delimiter_strict", CT_MIXED, "--b\r\n\r\nx\n--b--", 0, SF_MIME_BARE_LF, IN_BODY, 8, 0, 0},
    {"lf_after_delimiter_strict", CT_MIXED, "--b\r\n\r\nx\r\n--b\n\r\ny\r\n--b--", 0, SF_MIME_BARE_LF, IN_BODY, 13, 0, 0},
    {"lf_in_header_strict", CT_MIXED, "--b\r\nX: y\n\r\n\r\n--b--", 0, SF_MIME_BARE_LF, IN_BODY, 9, 0, 0},
    {"lf_inside_binary_body_is_content", CT_MIXED, "--b\r\n\r\na\nb\n-- b\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},

    /* --- Part headers --- */
    {"headers_only_part", CT_MIXED, "--b\r\nContent-Type: text/plain\r\n\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"unterminated_header", CT_MIXED, "--b\r\nContent-Type: text/plain\r\n--b--", 0, SF_MIME_NO_HEADER_END, IN_BODY, 29, 0, 0},
    {"unterminated_header_lenient", CT_MIXED, "--b\r\nContent-Type: text/plain\r\n--b--", UNTERM, SF_MIME_OK, IN_BODY, 0, 2, W(UNTERMINATED_HEADERS)},
    {"first_header_line_folded", CT_MIXED, "--b\r\n X: y\r\n\r\nx\r\n--b--", 0, SF_MIME_FOLD_WITHOUT_HEADER, IN_BODY, 5, 0, 0},
    /* Folding is legal and accepted by every parse, and always reported. */
    {"folded_header", CT_MIXED, "--b\r\nContent-Type: text/plain;\r\n charset=utf-8\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, W(FOLDING)},
    {"folded_header_tab_before_value", CT_MIXED, "--b\r\nX-A:\r\n\tv\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, W(FOLDING)},
    {"folded_header_in_nested_part", CT_MIXED, "--b\r\nContent-Type: multipart/mixed;\r\n boundary=c\r\n\r\n--c\r\nX: 1\r\n  2\r\n\r\nz\r\n--c--\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 3, W(FOLDING)},
    {"folded_header_lf", CT_MIXED, "--b\nX: 1\n 2\n\nx\n--b--", LF, SF_MIME_OK, IN_BODY, 0, 2, W(FOLDING) | W(LF_LINE_ENDS)},
    {"header_not_folded", CT_MIXED, "--b\r\nX: 1 2\r\nY:\t3\r\n\r\n x\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"whitespace_only_continuation", CT_MIXED, "--b\r\nX: y\r\n \r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_HEADER_VALUE, IN_BODY, 11, 0, 0},
    {"header_name_empty", CT_MIXED, "--b\r\n: y\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_HEADER_NAME, IN_BODY, 5, 0, 0},
    {"header_space_before_colon", CT_MIXED, "--b\r\nX : y\r\n\r\nx\r\n--b--", 0, SF_MIME_MISSING_COLON, IN_BODY, 6, 0, 0},
    {"header_no_colon", CT_MIXED, "--b\r\nhello\r\n--b--", 0, SF_MIME_MISSING_COLON, IN_BODY, 10, 0, 0},
    {"header_8bit_name", CT_MIXED, "--b\r\nX\xc3\xa9: y\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_HEADER_NAME, IN_BODY, 6, 0, 0},
    {"header_value_control", CT_MIXED, "--b\r\nX: a\x01z\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_HEADER_VALUE, IN_BODY, 9, 0, 0},
    {"header_value_utf8", CT_MIXED, "--b\r\nContent-Description: caf\xc3\xa9\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    /* Bytes above 127 must be UTF-8 (RFC 6532 3.2): the fault is at the
     * first byte that is not part of a well-formed sequence. */
    {"header_value_utf8_4byte", CT_MIXED, "--b\r\nX: \xf0\x9f\x94\x92 \xe2\x82\xac\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"header_value_latin1", CT_MIXED, "--b\r\nContent-Description: caf\xe9\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 29, 0, 0},
    {"header_value_latin1_lenient", CT_MIXED, "--b\r\nContent-Description: caf\xe9\r\n\r\nx\r\n--b--", SF_MIME_ALLOW_NON_UTF8, SF_MIME_OK, IN_BODY, 0, 2, W(NON_UTF8)},
    {"header_value_stray_continuation", CT_MIXED, "--b\r\nX: a\xc3\xa9\xa9\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 11, 0, 0},
    {"header_value_overlong", CT_MIXED, "--b\r\nX: \xc0\xaf\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 8, 0, 0},
    {"header_value_surrogate", CT_MIXED, "--b\r\nX: \xed\xa0\x80\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 8, 0, 0},
    {"header_value_cut_by_line_end", CT_MIXED, "--b\r\nX: a\xe2\x82\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 9, 0, 0},
    {"header_value_cut_by_fold", CT_MIXED, "--b\r\nX: a\xc3\r\n \xa9\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 9, 0, 0},
    {"header_value_cut_by_fold_lenient", CT_MIXED, "--b\r\nX: a\xc3\r\n \xa9\r\n\r\nx\r\n--b--", SF_MIME_ALLOW_NON_UTF8, SF_MIME_OK, IN_BODY, 0, 2, W(NON_UTF8) | W(FOLDING)},
    {"header_value_cut_by_part_end", CT_MIXED, "--b\r\nX: a\xf0\x9f\x94\r\n--b--", UNTERM, SF_MIME_BAD_UTF8, IN_BODY, 9, 0, 0},
    {"header_value_latin1_in_nested_part", CT_MIXED, "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nX: \xff\r\n\r\nz\r\n--c--\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 58, 0, 0},
    {"header_value_latin1_then_control", CT_MIXED, "--b\r\nX: \xe9\x01\r\n\r\nx\r\n--b--", SF_MIME_ALLOW_NON_UTF8, SF_MIME_BAD_HEADER_VALUE, IN_BODY, 9, 0, 0},
    {"content_type_latin1_quoted", CT_MIXED, "--b\r\nContent-Type: text/plain; name=\"\xe9\"\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_UTF8, IN_BODY, 37, 0, 0},
    {"header_bare_cr", CT_MIXED, "--b\r\nX: a\rb\r\n\r\nx\r\n--b--", 0, SF_MIME_BARE_CR, IN_BODY, 9, 0, 0},
    {"duplicate_content_type", CT_MIXED, "--b\r\nContent-Type: text/plain\r\ncontent-type: text/html\r\n\r\nx\r\n--b--", 0, SF_MIME_DUPLICATE_HEADER, IN_BODY, 31, 0, 0},
    {"duplicate_mime_version", CT_MIXED, "--b\r\nMIME-Version: 1.0\r\nMime-Version: 1.0\r\n\r\nx\r\n--b--", 0, SF_MIME_DUPLICATE_HEADER, IN_BODY, 24, 0, 0},
    {"duplicate_unknown_header_ok", CT_MIXED, "--b\r\nX-A: 1\r\nX-A: 2\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"part_content_type_bad", CT_MIXED, "--b\r\nContent-Type: text\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_TYPE, IN_BODY, 23, 0, 0},
    {"part_unquoted_slash_strict", CT_MIXED, "--b\r\nContent-Type: a/b; x=c/d\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_TYPE, IN_BODY, 27, 0, 0},
    {"part_unquoted_slash_lenient", CT_MIXED, "--b\r\nContent-Type: a/b; x=c/d\r\n\r\nx\r\n--b--", SF_MIME_ALLOW_UNQUOTED_SLASH, SF_MIME_OK, IN_BODY, 0, 2, W(UNQUOTED_SLASH)},
    {"cte_bad", CT_MIXED, "--b\r\nContent-Transfer-Encoding: base 64\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_TRANSFER_ENCODING, IN_BODY, 37, 0, 0},
    {"cte_unknown_token_ok", CT_MIXED, "--b\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"disposition_bad", CT_MIXED, "--b\r\nContent-Disposition: attachment; =x\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_DISPOSITION, IN_BODY, 38, 0, 0},
    {"content_id_good", CT_MIXED, "--b\r\nContent-ID: <part1.abc@example.com>\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"content_id_literal", CT_MIXED, "--b\r\nContent-ID: <x@[10.0.0.1]>\r\n\r\nx\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 2, 0},
    {"content_id_no_at", CT_MIXED, "--b\r\nContent-ID: <part1>\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_ID, IN_BODY, 23, 0, 0},
    {"content_id_no_angle", CT_MIXED, "--b\r\nContent-ID: a@b\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_ID, IN_BODY, 17, 0, 0},
    {"content_id_trailing", CT_MIXED, "--b\r\nContent-ID: <a@b> x\r\n\r\nx\r\n--b--", 0, SF_MIME_BAD_CONTENT_ID, IN_BODY, 23, 0, 0},

    /* --- Nesting --- */
    {"nested", CT_MIXED, "--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n\r\nx\r\n--c--\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 3, 0},
    {"nested_reuses_boundary", CT_MIXED, "--b\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\nx\r\n--b--", 0, SF_MIME_BOUNDARY_REUSED, IN_BODY, 51, 0, 0},
    {"nested_base64_multipart", CT_MIXED, "--b\r\nContent-Type: multipart/mixed; boundary=c\r\nContent-Transfer-Encoding: base64\r\n\r\nx\r\n--b--", 0, SF_MIME_ENCODED_MULTIPART, IN_BODY, 75, 0, 0},
    {"nested_headers_only_multipart", CT_MIXED, "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--b--", 0, SF_MIME_NO_FIRST_DELIMITER, IN_BODY, 48, 0, 0},

    /* --- multipart/signed (RFC 1847 2.1) --- */
    {"signed_ok", "multipart/signed; boundary=b; micalg=sha-256; protocol=\"application/pkcs7-signature\"",
     "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/pkcs7-signature\r\n\r\nSIG\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 3, 0},
    {"signed_default_type_matches", "multipart/signed; boundary=b; micalg=sha1; protocol=\"TEXT/Plain\"",
     "--b\r\n\r\nhi\r\n--b\r\n\r\nSIG\r\n--b--", 0, SF_MIME_OK, IN_BODY, 0, 3, 0},
    {"signed_type_mismatch", "multipart/signed; boundary=b; micalg=sha1; protocol=\"application/pkcs7-signature\"",
     "--b\r\n\r\nhi\r\n--b\r\nContent-Type: application/pkcs7-mime\r\n\r\nSIG\r\n--b--", 0, SF_MIME_SIGNATURE_TYPE_MISMATCH, IN_BODY, 30, 0, 0},
    {"signed_type_mismatch_lenient", "multipart/signed; boundary=b; micalg=sha1; protocol=\"application/pkcs7-signature\"",
     "--b\r\n\r\nhi\r\n--b\r\nContent-Type: application/pkcs7-mime\r\n\r\nSIG\r\n--b--", SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH, SF_MIME_OK, IN_BODY, 0, 3, W(SIGNATURE_TYPE_MISMATCH)},
    {"signed_one_part", "multipart/signed; boundary=b; micalg=sha1; protocol=\"text/plain\"",
     "--b\r\n\r\nhi\r\n--b--", 0, SF_MIME_SIGNED_PART_COUNT, IN_BODY, 16, 0, 0},
    {"signed_three_parts", "multipart/signed; boundary=b; micalg=sha1; protocol=\"text/plain\"",
     "--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b\r\n\r\n3\r\n--b--", 0, SF_MIME_SIGNED_PART_COUNT, IN_BODY, 25, 0, 0},
    {"signed_no_protocol", "multipart/signed; boundary=b; micalg=sha1", "--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b--", 0, SF_MIME_SIGNED_MISSING_PROTOCOL, IN_CT, 0, 0, 0},
    {"signed_no_micalg", "multipart/signed; boundary=b; protocol=\"text/plain\"", "--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b--", 0, SF_MIME_SIGNED_MISSING_MICALG, IN_CT, 0, 0, 0},
    {"signed_two_protocols", "multipart/signed; boundary=b; micalg=sha1; protocol=\"a/b\"; protocol=\"c/d\"",
     "--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b--", 0, SF_MIME_DUPLICATE_PARAM, IN_CT, 59, 0, 0},
};

static void run_case(const tcase *c) {
  mt_case m;
  sf_test_current = c->name;
  mt_parse_str(&m, c->ct, c->body, c->flags);
  CHECK_INT(m.rc, c->want);
  CHECK_INT(m.err.code, c->want);
  CHECK(m.err.reason == sf_mime_status_reason(c->want));
  if (m.rc != c->want) {
    fprintf(stderr, "  [%s] got %s at %zu\n", c->name, sf_mime_status_name(m.rc), m.err.offset);
  }
  if (c->want != SF_MIME_OK) {
    if (c->at != ANY) {
      CHECK_INT(c->where == IN_BODY ? mt_body_offset(&m) : (long)m.err.offset, c->at);
    }
    return;
  }
  CHECK_INT(mt_tree.part_count, c->parts);
  CHECK_INT(mt_tree.warnings, c->warnings);
  /* Strictness is monotone: a case that needed no tolerance parses the same
   * way with all of them, and one that used a tolerance fails without it
   * (the SF_MIME_W_ALWAYS warnings need none: strict parses report them). */
  size_t parts = mt_tree.part_count;
  unsigned warnings = mt_tree.warnings;
  mt_parse_str(&m, c->ct, c->body, SF_MIME_LENIENT_ALL);
  CHECK_INT(m.rc, SF_MIME_OK);
  CHECK_INT(mt_tree.part_count, parts);
  CHECK_INT(mt_tree.warnings, warnings);
  mt_parse_str(&m, c->ct, c->body, 0);
  CHECK_INT(m.rc == SF_MIME_OK, (warnings & ~SF_MIME_W_ALWAYS) == 0);
  if (m.rc == SF_MIME_OK) CHECK_INT(mt_tree.warnings, warnings);
}

static void test_table(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
}

/* ---- Cases that check more than the status ------------------------------- */

static void test_slices_of_two_parts(void) {
  mt_case m;
  const char *body = "pre\r\n--b  \r\nContent-Type: text/plain\r\nX-Y: z\r\n\r\none\r\n--b\r\n\r\ntwo\r\n\r\n--b--\r\nepi";
  CHECK_INT(mt_parse_str(&m, CT_MIXED, body, 0), SF_MIME_OK);
  const sf_mime_part *root = &mt_tree.parts[0];
  CHECK_SLICE(root->preamble, "pre");
  CHECK_SLICE(root->epilogue, "epi");
  CHECK_INT(root->child_count, 2);
  const sf_mime_part *a = sf_mime_child(&mt_tree, root, 0);
  const sf_mime_part *b = sf_mime_child(&mt_tree, root, 1);
  CHECK(sf_mime_child(&mt_tree, root, 2) == NULL);
  CHECK_SLICE(a->whole, "Content-Type: text/plain\r\nX-Y: z\r\n\r\none");
  CHECK_SLICE(a->header_block, "Content-Type: text/plain\r\nX-Y: z\r\n");
  CHECK_SLICE(a->body, "one");
  CHECK_SLICE(a->type, "text");
  CHECK_SLICE(a->subtype, "plain");
  CHECK_INT(a->header_count, 2);
  CHECK_SLICE(mt_tree.headers[a->header_first + 1].name, "X-Y");
  CHECK_SLICE(mt_tree.headers[a->header_first + 1].value, "z");
  CHECK_INT(mt_tree.headers[a->header_first].id, SF_MIME_H_CONTENT_TYPE);
  CHECK_INT(mt_tree.headers[a->header_first + 1].id, SF_MIME_H_OTHER);
  /* The CRLF before a delimiter is the delimiter's: "two\r\n" keeps one. */
  CHECK_SLICE(b->whole, "\r\ntwo\r\n");
  CHECK_SLICE(b->header_block, "");
  CHECK_SLICE(b->body, "two\r\n");
  CHECK(!sf_slice_is_present(b->type)); /* default text/plain */
  CHECK_INT(b->encoding, SF_MIME_ENC_7BIT);
  CHECK_INT(a->parent, 0);
  CHECK_INT(a->depth, 1);
}

static void test_empty_and_header_only_parts(void) {
  mt_case m;
  CHECK_INT(mt_parse_str(&m, CT_MIXED, "--b\r\n\r\n--b\r\nX: y\r\n\r\n--b--", 0), SF_MIME_OK);
  const sf_mime_part *e = &mt_tree.parts[1], *h = &mt_tree.parts[2];
  CHECK(sf_slice_is_present(e->whole) && e->whole.len == 0);
  CHECK(!sf_slice_is_present(e->body)); /* no blank line, no body */
  CHECK_SLICE(h->whole, "X: y\r\n");
  CHECK(!sf_slice_is_present(h->body));
  CHECK_INT(h->header_count, 1);
}

static void test_utf8_stops_at_part_end(void) {
  /* A sequence cut by the end of the body is ill-formed even when the
   * caller's buffer goes on with the byte that would complete it: the
   * part ends where the body slice does. */
  static const char body[] = "--b\r\nX: a\xc3\xa9";
  mt_case m;
  mt_parse(&m, CT_MIXED, body, sizeof body - 2, NOCLOSE | UNTERM);
  CHECK_INT(m.rc, SF_MIME_BAD_UTF8);
  CHECK_INT(mt_body_offset(&m), 9);
  mt_parse(&m, CT_MIXED, body, sizeof body - 2, NOCLOSE | UNTERM | SF_MIME_ALLOW_NON_UTF8);
  CHECK_INT(m.rc, SF_MIME_OK);
  CHECK_INT(mt_tree.warnings, W(MISSING_CLOSE) | W(UNTERMINATED_HEADERS) | W(NON_UTF8));
  CHECK_INT(mt_tree.headers[0].value.len, 2);
  /* The whole sequence inside the body is well-formed. */
  mt_parse(&m, CT_MIXED, body, sizeof body - 1, NOCLOSE | UNTERM);
  CHECK_INT(m.rc, SF_MIME_OK);
  CHECK_INT(mt_tree.headers[0].value.len, 3);
}

static void test_folded_value_keeps_fold(void) {
  mt_case m;
  CHECK_INT(mt_parse_str(&m, CT_MIXED,
                         "--b\r\nContent-Type: text/plain;\r\n\tcharset=utf-8  \r\n\r\nx\r\n--b--", 0),
            SF_MIME_OK);
  const sf_mime_header *h = &mt_tree.headers[mt_tree.parts[1].header_first];
  CHECK_SLICE(h->value, "text/plain;\r\n\tcharset=utf-8");
  CHECK_SLICE(mt_tree.parts[1].subtype, "plain");
}

static void test_content_type_detail(void) {
  mt_case m;
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b; x=", "", 0), SF_MIME_BAD_CONTENT_TYPE);
  CHECK_INT(mt_tree.detail, SF_CONTENT_EMPTY_PARAM_VALUE);
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=@", "", 0), SF_MIME_BAD_CONTENT_TYPE);
  CHECK_INT(mt_tree.detail, SF_CONTENT_BAD_PARAM_VALUE);
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=", "", 0), SF_MIME_EMPTY_BOUNDARY);
  CHECK_INT(mt_tree.detail, 0);
  CHECK_INT(mt_parse_str(&m, CT_MIXED, "--b\r\nContent-Disposition: ;\r\n\r\n--b--", 0),
            SF_MIME_BAD_CONTENT_DISPOSITION);
  CHECK_INT(mt_tree.detail, SF_CONTENT_BAD_DISPOSITION);
}

/* boundary lengths 0, 1, 70, 71 and 256 (RFC 2046 5.1.1: 1 to 70). */
static void check_boundary_length(size_t n, int want, long at) {
  char ct[400], body[800];
  char b[300];
  for (size_t i = 0; i < n; i++) b[i] = (char)('a' + i % 26);
  b[n] = '\0';
  snprintf(ct, sizeof ct, "multipart/mixed; boundary=\"%s\"", b);
  snprintf(body, sizeof body, "--%s\r\n\r\nx\r\n--%s--", b, b);
  mt_case m;
  mt_parse_str(&m, ct, body, 0);
  CHECK_INT(m.rc, want);
  if (want != SF_MIME_OK) {
    CHECK_INT((long)m.err.offset, at);
  } else {
    CHECK_INT(mt_tree.parts[0].boundary.len, n);
    CHECK_SLICE(mt_tree.parts[1].body, "x");
  }
}

static void test_boundary_lengths(void) {
  long start = (long)strlen("multipart/mixed; boundary=\"");
  check_boundary_length(0, SF_MIME_EMPTY_BOUNDARY, start);
  check_boundary_length(1, SF_MIME_OK, 0);
  check_boundary_length(70, SF_MIME_OK, 0);
  check_boundary_length(71, SF_MIME_BOUNDARY_TOO_LONG, start + 70);
  check_boundary_length(256, SF_MIME_BOUNDARY_TOO_LONG, start + 70);
}

/* A boundary that is a prefix of a line is content, not a delimiter. */
static void test_boundary_prefix_is_content(void) {
  mt_case m;
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=abc",
                         "--abc\r\n\r\n--abcd\r\n--abc-\r\n--abc--x\r\n--abc--", 0),
            SF_MIME_OK);
  CHECK_INT(mt_tree.part_count, 2);
  CHECK_SLICE(mt_tree.parts[1].body, "--abcd\r\n--abc-\r\n--abc--x");
}

/* nest builds |levels| multiparts one inside the other, boundaries b0, b1... */
static char *nest(size_t levels) {
  size_t cap = 200 * (levels + 1);
  char *s = malloc(cap), *tail = malloc(cap);
  s[0] = tail[0] = '\0';
  size_t n = 0;
  for (size_t i = 1; i < levels; i++) {
    n += (size_t)snprintf(s + n, cap - n, "--b%zu\r\nContent-Type: multipart/mixed; boundary=b%zu\r\n\r\n", i - 1, i);
  }
  n += (size_t)snprintf(s + n, cap - n, "--b%zu\r\n\r\nleaf", levels - 1);
  for (size_t i = levels; i-- > 0;) {
    n += (size_t)snprintf(s + n, cap - n, "\r\n--b%zu--", i);
  }
  free(tail);
  return s;
}

static void test_nesting_limit(void) {
  mt_case m;
  /* SF_MIME_MAX_DEPTH multiparts nest: the deepest one is at depth
   * SF_MIME_MAX_DEPTH - 1 and its leaf at SF_MIME_MAX_DEPTH. */
  char *ok = nest(SF_MIME_MAX_DEPTH);
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b0", ok, 0), SF_MIME_OK);
  CHECK_INT(mt_tree.part_count, SF_MIME_MAX_DEPTH + 1);
  CHECK_INT(mt_tree.parts[mt_tree.part_count - 1].depth, SF_MIME_MAX_DEPTH);
  CHECK_SLICE(mt_tree.parts[mt_tree.part_count - 1].body, "leaf");
  free(ok);
  /* One more level is refused, at the boundary of the multipart too deep. */
  char *deep = nest(SF_MIME_MAX_DEPTH + 1);
  CHECK_INT(mt_parse_str(&m, "multipart/mixed; boundary=b0", deep, 0), SF_MIME_TOO_DEEP);
  char want[16];
  snprintf(want, sizeof want, "b%d\r\n", SF_MIME_MAX_DEPTH);
  CHECK(memcmp(m.buf + m.err.offset, want, strlen(want)) == 0);
  free(deep);
}

static char *many_parts(size_t n) {
  char *s = malloc(16 * n + 16);
  size_t len = 0;
  for (size_t i = 0; i < n; i++) len += (size_t)sprintf(s + len, "--b\r\n\r\n%zu\r\n", i % 10);
  sprintf(s + len, "--b--");
  return s;
}

static void test_parts_per_level(void) {
  mt_case m;
  char *ok = many_parts(SF_MIME_MAX_PARTS_PER_LEVEL);
  CHECK_INT(mt_parse_str(&m, CT_MIXED, ok, 0), SF_MIME_OK);
  CHECK_INT(mt_tree.parts[0].child_count, SF_MIME_MAX_PARTS_PER_LEVEL);
  free(ok);
  char *over = many_parts(SF_MIME_MAX_PARTS_PER_LEVEL + 1);
  CHECK_INT(mt_parse_str(&m, CT_MIXED, over, 0), SF_MIME_TOO_MANY_PARTS);
  CHECK_INT(mt_body_offset(&m), 10 * SF_MIME_MAX_PARTS_PER_LEVEL + 5);
  free(over);
}

static void test_parts_total(void) {
  /* 64 children of 4 parts each: 1 + 64 + 256 parts > SF_MIME_MAX_PARTS. */
  size_t cap = 64 * 120 + 16;
  char *s = malloc(cap);
  size_t n = 0;
  for (int i = 0; i < 64; i++) {
    n += (size_t)snprintf(s + n, cap - n,
                          "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
                          "--c\r\n\r\n--c\r\n\r\n--c\r\n\r\n--c\r\n\r\n--c--\r\n");
  }
  snprintf(s + n, cap - n, "--b--");
  mt_case m;
  CHECK_INT(mt_parse_str(&m, CT_MIXED, s, 0), SF_MIME_TOO_MANY_PARTS_TOTAL);
  CHECK_INT(mt_tree.part_count, SF_MIME_MAX_PARTS);
  free(s);
}

static void test_header_limits(void) {
  size_t cap = 16 * (SF_MIME_MAX_PART_HEADERS + 2) + 32;
  char *s = malloc(cap);
  size_t n = (size_t)snprintf(s, cap, "--b\r\n");
  for (int i = 0; i <= SF_MIME_MAX_PART_HEADERS; i++) n += (size_t)snprintf(s + n, cap - n, "X-%02d: v\r\n", i % 100);
  snprintf(s + n, cap - n, "\r\nx\r\n--b--");
  mt_case m;
  CHECK_INT(mt_parse_str(&m, CT_MIXED, s, 0), SF_MIME_TOO_MANY_HEADERS);
  CHECK_INT(mt_body_offset(&m), 5 + 9 * SF_MIME_MAX_PART_HEADERS);
  free(s);
  /* The tree's limit: parts of SF_MIME_MAX_PART_HEADERS fields each, until
   * the total passes SF_MIME_MAX_HEADERS. */
  size_t per = SF_MIME_MAX_PART_HEADERS, parts = SF_MIME_MAX_HEADERS / per + 1;
  cap = parts * (9 * per + 16) + 16;
  s = malloc(cap);
  n = 0;
  for (size_t p = 0; p < parts; p++) {
    n += (size_t)snprintf(s + n, cap - n, "--b\r\n");
    for (size_t i = 0; i < per; i++) n += (size_t)snprintf(s + n, cap - n, "X-%02zu: v\r\n", i % 100);
    n += (size_t)snprintf(s + n, cap - n, "\r\n");
  }
  snprintf(s + n, cap - n, "--b--");
  CHECK_INT(mt_parse_str(&m, CT_MIXED, s, 0), SF_MIME_TOO_MANY_HEADERS);
  CHECK_INT(mt_tree.header_count, SF_MIME_MAX_HEADERS);
  /* The first field that does not fit: part (SF_MIME_MAX_HEADERS / per),
   * field 0, past "--b" CRLF. */
  CHECK_INT(mt_body_offset(&m), (long)((SF_MIME_MAX_HEADERS / per) * (9 * per + 7) + 5));
  free(s);
}

static void test_signed_slice(void) {
  mt_case m;
  const char *body =
      "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n\r\n--b\r\n"
      "Content-Type: application/pkcs7-signature\r\n\r\nSIG\r\n--b--";
  CHECK_INT(mt_parse_str(&m, "multipart/signed; boundary=b; micalg=sha1; protocol=\"application/pkcs7-signature\"",
                         body, 0),
            SF_MIME_OK);
  const sf_mime_part *root = &mt_tree.parts[0];
  /* The signed bytes keep the part's own trailing CRLF but not the one that
   * starts the delimiter. */
  CHECK_SLICE(root->signed_content, "Content-Type: text/plain\r\n\r\nhi\r\n");
  CHECK_SLICE(mt_tree.parts[root->signature_part].body, "SIG");
  CHECK_SLICE(root->protocol, "\"application/pkcs7-signature\"");
  CHECK_SLICE(root->micalg, "sha1");
}

static void test_names_and_reasons(void) {
  CHECK(strcmp(sf_mime_status_name(SF_MIME_EMPTY_BOUNDARY), "SF_MIME_EMPTY_BOUNDARY") == 0);
  CHECK(strcmp(sf_mime_status_name(SF_MIME_STATUS_COUNT), "?") == 0);
  CHECK(strcmp(sf_mime_status_name(-1), "?") == 0);
  CHECK(strcmp(sf_mime_warning_name(SF_MIME_WB_LF_LINE_ENDS), "SF_MIME_W_LF_LINE_ENDS") == 0);
  CHECK(strcmp(sf_mime_warning_name(SF_MIME_WARNING_COUNT), "?") == 0);
  for (int i = 0; i < SF_MIME_STATUS_COUNT; i++) CHECK(sf_mime_status_reason(i)[0] != '\0');
  for (int i = 0; i < SF_MIME_WARNING_COUNT; i++) CHECK(sf_mime_warning_reason(i)[0] != '\0');
  CHECK_INT(sf_mime_header_id_of(sf_slice_make((const uint8_t *)"content-id", 10)), SF_MIME_H_CONTENT_ID);
  CHECK_INT(sf_mime_header_id_of(sf_slice_make((const uint8_t *)"Content-Idx", 11)), SF_MIME_H_OTHER);
}

/* The crash-corpus shapes of issue #5, as named unit cases. */
static void test_crash_shapes(void) {
  mt_case m;
  CHECK_INT(mt_parse_str(&m, "multipart/mixed;boundary=\"\"", "--\r\n\r\n----\r\n", 0), SF_MIME_EMPTY_BOUNDARY);
  CHECK_INT(mt_parse_str(&m, "multipart/mixed;boundary=", "--\r\n\r\n----\r\n", SF_MIME_LENIENT_ALL),
            SF_MIME_EMPTY_BOUNDARY);
  CHECK_INT(m.err.offset, 25);
  CHECK_INT(mt_parse_str(&m, "multipart/signed;boundary=x;micalg=sha1;protocol=application/pkcs7-signature",
                         "--x\r\n\r\nHello\r\n--x", SF_MIME_LENIENT_ALL),
            SF_MIME_TRUNCATED_DELIMITER);
  CHECK_INT(mt_body_offset(&m), 17);
}

int main(void) {
  RUN(test_table);
  RUN(test_slices_of_two_parts);
  RUN(test_empty_and_header_only_parts);
  RUN(test_utf8_stops_at_part_end);
  RUN(test_folded_value_keeps_fold);
  RUN(test_content_type_detail);
  RUN(test_boundary_lengths);
  RUN(test_boundary_prefix_is_content);
  RUN(test_nesting_limit);
  RUN(test_parts_per_level);
  RUN(test_parts_total);
  RUN(test_header_limits);
  RUN(test_signed_slice);
  RUN(test_names_and_reasons);
  RUN(test_crash_shapes);
  return sf_test_finish();
}
