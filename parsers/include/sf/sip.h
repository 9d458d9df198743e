/* sf/sip.h: SIP messages, header fields and URIs (RFC 3261 sections 7, 19.1,
 * 20 and 25).
 *
 * Contract (sf/common.h): input is never written, never read outside its
 * bounds, never assumed to end in NUL; results are slices into it; nothing
 * is allocated and every count has a named limit below; a failure returns a
 * status code from SF_SIP_STATUS_LIST and fills an sf_error with the byte
 * offset (from the start of the buffer given to the top-level call) and the
 * fixed reason. Time is linear in the input.
 *
 * Two levels:
 *   - sf_sip_parse() frames and checks a whole message: start line, every
 *     header field (each header this file knows is parsed structurally, so a
 *     malformed From or Via rejects the message), and the body by
 *     Content-Length;
 *   - the sf_sip_parse_*() functions give the structure of one value, for
 *     callers that want it (and for the harnesses), from the same code.
 * sf_sip_validate() is a separate, semantic step (missing or duplicated
 * headers, CSeq method mismatch): those faults are not syntax errors. */
#ifndef SF_SIP_H
#define SF_SIP_H

#include "sf/common.h"
#include "sf/content.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Named limits ------------------------------------------------------ */

/* Header fields per message (a field is one "name: value" line with its
 * continuation lines). RFC 4475's longreq, the longest test, has 43. */
#define SF_SIP_MAX_HEADERS 256
/* Parameters of one URI, or of one header value (Via, From/To/Contact...). */
#define SF_SIP_MAX_PARAMS 32
/* "?name=value&..." headers of one URI. */
#define SF_SIP_MAX_URI_HEADERS 16
/* Comma-separated values of one header field, as split by sf_sip_split. */
#define SF_SIP_MAX_VALUES 64
/* Nesting of comments "( ( ) )" in User-Agent / Server values. */
#define SF_SIP_MAX_COMMENT_DEPTH 8

/* ---- Status codes: the one list for enum, names and reasons ------------- */

