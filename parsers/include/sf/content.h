/* sf/content.h: the Content-* header fields that SIP (RFC 3261 20.13-20.15)
 * and MIME (RFC 2045, RFC 2183) share: Content-Type, Content-Disposition and
 * Content-Transfer-Encoding. One parser serves both sides, so a SIP message
 * and a MIME part can never disagree about the same header.
 *
 * Every function follows the parser contract of sf/common.h. |base| is the
 * start of the caller's top-level buffer and |value| a slice inside it (the
 * header value, possibly containing folded line breaks); error offsets count
 * from |base|. Pass base = value.ptr to get offsets within the value. */
#ifndef SF_CONTENT_H
#define SF_CONTENT_H

#include "sf/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SF_CONTENT_MAX_PARAMS bounds the parameters of one Content-Type or
 * Content-Disposition value; one more is SF_CONTENT_TOO_MANY_PARAMS. */
#define SF_CONTENT_MAX_PARAMS 32

/* Status codes: the one list from which the enum, the names and the reasons
 * are all generated. */
#define SF_CONTENT_STATUS_LIST(X)                                                        \
  X(OK, "parsed")                                                                        \
  X(EMPTY, "the header value is empty")                                                  \
  X(BAD_TYPE, "the media type is not a token")                                           \
  X(MISSING_SLASH, "the media type has no '/' before its subtype")                       \
  X(BAD_SUBTYPE, "the media subtype is not a token")                                     \
  X(BAD_DISPOSITION, "the disposition type is not a token")                              \
  X(BAD_PARAM_NAME, "a parameter name is not a token (or a stray ';')")                  \
  X(MISSING_EQUALS, "a parameter has no '=' and value")                                  \
  X(EMPTY_PARAM_VALUE, "a parameter has '=' but no value (an empty value must be quoted: \"\")") \
  X(BAD_PARAM_VALUE, "a parameter value is neither a token nor a quoted-string")         \
  X(UNQUOTED_TSPECIAL, "a parameter value contains a tspecial such as '/' but is not quoted") \
  X(UNTERMINATED_QUOTE, "a quoted-string has no closing '\"'")                           \
  X(BAD_QUOTED_CHAR, "a control character or lone backslash inside a quoted-string")      \
  X(TRAILING_GARBAGE, "unexpected characters after the value")                           \
  X(TOO_MANY_PARAMS, "more parameters than SF_CONTENT_MAX_PARAMS")                       \
  X(BAD_ENCODING, "the transfer encoding is not a token")                                \
  X(BUFFER_TOO_SMALL, "the caller's output buffer is too small")

enum sf_content_status {
#define SF_X(name, reason) SF_CONTENT_##name,
  SF_CONTENT_STATUS_LIST(SF_X)
#undef SF_X
  SF_CONTENT_STATUS_COUNT
};

/* sf_content_status_name returns "SF_CONTENT_OK" etc.; "?" for unknown codes. */
const char *sf_content_status_name(int code);
/* sf_content_status_reason returns the fixed sentence for |code|. */
const char *sf_content_status_reason(int code);

/* Leniency flags. Strict by default; each flag accepts one interop quirk and
 * the parse reports it back in |warnings| (bit SF_CONTENT_W_*). */
enum {
  /* Accept a parameter value that is not a token because it contains '/'
   * (e.g. the draft's protocol=application/pkcs7-signature, which RFC 1847
   * requires to be quoted). Security cost: a parser that disagrees on where
   * the value ends would disagree on the protocol; we end it at ';', SP, HT,
   * end of value, exactly as the quoted form would. */
  SF_CONTENT_ALLOW_UNQUOTED_SLASH = 1u << 0,
};

enum {
  SF_CONTENT_W_UNQUOTED_SLASH = 1u << 0, /* a value with '/' was not quoted */
};

/* sf_content_param is one "name=value" parameter. |value| is the raw value:
 * for a quoted-string it includes the quotes and the backslash escapes
 * (sf_content_unquote gives the text). */
typedef struct sf_content_param {
  sf_slice name;
  sf_slice value;
  int quoted;
} sf_content_param;

typedef struct sf_content_params {
  sf_content_param items[SF_CONTENT_MAX_PARAMS];
  size_t count;
  /* failed_name: when parsing stopped inside a parameter's value (after
   * its name), that name, so a caller can say which parameter was
   * malformed (MIME reports an empty boundary as such); absent otherwise. */
  sf_slice failed_name;
} sf_content_params;

/* sf_content_type is a parsed media type: type "/" subtype *(";" parameter). */
typedef struct sf_content_type {
  sf_slice type;    /* e.g. "multipart" (case as written) */
  sf_slice subtype; /* e.g. "signed" */
  sf_content_params params;
  unsigned warnings; /* SF_CONTENT_W_* */
} sf_content_type;

/* sf_content_disposition is disposition-type *(";" parameter) (RFC 2183,
 * RFC 3261 20.11). */
typedef struct sf_content_disposition {
  sf_slice type; /* e.g. "attachment", "session", "signature" */
  sf_content_params params;
  unsigned warnings;
} sf_content_disposition;

/* sf_content_parse_type parses a Content-Type value. White space (including
 * folded line breaks) is allowed around '/', ';' and '='. Returns
 * SF_CONTENT_OK or an error code, with |err| filled. */
int sf_content_parse_type(const uint8_t *base, sf_slice value, unsigned flags,
                          sf_content_type *out, sf_error *err);

/* sf_content_parse_disposition parses a Content-Disposition value. */
int sf_content_parse_disposition(const uint8_t *base, sf_slice value, unsigned flags,
                                 sf_content_disposition *out, sf_error *err);

/* sf_content_parse_encoding parses a Content-Transfer-Encoding value (one
 * token, surrounding white space allowed) into |out|. */
int sf_content_parse_encoding(const uint8_t *base, sf_slice value, sf_slice *out,
                              sf_error *err);

/* sf_content_find_param returns the first parameter named |name| (ASCII
 * case-insensitive), or NULL. */
const sf_content_param *sf_content_find_param(const sf_content_params *params,
                                              const char *name);

/* sf_content_unquote writes the text of |value| (a quoted-string with its
 * quotes, or a token, which is copied as is) into |out|, resolving backslash
 * escapes. Succeeds (returns SF_CONTENT_OK) only if it fits in |cap| bytes;
 * value.len bytes always suffice. */
int sf_content_unquote(sf_slice value, uint8_t *out, size_t cap, size_t *out_len);

/* sf_content_type_is returns 1 if the media type is |type|/|subtype|, ASCII
 * case-insensitively. */
int sf_content_type_is(const sf_content_type *ct, const char *type, const char *subtype);

#ifdef __cplusplus
}
#endif

#endif /* SF_CONTENT_H */
