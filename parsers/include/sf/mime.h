/* sf/mime.h: MIME entities and multipart bodies (RFC 2045, RFC 2046 5.1),
 * multipart/signed (RFC 1847 2.1, RFC 3851 3.4.3) and the content transfer
 * encodings (RFC 2045 6).
 *
 * Contract (sf/common.h): input is never written, never read outside its
 * bounds, never assumed to end in NUL; results are slices into it; nothing
 * is allocated and every count has a named limit below; a failure returns a
 * status code from SF_MIME_STATUS_LIST and fills an sf_error with the byte
 * offset (from |base|, the start of the caller's buffer) and the fixed
 * reason. Each byte of a body is scanned once per nesting level, so time is
 * at most SF_MIME_MAX_DEPTH times linear in the body size.
 *
 * sf_mime_parse() turns a Content-Type value and a body into a tree of parts
 * (sf_mime_tree): the root is the entity the body belongs to; a multipart
 * part has its children split at its boundary, their header fields parsed,
 * and its preamble and epilogue kept as slices; a multipart/signed part also
 * gives the exact bytes its signature covers. sf_mime_decode() undoes a
 * part's Content-Transfer-Encoding into a buffer the caller supplies, and
 * sf_mime_print() writes a multipart body back in canonical form. */
#ifndef SF_MIME_H
#define SF_MIME_H

#include "sf/common.h"
#include "sf/content.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Named limits ------------------------------------------------------ */

/* A boundary is 1 to 70 bchars (RFC 2046 5.1.1). */
#define SF_MIME_MAX_BOUNDARY 70
/* Multipart entities nested inside each other: the root counts as depth 0,
 * its children as depth 1; a multipart at depth SF_MIME_MAX_DEPTH may not
 * have children (SF_MIME_TOO_DEEP). S/MIME over SIP needs 2 or 3. */
#define SF_MIME_MAX_DEPTH 16
/* Children of one multipart entity. */
#define SF_MIME_MAX_PARTS_PER_LEVEL 64
/* Parts of the whole tree, the root included. */
#define SF_MIME_MAX_PARTS 256
/* Header fields of one part, and of the whole tree. */
#define SF_MIME_MAX_PART_HEADERS 64
#define SF_MIME_MAX_HEADERS 1024

/* SF_MIME_NONE marks "no part" in the index fields of sf_mime_part. */
#define SF_MIME_NONE ((size_t)-1)

/* ---- Status codes: the one list for enum, names and reasons ------------- */