#define SF_SIP_STATUS_LIST(X)                                                                  \
  X(OK, "parsed")                                                                              \
  X(INCOMPLETE, "the message is not complete: more bytes are needed (stream transport)")       \
  X(TRUNCATED, "the datagram ends before the blank line that ends the header fields")          \
  X(EMPTY, "no message: the input is empty or holds only line breaks")                         \
  X(BAD_LINE_END, "a line ends in a bare CR or LF where CRLF is required")                     \
  X(BAD_METHOD, "the request method is not a token")                                           \
  X(BAD_START_LINE, "the start line is neither a Request-Line nor a Status-Line")             \
  X(EXTRA_WHITESPACE, "start-line elements must be separated by exactly one SP")               \
  X(BAD_VERSION, "the SIP-Version is not of the form SIP/digits.digits")                      \
  X(UNSUPPORTED_VERSION, "the SIP-Version is not SIP/2.0")                                     \
  X(BAD_STATUS_CODE, "the status code is not three digits")                                    \
  X(STATUS_CODE_RANGE, "the status code is outside 100..699")                                  \
  X(BAD_REASON_PHRASE, "the reason phrase contains a control character")                       \
  X(BAD_REQUEST_URI, "the Request-URI is empty (nothing between < >)")                          \
  X(ANGLE_REQUEST_URI, "the Request-URI is enclosed in < >")                                   \
  X(REQUEST_URI_WHITESPACE, "the Request-URI contains white space (RFC 3261 25.1: no LWS in a URI)") \
  X(URI_HEADERS_IN_REQUEST_URI, "a SIP Request-URI must not carry ?headers (RFC 3261 19.1.1)") \
  X(BAD_URI_SCHEME, "the URI scheme is missing or not ALPHA *(ALPHA / DIGIT / + - .)")         \
  X(BAD_URI_USER, "the URI user part contains a character that must be escaped")               \
  X(BAD_URI_PASSWORD, "the URI password contains a character that must be escaped")            \
  X(BAD_URI_HOST, "the URI host is not a hostname, IPv4 address or IPv6 reference")            \
  X(BAD_URI_PORT, "the port is not 1 to 5 digits or exceeds 65535")                            \
  X(BAD_URI_PARAM, "a URI parameter is empty or contains a character that must be escaped")    \
  X(BAD_URI_HEADER, "a URI header is not hname=hvalue with escaped reserved characters")       \
  X(BAD_ESCAPE, "a '%' is not followed by two hexadecimal digits")                             \
  X(BAD_URI, "unexpected characters after the URI")                                            \
  X(BAD_HEADER_NAME, "a header name is not a token (control byte, space or separator)")        \
  X(MISSING_COLON, "a header line has no ':' after its name")                                  \
  X(BAD_HEADER_VALUE, "a header value contains a control character")                           \
  X(BAD_UTF8, "text is not well-formed UTF-8 (overlong, surrogate, above U+10FFFF, cut short; Latin-1)") \
  X(FOLD_WITHOUT_HEADER, "a continuation line appears before any header field")                \
  X(TOO_MANY_HEADERS, "more header fields than SF_SIP_MAX_HEADERS")                            \
  X(TOO_MANY_PARAMS, "more parameters than SF_SIP_MAX_PARAMS")                                 \
  X(TOO_MANY_URI_HEADERS, "more URI headers than SF_SIP_MAX_URI_HEADERS")                      \
  X(TOO_MANY_VALUES, "more comma-separated values than SF_SIP_MAX_VALUES")                     \
  X(DEEP_COMMENT, "comments nest deeper than SF_SIP_MAX_COMMENT_DEPTH")                         \
  X(EMPTY_VALUE, "an empty element in a comma-separated list (stray ',')")                     \
  X(BAD_PARAM, "a parameter is empty (stray ';') or its name is not a token")                  \
  X(BAD_PARAM_VALUE, "a parameter value is not a token, host or quoted-string")                \
  X(UNTERMINATED_QUOTE, "a quoted-string has no closing '\"'")                                 \
  X(BAD_QUOTED_STRING, "a quoted-string contains a bare line break or a control character")    \
  X(BAD_DISPLAY_NAME, "an unquoted display name contains a character that is not a token")     \
  X(UNTERMINATED_ANGLE, "a '<' has no matching '>'")                                           \
  X(BAD_ADDR_SPEC, "white space in an address's URI, ',' or '?' in an addr-spec without < >, or text after the address") \
  X(MISSING_ANGLE, "the address must be a name-addr in < > (after a display name; in Route, Record-Route)") \
  X(BAD_STAR, "Contact \"*\" must be the whole value of a Contact header field")                \
  X(BAD_VIA, "a Via value is not protocol-name/version/transport sent-by")                     \
  X(BAD_VIA_PARAM, "a Via ttl, maddr, received or branch parameter has a malformed value")     \
  X(BAD_CALL_ID, "the Call-ID is not word [\"@\" word]")                                       \
  X(BAD_CSEQ, "the CSeq is not a number followed by a method")                                 \
  X(CSEQ_OVERFLOW, "the CSeq number exceeds 2^32-1")                                           \
  X(BAD_MAX_FORWARDS, "the Max-Forwards value is not a number")                                \
  X(MAX_FORWARDS_RANGE, "the Max-Forwards value exceeds 255")                                  \
  X(BAD_CONTENT_LENGTH, "the Content-Length is not a decimal number")                          \
  X(NEGATIVE_CONTENT_LENGTH, "the Content-Length is negative")                                 \
  X(CONTENT_LENGTH_OVERFLOW, "the Content-Length exceeds 2^32-1")                              \
  X(CONFLICTING_CONTENT_LENGTH, "two Content-Length header fields disagree")                   \
  X(CONTENT_LENGTH_EXCEEDS_BODY, "the datagram holds fewer body bytes than Content-Length")    \
  X(MISSING_CONTENT_LENGTH, "a message on a stream transport has no Content-Length")           \
  X(BAD_CONTENT_TYPE, "the Content-Type value is not type/subtype *(;parameter)")            \
  X(BAD_CONTENT_DISPOSITION, "the Content-Disposition value is malformed")                     \
  X(BAD_CONTENT_TRANSFER_ENCODING, "the Content-Transfer-Encoding value is not a token")       \
  X(BAD_DATE, "the Date is not an RFC 1123 date in GMT")                                       \
  X(BAD_IDENTITY, "the Identity value is not a quoted base64 string")                          \
  X(BAD_USER_AGENT, "the User-Agent is not a list of products and comments")                   \
  X(BAD_TOKEN, "an element of Allow, Supported, Require or a like header is not a token")       \
  X(BUFFER_TOO_SMALL, "the caller's output buffer is too small")                               \
  X(MISSING_HEADER, "a mandatory header field is missing (semantic)")                          \
  X(DUPLICATE_HEADER, "a single-value header field appears more than once (semantic)")         \
  X(CSEQ_METHOD_MISMATCH, "the CSeq method differs from the request method (semantic)")

enum sf_sip_status {
#define SF_X(name, reason) SF_SIP_##name,
  SF_SIP_STATUS_LIST(SF_X)
#undef SF_X
  SF_SIP_STATUS_COUNT
};

const char *sf_sip_status_name(int code);   /* "SF_SIP_BAD_VIA"; "?" if unknown */
const char *sf_sip_status_reason(int code); /* the fixed sentence above */

/* ---- Leniency flags (opt-in; strict by default) ------------------------- */

enum {
  /* Framing for a stream transport (TCP, TLS): a message cut short yields
   * SF_SIP_INCOMPLETE, and Content-Length is mandatory (RFC 3261 18.3).
   * Without it, the input is one datagram: a short message is an error and
   * bytes after the body are reported, not fatal (RFC 4475 3.1.1.8). */
  SF_SIP_STREAM = 1u << 0,
  /* Accept bare LF line ends. Cost: a peer that only splits on CRLF sees a
   * different set of header fields (request-smuggling class). */
  SF_SIP_ALLOW_LF = 1u << 1,
  /* Accept several SP between start-line elements and SP at the end of the
   * Request-Line (RFC 4475 3.1.2.9, 3.1.2.10). */
  SF_SIP_ALLOW_EXTRA_SP = 1u << 2,
  /* Accept and strip < > around the Request-URI (RFC 4475 3.1.2.7). */
  SF_SIP_ALLOW_ANGLE_RURI = 1u << 3,
  /* Accept an Identity value without its quotes, as the draft's 4.2 sends. */
  SF_SIP_ALLOW_UNQUOTED_IDENTITY = 1u << 4,
  /* Accept protocol=application/pkcs7-signature unquoted in Content-Type
   * (maps to SF_CONTENT_ALLOW_UNQUOTED_SLASH). */
  SF_SIP_ALLOW_UNQUOTED_SLASH = 1u << 5,
  /* Accept bytes >= 0x80 that are not well-formed UTF-8 where RFC 3261
   * allows UTF-8 text (Reason-Phrase, quoted-strings, comments, header
   * values): the Latin-1 reason phrases and display names some equipment
   * sends. Cost: readers that decode the text disagree on what it says (a
   * display name shown to a user, say), and one that replaces bad bytes
   * changes a value another compares byte for byte. */
  SF_SIP_ALLOW_NON_UTF8 = 1u << 6,
};

/* SF_SIP_INTEROP is what real secure-SIP traffic (and every message of the
 * draft) needs: unquoted Identity and protocol parameter, LF line ends, and
 * the Latin-1 text some equipment still sends. */
#define SF_SIP_INTEROP                                                                 \
  (SF_SIP_ALLOW_LF | SF_SIP_ALLOW_UNQUOTED_IDENTITY | SF_SIP_ALLOW_UNQUOTED_SLASH | \
   SF_SIP_ALLOW_NON_UTF8)

/* Warnings: bits of sf_sip_msg.warnings, one per tolerance that was used. */
#define SF_SIP_WARNING_LIST(X)                                                        \
  X(FOLDING, "a header field was folded over several lines (RFC 3261 7.3.1)")          \
  X(LF_LINE_ENDS, "bare LF line ends were accepted (SF_SIP_ALLOW_LF)")                 \
  X(LEADING_CRLF, "line breaks before the start line were skipped (RFC 3261 7.5)")     \
  X(TRAILING_BYTES, "the datagram has bytes after the body that Content-Length frames") \
  X(NO_CONTENT_LENGTH, "no Content-Length: the body is the rest of the datagram")      \
  X(EXTRA_SP, "extra SP in the start line was accepted (SF_SIP_ALLOW_EXTRA_SP)")       \
  X(ANGLE_RURI, "< > around the Request-URI were stripped (SF_SIP_ALLOW_ANGLE_RURI)")  \
  X(UNQUOTED_IDENTITY, "an unquoted Identity value was accepted")                      \
  X(UNQUOTED_SLASH, "an unquoted parameter value with '/' was accepted")               \
  X(TOKEN_DISPLAY_NAME_NO_LWS, "a token display name is directly followed by '<' (RFC 4475 3.1.1.6)") \
  X(NON_UTF8, "text that is not well-formed UTF-8 (Latin-1, say) was accepted (SF_SIP_ALLOW_NON_UTF8)")