#define SF_MIME_STATUS_LIST(X)                                                                   \
  X(OK, "parsed")                                                                                \
  X(BAD_CONTENT_TYPE, "the Content-Type value is not type/subtype *(;parameter) (see detail)")   \
  X(BAD_CONTENT_DISPOSITION, "the Content-Disposition value is malformed (see detail)")          \
  X(BAD_CONTENT_TRANSFER_ENCODING, "the Content-Transfer-Encoding value is not one token")        \
  X(BAD_CONTENT_ID, "the Content-ID is not a msg-id \"<\" id-left \"@\" id-right \">\"")        \
  X(DUPLICATE_HEADER, "a part repeats a known Content-* or MIME-Version field (once each)")   \
  X(DUPLICATE_PARAM, "a second boundary, protocol or micalg parameter")                          \
  X(MISSING_BOUNDARY, "a multipart Content-Type has no boundary parameter")                      \
  X(EMPTY_BOUNDARY, "the boundary parameter is empty")                                           \
  X(BOUNDARY_TOO_LONG, "the boundary is longer than 70 characters (RFC 2046 5.1.1)")            \
  X(BAD_BOUNDARY_CHAR, "the boundary holds a character outside bchars (RFC 2046 5.1.1)")         \
  X(BOUNDARY_ENDS_IN_SPACE, "the boundary ends in a space (RFC 2046 5.1.1)")                     \
  X(BOUNDARY_REUSED, "a nested multipart uses the boundary of an enclosing one")                 \
  X(ENCODED_MULTIPART, "a multipart part has a transfer encoding other than 7bit, 8bit, binary")  \
  X(TOO_DEEP, "multipart nesting deeper than SF_MIME_MAX_DEPTH")                                 \
  X(NO_FIRST_DELIMITER, "the body has no line \"--boundary\" that starts the first part")        \
  X(NO_PARTS, "the close delimiter comes before any part")                                       \
  X(TRUNCATED_DELIMITER, "the body ends inside a delimiter line")                                \
  X(MISSING_CLOSE_DELIMITER, "the body ends without the close delimiter \"--boundary--\"")        \
  X(ADJACENT_DELIMITERS, "a delimiter line directly follows another: an empty part needs a CRLF") \
  X(BARE_LF, "a line ends in a bare LF where CRLF is required (SF_MIME_ALLOW_LF accepts it)")     \
  X(BARE_CR, "a CR that is not followed by LF in a header line")                                 \
  X(FOLD_WITHOUT_HEADER, "a part's first header line starts with white space")                   \
  X(BAD_HEADER_NAME, "a header name is empty or not printable US-ASCII")                         \
  X(MISSING_COLON, "a header line has no ':' right after its name")                              \
  X(BAD_HEADER_VALUE, "a header value contains a control character")                             \
  X(BAD_UTF8, "a header value holds bytes that are not UTF-8 (RFC 6532 3.2; SF_MIME_ALLOW_NON_UTF8)") \
  X(NO_HEADER_END, "a part ends inside a header line (no line end, no blank line)")              \
  X(TOO_MANY_HEADERS, "more header fields than SF_MIME_MAX_PART_HEADERS or SF_MIME_MAX_HEADERS")  \
  X(TOO_MANY_PARTS, "more children of one multipart than SF_MIME_MAX_PARTS_PER_LEVEL")           \
  X(TOO_MANY_PARTS_TOTAL, "more parts in the tree than SF_MIME_MAX_PARTS")                       \
  X(SIGNED_PART_COUNT, "a multipart/signed does not have exactly two parts (RFC 1847 2.1)")      \
  X(SIGNED_MISSING_PROTOCOL, "a multipart/signed has no protocol parameter (RFC 1847 2.1)")      \
  X(SIGNED_MISSING_MICALG, "a multipart/signed has no micalg parameter (RFC 1847 2.1)")          \
  X(SIGNATURE_TYPE_MISMATCH, "the signature part's type differs from the protocol parameter")    \
  X(UNKNOWN_ENCODING, "the transfer encoding is not 7bit, 8bit, binary, base64 or quoted-printable") \
  X(NOT_7BIT, "a 7bit part (the default) holds an octet above 127 (RFC 2045 2.7); 8bit allows it") \
  X(BASE64_BAD_CHAR, "a character outside the base64 alphabet and white space")                  \
  X(BASE64_BAD_PADDING, "base64 padding is missing, misplaced, followed by data, or pads non-zero bits") \
  X(QP_BAD_ESCAPE, "a quoted-printable '=' is followed by neither two hex digits nor a line end") \
  X(QP_BAD_LINE_END, "a bare CR, or a bare LF without SF_MIME_ALLOW_LF, in quoted-printable")     \
  X(BUFFER_TOO_SMALL, "the caller's output buffer is too small")

enum sf_mime_status {
#define SF_X(name, reason) SF_MIME_##name,
  SF_MIME_STATUS_LIST(SF_X)
#undef SF_X
  SF_MIME_STATUS_COUNT
};

const char *sf_mime_status_name(int code);   /* "SF_MIME_EMPTY_BOUNDARY"; "?" if unknown */
const char *sf_mime_status_reason(int code); /* the fixed sentence above */

/* ---- Leniency flags (opt-in; strict by default) ------------------------- */

enum {
  /* Accept protocol=application/pkcs7-signature (or any parameter value with
   * '/') unquoted, as the draft's messages send it (maps to
   * SF_CONTENT_ALLOW_UNQUOTED_SLASH). Cost: none known; the value ends where
   * the quoted form would. */
  SF_MIME_ALLOW_UNQUOTED_SLASH = 1u << 0,
  /* Accept bare LF as a line end in delimiter lines and part headers, and in
   * quoted-printable. Cost: a peer that only splits on CRLF sees different
   * parts, so the signed bytes may differ between signer and verifier. */
  SF_MIME_ALLOW_LF = 1u << 1,
  /* Accept a body that ends without its close delimiter: the last part runs
   * to the end of the body. Cost: a truncated message parses, and its last
   * part is shorter than the sender wrote. */
  SF_MIME_ALLOW_MISSING_CLOSE = 1u << 2,
  /* Accept a multipart/signed whose signature part's type is not the
   * protocol parameter (the draft labels its signature
   * application/pkcs7-mime under protocol=application/pkcs7-signature).
   * Cost: the caller must pick the verifier by the protocol, not the part. */
  SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH = 1u << 3,
  /* Accept a part whose last header line has no line end (the part ends
   * right before the next delimiter's CRLF): the field is kept and the part
   * has no body. Cost: a reader that needs the CRLF treats that line as body. */
  SF_MIME_ALLOW_UNTERMINATED_HEADERS = 1u << 4,
  /* Accept header values whose bytes above 127 are not well-formed UTF-8
   * (Latin-1, say); RFC 6532 allows UTF-8 there and nothing else. The
   * bytes are kept as sent. Cost: readers that decode the text disagree on
   * what it says, and one that replaces bad bytes changes the value. */
  SF_MIME_ALLOW_NON_UTF8 = 1u << 5,
};