enum sf_sip_warning_bit {
#define SF_X(name, reason) SF_SIP_WB_##name,
  SF_SIP_WARNING_LIST(SF_X)
#undef SF_X
  SF_SIP_WARNING_COUNT
};
#define SF_SIP_W(name) (1u << SF_SIP_WB_##name)

const char *sf_sip_warning_name(int bit);   /* "SF_SIP_W_FOLDING" */
const char *sf_sip_warning_reason(int bit);

/* ---- Header names -------------------------------------------------------- */

/* Known header fields. Names are matched case-insensitively, compact forms
 * included (RFC 3261 7.3.3 and the IANA registry). */
#define SF_SIP_HEADER_LIST(X)                                          \
  X(OTHER, "", 0)                                                      \
  X(ACCEPT, "Accept", 0)                                               \
  X(ACCEPT_CONTACT, "Accept-Contact", 'a')                             \
  X(ALLOW, "Allow", 0)                                                 \
  X(ALLOW_EVENTS, "Allow-Events", 'u')                                 \
  X(AUTHORIZATION, "Authorization", 0)                                 \
  X(CALL_ID, "Call-ID", 'i')                                           \
  X(CONTACT, "Contact", 'm')                                           \
  X(CONTENT_DISPOSITION, "Content-Disposition", 0)                     \
  X(CONTENT_ENCODING, "Content-Encoding", 'e')                         \
  X(CONTENT_LENGTH, "Content-Length", 'l')                             \
  X(CONTENT_TRANSFER_ENCODING, "Content-Transfer-Encoding", 0)         \
  X(CONTENT_TYPE, "Content-Type", 'c')                                 \
  X(CSEQ, "CSeq", 0)                                                   \
  X(DATE, "Date", 0)                                                   \
  X(EVENT, "Event", 'o')                                               \
  X(EXPIRES, "Expires", 0)                                             \
  X(FROM, "From", 'f')                                                 \
  X(IDENTITY, "Identity", 'y')                                         \
  X(IDENTITY_INFO, "Identity-Info", 'n')                               \
  X(MAX_FORWARDS, "Max-Forwards", 0)                                   \
  X(PROXY_REQUIRE, "Proxy-Require", 0)                                 \
  X(RECORD_ROUTE, "Record-Route", 0)                                   \
  X(REFER_TO, "Refer-To", 'r')                                         \
  X(REFERRED_BY, "Referred-By", 'b')                                   \
  X(REJECT_CONTACT, "Reject-Contact", 'j')                             \
  X(REPLY_TO, "Reply-To", 0)                                           \
  X(REQUEST_DISPOSITION, "Request-Disposition", 'd')                   \
  X(REQUIRE, "Require", 0)                                             \
  X(ROUTE, "Route", 0)                                                 \
  X(SERVER, "Server", 0)                                               \
  X(SESSION_EXPIRES, "Session-Expires", 'x')                           \
  X(SUBJECT, "Subject", 's')                                           \
  X(SUPPORTED, "Supported", 'k')                                       \
  X(TO, "To", 't')                                                     \
  X(UNSUPPORTED, "Unsupported", 0)                                     \
  X(USER_AGENT, "User-Agent", 0)                                       \
  X(VIA, "Via", 'v')                                                   \
  X(WWW_AUTHENTICATE, "WWW-Authenticate", 0)

enum sf_sip_header_id {
#define SF_X(id, name, compact) SF_SIP_H_##id,
  SF_SIP_HEADER_LIST(SF_X)
#undef SF_X
  SF_SIP_H_COUNT
};

/* sf_sip_header_id_of maps a header name (full or compact, any case) to its
 * id; SF_SIP_H_OTHER if it is not one of the above. */
int sf_sip_header_id_of(sf_slice name);
/* sf_sip_header_name returns the canonical full name of |id| ("" for OTHER). */
const char *sf_sip_header_name(int id);
/* sf_sip_header_is_list returns 1 if values of |id| are comma-separated lists
 * (Via, Contact, Route, Record-Route, Allow, Supported, Require, ...). */
int sf_sip_header_is_list(int id);

/* ---- Messages ------------------------------------------------------------ */

typedef struct sf_sip_header {
  sf_slice name;  /* as written: full or compact, any case */
  sf_slice value; /* first to last non-white byte after the colon; folded line
                     breaks stay inside (sf_sip_unfold removes them) */
  int id;         /* enum sf_sip_header_id */
  int folded;     /* 1 if the field spans continuation lines */
} sf_sip_header;

enum sf_sip_scheme { SF_SIP_SCHEME_SIP, SF_SIP_SCHEME_SIPS, SF_SIP_SCHEME_OTHER };
enum sf_sip_host_kind { SF_SIP_HOST_NONE, SF_SIP_HOST_NAME, SF_SIP_HOST_IPV4, SF_SIP_HOST_IPV6 };

typedef struct sf_sip_param {
  sf_slice name;
  sf_slice value; /* absent ({NULL,0}) when there is no '='; quoted-strings
                     keep their quotes */
} sf_sip_param;

/* sf_sip_uri: a SIP or SIPS URI (RFC 3261 19.1), or any other absoluteURI
 * kept opaque. Escapes (%HH) are checked but not decoded. */
typedef struct sf_sip_uri {
  int scheme;           /* enum sf_sip_scheme */
  sf_slice scheme_text; /* as written */
  sf_slice user;        /* absent if the URI has no userinfo */
  sf_slice password;    /* absent if the userinfo has no ':' */
  sf_slice host;        /* an IPv6 reference includes its brackets */
  int host_kind;        /* enum sf_sip_host_kind */
  int has_port;
  uint16_t port;
  sf_sip_param params[SF_SIP_MAX_PARAMS]; /* ;name[=value] */
  size_t param_count;
  sf_sip_param headers[SF_SIP_MAX_URI_HEADERS]; /* ?name=value&... */
  size_t header_count;
  sf_slice opaque; /* other schemes: all after "scheme:" */
} sf_sip_uri;

typedef struct sf_sip_msg {
  const uint8_t *base;  /* the buffer given to sf_sip_parse: offsets count from
                           here (sf_sip_validate reports offsets through it) */
  size_t start_offset;  /* first byte of the start line (after leading CRLFs) */
  int is_request;
  /* Request-Line */
  sf_slice method;
  sf_slice request_uri; /* raw (without < > if those were stripped) */
  sf_sip_uri uri;       /* parsed Request-URI */
  /* Status-Line */
  unsigned status_code;
  sf_slice reason; /* may be empty */
  /* both */
  sf_slice version; /* "SIP/2.0" as written */
  sf_sip_header headers[SF_SIP_MAX_HEADERS];
  size_t header_count;
  size_t body_offset;     /* first byte after the blank line */
  sf_slice body;          /* Content-Length bytes (or the datagram's rest) */
  int has_content_length;
  uint32_t content_length;
  size_t message_len;     /* bytes of this message: start line to body end, so
                             the body ends at start_offset + message_len */
  sf_slice trailing;      /* bytes after the body: in a datagram, extra octets
                             (warning TRAILING_BYTES); on a stream, the start
                             of the next message (no warning). Present (maybe
                             empty) on success. */
  unsigned warnings;      /* SF_SIP_W(...) bits */
} sf_sip_msg;

/* sf_sip_parse parses one message from |data|. |flags| is a combination of
 * SF_SIP_STREAM and SF_SIP_ALLOW_* (or SF_SIP_INTEROP). On success returns
 * SF_SIP_OK and fills |out|; otherwise returns the status code and fills
 * |err| (SF_SIP_INCOMPLETE only with SF_SIP_STREAM, with the offset = len),
 * and |out| holds nothing the caller may use. Faults are found in byte
 * order: the first one in the message is the one reported. |out| is large
 * (about 16 KB): callers usually keep one and reuse it. */