/* SF_MIME_INTEROP is what real S/MIME-over-SIP traffic (and every message of
 * the draft) needs; SF_MIME_LENIENT_ALL is every tolerance. */
#define SF_MIME_INTEROP                                                            \
  (SF_MIME_ALLOW_UNQUOTED_SLASH | SF_MIME_ALLOW_LF | SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH | \
   SF_MIME_ALLOW_NON_UTF8)
#define SF_MIME_LENIENT_ALL                                                    \
  (SF_MIME_ALLOW_UNQUOTED_SLASH | SF_MIME_ALLOW_LF | SF_MIME_ALLOW_MISSING_CLOSE | \
   SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH | SF_MIME_ALLOW_UNTERMINATED_HEADERS |   \
   SF_MIME_ALLOW_NON_UTF8)

/* Warnings: bits of sf_mime_tree.warnings, one per tolerance that was used.
 * A flag's warning is reported exactly when the strict parse of the same
 * input would have failed because of it. The warnings in SF_MIME_W_ALWAYS
 * have no flag: what they report is legal and accepted by every parse,
 * strict included, but readers have handled it differently, so a caller
 * is always told. */
#define SF_MIME_WARNING_LIST(X)                                                              \
  X(UNQUOTED_SLASH, "an unquoted parameter value with '/' was accepted")                     \
  X(LF_LINE_ENDS, "bare LF line ends were accepted (SF_MIME_ALLOW_LF)")                      \
  X(MISSING_CLOSE, "the body has no close delimiter; the last part runs to its end")         \
  X(SIGNATURE_TYPE_MISMATCH, "the signature part's type is not the protocol parameter")      \
  X(UNTERMINATED_HEADERS, "a part's last header line had no line end")                       \
  X(FOLDING, "a part's header field was folded over several lines (RFC 5322 2.2.3)")         \
  X(NON_UTF8, "header value bytes that are not UTF-8 were accepted (SF_MIME_ALLOW_NON_UTF8)")

enum sf_mime_warning_bit {
#define SF_X(name, reason) SF_MIME_WB_##name,
  SF_MIME_WARNING_LIST(SF_X)
#undef SF_X
  SF_MIME_WARNING_COUNT
};
#define SF_MIME_W(name) (1u << SF_MIME_WB_##name)

/* The warnings no flag enables (see above): reported by strict parses too. */
#define SF_MIME_W_ALWAYS SF_MIME_W(FOLDING)

const char *sf_mime_warning_name(int bit);   /* "SF_MIME_W_LF_LINE_ENDS" */
const char *sf_mime_warning_reason(int bit);

/* ---- Header fields of a part --------------------------------------------- */

#define SF_MIME_HEADER_LIST(X)                                \
  X(OTHER, "")                                                \
  X(CONTENT_TYPE, "Content-Type")                             \
  X(CONTENT_DISPOSITION, "Content-Disposition")               \
  X(CONTENT_TRANSFER_ENCODING, "Content-Transfer-Encoding")   \
  X(CONTENT_ID, "Content-ID")                                 \
  X(CONTENT_DESCRIPTION, "Content-Description")               \
  X(MIME_VERSION, "MIME-Version")

enum sf_mime_header_id {
#define SF_X(id, name) SF_MIME_H_##id,
  SF_MIME_HEADER_LIST(SF_X)
#undef SF_X
  SF_MIME_H_COUNT
};

/* sf_mime_header_id_of maps a header name (any case) to its id;
 * SF_MIME_H_OTHER if it is none of the above. */