int sf_sip_parse(const uint8_t *data, size_t len, unsigned flags, sf_sip_msg *out,
                 sf_error *err);

/* sf_sip_find returns the first header with |id| at index >= |from| and sets
 * |*index| to its index, or returns NULL. */
const sf_sip_header *sf_sip_find(const sf_sip_msg *m, int id, size_t from, size_t *index);

/* sf_sip_validate reports the first semantic fault of a parsed message:
 * SF_SIP_MISSING_HEADER (To, From, CSeq, Call-ID, Via; and Max-Forwards in a
 * request unless |flags| has SF_SIP_VALIDATE_RFC2543), SF_SIP_DUPLICATE_HEADER
 * (a second To, From, CSeq, Call-ID, Max-Forwards, Content-Type or
 * Content-Length; at its name), SF_SIP_CSEQ_METHOD_MISMATCH (at the CSeq
 * method). Duplicates and the mismatch are reported in byte order; a missing
 * header, which has no place, comes last, at the empty line that ends the
 * header section. Returns SF_SIP_OK if none. */
enum { SF_SIP_VALIDATE_RFC2543 = 1u << 0 };
int sf_sip_validate(const sf_sip_msg *m, unsigned flags, sf_error *err);

/* sf_sip_unfold copies |value| into |out| with every folded line break
 * (CRLF or LF followed by white space) removed, keeping the white space, so
 * the value reads as one line (RFC 3261 7.3.1). value.len bytes always
 * suffice. Returns SF_SIP_OK or SF_SIP_BUFFER_TOO_SMALL. */
int sf_sip_unfold(sf_slice value, uint8_t *out, size_t cap, size_t *out_len);

/* sf_sip_split splits a comma-separated header value into its elements,
 * respecting quoted-strings and < >; elements are trimmed of white space. An
 * empty element ("a,,b", "a,", ",a") is SF_SIP_EMPTY_VALUE; a value of only
 * white space has no elements; more than |cap| (at most SF_SIP_MAX_VALUES)
 * is SF_SIP_TOO_MANY_VALUES; an unclosed '"' or '<' is
 * SF_SIP_UNTERMINATED_QUOTE / SF_SIP_UNTERMINATED_ANGLE. */
int sf_sip_split(const uint8_t *base, sf_slice value, sf_slice *out, size_t cap,
                 size_t *out_count, sf_error *err);

/* sf_sip_print writes |m| in canonical form: the start line, every header
 * as "Full-Name: unfolded value" CRLF in the original order, CRLF, body.
 * Parsing the result yields the same structure. The output needs at most
 * sf_sip_print_bound(m) bytes. Returns SF_SIP_OK or SF_SIP_BUFFER_TOO_SMALL. */
size_t sf_sip_print_bound(const sf_sip_msg *m);
int sf_sip_print(const sf_sip_msg *m, uint8_t *out, size_t cap, size_t *out_len);

/* ---- Structured header values --------------------------------------------
 * Each parses one value (for list headers: one element from sf_sip_split);
 * |base| is the start of the caller's buffer and error offsets count from it.
 * Each is what sf_sip_parse itself runs on the header. They check structure
 * only: the UTF-8 rule (SF_SIP_BAD_UTF8, SF_SIP_ALLOW_NON_UTF8) is applied
 * by sf_sip_parse to the whole value. */

/* URIs. |flags|: SF_SIP_URI_REQUEST checks the Request-URI rules (no
 * ?headers in sip/sips URIs). */
enum { SF_SIP_URI_REQUEST = 1u << 0 };
int sf_sip_parse_uri(const uint8_t *base, sf_slice text, unsigned flags, sf_sip_uri *out,
                     sf_error *err);
/* sf_sip_print_uri writes the URI in canonical form (scheme in lower case,
 * everything else as written); text.len + 8 bytes always suffice. */
int sf_sip_print_uri(const sf_sip_uri *u, uint8_t *out, size_t cap, size_t *out_len);

/* sf_sip_uri_equal returns 1 if |a| and |b| are equivalent by RFC 3261
 * 19.1.4: same scheme (sip and sips never match), userinfo case-sensitive,
 * host, parameters and headers case-insensitive, %HH of an unreserved
 * character equal to the character, a default value never equal to its
 * absence, user/ttl/method/maddr/transport parameters in only one URI a
 * difference, other parameters in only one URI ignored, headers compared as
 * sets. Other schemes match when scheme (any case) and the rest (byte for
 * byte) do. The URIs may come from different buffers. */
int sf_sip_uri_equal(const sf_sip_uri *a, const sf_sip_uri *b);

typedef struct sf_sip_via {
  sf_slice protocol_name;    /* "SIP" */
  sf_slice protocol_version; /* "2.0" */
  sf_slice transport;        /* "UDP", "TLS", or any token */
  sf_slice host;             /* sent-by host; IPv6 reference with brackets */
  int host_kind;
  int has_port;
  uint16_t port;
  sf_sip_param params[SF_SIP_MAX_PARAMS];
  size_t param_count;
} sf_sip_via;
int sf_sip_parse_via(const uint8_t *base, sf_slice value, sf_sip_via *out, sf_error *err);

/* From, To, Contact, Route, Record-Route, Refer-To, Referred-By, Reply-To:
 * name-addr or addr-spec, then header parameters. Contact "*" sets is_star. */
typedef struct sf_sip_addr {
  int is_star;
  int has_angle;         /* name-addr form */
  sf_slice display_name; /* raw, quotes included when quoted; absent if none */
  int display_quoted;
  sf_slice uri_text;
  sf_sip_uri uri;
  sf_sip_param params[SF_SIP_MAX_PARAMS]; /* tag, expires, q, ... */
  size_t param_count;
  unsigned warnings; /* SF_SIP_W(TOKEN_DISPLAY_NAME_NO_LWS) */
} sf_sip_addr;
int sf_sip_parse_addr(const uint8_t *base, sf_slice value, sf_sip_addr *out, sf_error *err);

/* sf_sip_find_param returns the first parameter named |name| (ASCII
 * case-insensitive) among |count| parameters, or NULL. */
const sf_sip_param *sf_sip_find_param(const sf_sip_param *params, size_t count,
                                      const char *name);

typedef struct sf_sip_cseq {
  uint32_t number;
  sf_slice method;
} sf_sip_cseq;
int sf_sip_parse_cseq(const uint8_t *base, sf_slice value, sf_sip_cseq *out, sf_error *err);

int sf_sip_parse_call_id(const uint8_t *base, sf_slice value, sf_error *err);
int sf_sip_parse_max_forwards(const uint8_t *base, sf_slice value, uint8_t *out, sf_error *err);
int sf_sip_parse_content_length(const uint8_t *base, sf_slice value, uint32_t *out,
                                sf_error *err);

/* Date: rfc1123-date in GMT, e.g. "Sat, 13 Nov 2010 23:29:00 GMT". Day of
 * month is checked against the month (leap years included); the weekday must
 * be a weekday name but is not checked against the date (a wrong weekday
 * harms no parser, and rejecting a message for it helps nobody). */
typedef struct sf_sip_date {
  int year, month, day, hour, minute, second; /* month 1..12 */
  int weekday;                                 /* 0 = Sunday */
} sf_sip_date;
int sf_sip_parse_date(const uint8_t *base, sf_slice value, sf_sip_date *out, sf_error *err);

/* Identity (RFC 4474): DQUOTE base64 DQUOTE; |*out| is the base64 text.
 * |flags| may hold SF_SIP_ALLOW_UNQUOTED_IDENTITY; |*warnings| gets
 * SF_SIP_W(UNQUOTED_IDENTITY) when that was needed. */
int sf_sip_parse_identity(const uint8_t *base, sf_slice value, unsigned flags, sf_slice *out,
                          unsigned *warnings, sf_error *err);

/* User-Agent / Server: 1*(product / comment), product = token ["/" token]. */
int sf_sip_parse_user_agent(const uint8_t *base, sf_slice value, sf_error *err);

/* Content-Type, Content-Disposition and Content-Transfer-Encoding go through
 * sf/content.h; inside a message their failures are reported as
 * SF_SIP_BAD_CONTENT_TYPE etc. with the offset the content parser found. */

#ifdef __cplusplus
}
#endif

#endif /* SF_SIP_H */