int sf_mime_header_id_of(sf_slice name);

typedef struct sf_mime_header {
  sf_slice name;  /* as written */
  sf_slice value; /* first to last non-white byte after the colon; folded
                     line breaks stay inside */
  int id;         /* enum sf_mime_header_id */
} sf_mime_header;

/* Content-Transfer-Encoding (RFC 2045 6.1). An absent field means 7bit. */
enum sf_mime_encoding {
  SF_MIME_ENC_7BIT,
  SF_MIME_ENC_8BIT,
  SF_MIME_ENC_BINARY,
  SF_MIME_ENC_BASE64,
  SF_MIME_ENC_QUOTED_PRINTABLE,
  SF_MIME_ENC_OTHER, /* x-token or unknown: sf_mime_decode refuses it */
};

/* ---- The tree ------------------------------------------------------------ */

/* sf_mime_part is one entity. For the root, |whole| and |body| are the body
 * given to sf_mime_parse and there are no header fields (they are the
 * caller's: SIP headers, say). For a child:
 *
 *   whole = the bytes between the line end of one delimiter line and the
 *           CRLF that starts the next delimiter (that CRLF belongs to the
 *           delimiter, RFC 2046 5.1.1);
 *   header_block = the header lines with their line ends, without the blank
 *           line; empty if the part starts with the blank line;
 *   body  = what follows the blank line; absent when the part has no blank
 *           line (RFC 2046 allows a body part of header fields only, or of
 *           nothing at all).
 *
 * Raw parameter values (boundary, protocol, micalg) are as written: a
 * quoted-string keeps its quotes (sf_content_unquote gives the text). */
typedef struct sf_mime_part {
  size_t parent;      /* index of the enclosing multipart; SF_MIME_NONE for the root */
  unsigned depth;     /* 0 for the root */
  sf_slice whole;
  sf_slice header_block;
  sf_slice body;
  size_t header_first; /* its header fields are tree.headers[header_first ..] */
  size_t header_count;

  /* Content-Type; absent when the part has none, in which case RFC 2046 5.1
   * says text/plain (message/rfc822 inside multipart/digest). */
  sf_slice content_type; /* the raw value */
  sf_slice type, subtype;
  /* Content-Transfer-Encoding: the token as written (absent: 7bit). */
  int encoding; /* enum sf_mime_encoding */
  sf_slice encoding_text;
  /* Content-Disposition: the raw value and its disposition type. */
  sf_slice disposition;
  sf_slice disposition_type;
  /* Content-ID: the msg-id with its < >. */
  sf_slice content_id;

  /* Multipart only (is_multipart = type "multipart", any subtype). */
  int is_multipart;
  sf_slice boundary_param; /* raw parameter value, quotes included */
  sf_slice boundary;       /* the boundary text: never has quotes or escapes */
  sf_slice preamble;       /* absent when the body starts with the dash-boundary */
  sf_slice epilogue;       /* absent when nothing (not even CRLF) follows the close delimiter */
  size_t first_child;      /* children are parts[first_child .. +child_count) */
  size_t child_count;

  /* multipart/signed only (RFC 1847 2.1, RFC 3851 3.4.3). */
  int is_signed;
  sf_slice protocol; /* raw parameter values */
  sf_slice micalg;
  /* signed_content: the bytes the signature covers, the first part's header
   * lines, blank line and body, without the CRLF before the next delimiter
   * (equal to that part's |whole|). */
  sf_slice signed_content;
  size_t signed_part;    /* index of the first child */
  size_t signature_part; /* index of the second child */
} sf_mime_part;

/* sf_mime_tree: every part, in breadth-first order (the root is parts[0];
 * the children of any part are contiguous and in body order), and the header
 * fields of all parts. About 180 KB: callers usually keep one and reuse it. */
typedef struct sf_mime_tree {
  sf_mime_part parts[SF_MIME_MAX_PARTS];
  size_t part_count;
  sf_mime_header headers[SF_MIME_MAX_HEADERS];
  size_t header_count;
  unsigned warnings; /* SF_MIME_W(...) bits */
  /* detail: for SF_MIME_BAD_CONTENT_TYPE and SF_MIME_BAD_CONTENT_DISPOSITION,
   * the SF_CONTENT_* status that says what was wrong; 0 otherwise. */
  int detail;
} sf_mime_tree;

/* sf_mime_parse parses |body| as an entity of type |content_type| (a
 * Content-Type header value; absent means text/plain). Both slices must lie
 * in the caller's buffer that starts at |base| (a SIP message, say), and
 * error offsets count from |base|. A non-multipart type gives a tree of one
 * part. |flags| is a combination of SF_MIME_ALLOW_* (or SF_MIME_INTEROP).
 * Returns SF_MIME_OK and fills |out|, or the status code with |err| filled
 * (|out| then holds what was parsed so far, for diagnostics only). */
int sf_mime_parse(const uint8_t *base, sf_slice content_type, sf_slice body, unsigned flags,
                  sf_mime_tree *out, sf_error *err);

/* sf_mime_parse_entity parses |entity| as a whole MIME entity: its header
 * fields, the blank line and its body (RFC 2045 3, the form a decrypted
 * S/MIME EnvelopedData or the eContent of an opaque SignedData takes, RFC
 * 8551 3.1). The root part is then like any child of a multipart: |whole| is
 * the entity, |header_block| its header lines, |body| what follows the blank
 * line (absent without one), and its Content-* fields are its own (no
 * Content-Type: text/plain). |entity| must lie in the buffer at |base|.
 * Returns and fills as sf_mime_parse. */
int sf_mime_parse_entity(const uint8_t *base, sf_slice entity, unsigned flags, sf_mime_tree *out,
                         sf_error *err);

/* sf_mime_child returns the |i|-th child of part |p|, or NULL. */
const sf_mime_part *sf_mime_child(const sf_mime_tree *t, const sf_mime_part *p, size_t i);

/* ---- Transfer encodings --------------------------------------------------- */

/* sf_mime_encoding_of maps a Content-Transfer-Encoding token (any case) to
 * enum sf_mime_encoding. */
int sf_mime_encoding_of(sf_slice token);

/* sf_mime_decoded_bound returns a size that always holds the decoded form of
 * |encoded_len| bytes in |encoding|: encoded_len for the identity encodings
 * and quoted-printable, floor(3 * encoded_len / 4) for base64. */
size_t sf_mime_decoded_bound(int encoding, size_t encoded_len);

/* sf_mime_decode writes the decoded form of |in| (a slice of the buffer at
 * |base|; error offsets count from there) into |out|, at most |cap| bytes,
 * and its length into |*out_len|. 7bit, 8bit and binary are copied as they
 * are, except that 7bit data holding an octet above 127 is SF_MIME_NOT_7BIT
 * at that octet (RFC 2045 2.7; decode as 8bit to take such data). base64 (RFC 2045 6.8, RFC 4648 4) skips SP, HT, CR and LF anywhere;
 * any other byte outside the alphabet is SF_MIME_BASE64_BAD_CHAR, and
 * missing or misplaced '=' or non-zero pad bits SF_MIME_BASE64_BAD_PADDING,
 * at the offending offset. quoted-printable (RFC 2045 6.7) decodes =XX (hex
 * digits of either case), drops soft line breaks and the white space at the
 * end of each line, and keeps other line ends as they are; |flags| may hold
 * SF_MIME_ALLOW_LF. Nothing is written past |cap|: running out is
 * SF_MIME_BUFFER_TOO_SMALL; sf_mime_decoded_bound() bytes always suffice. */
int sf_mime_decode(const uint8_t *base, int encoding, sf_slice in, unsigned flags, uint8_t *out,
                   size_t cap, size_t *out_len, sf_error *err);

/* ---- Canonical form ------------------------------------------------------- */

/* sf_mime_print writes the body of part |index| in canonical form: for a
 * multipart, [preamble CRLF] then "--boundary" CRLF before each child and
 * CRLF "--boundary--" after the last, [CRLF epilogue], without transport
 * padding and with CRLF line ends in delimiter lines; each child is written
 * as its header block and blank line as they were, then its own body, in
 * canonical form when it is a multipart, as it was otherwise. A leaf's body
 * is written as it was. Parsing the result with the same Content-Type gives
 * the same parts. sf_mime_print_bound(t, index) bytes always suffice;
 * otherwise SF_MIME_BUFFER_TOO_SMALL. */
size_t sf_mime_print_bound(const sf_mime_tree *t, size_t index);
int sf_mime_print(const sf_mime_tree *t, size_t index, uint8_t *out, size_t cap, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* SF_MIME_H */
