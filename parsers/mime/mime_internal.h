/* mime_internal.h: what the files of parsers/mime/ share (internal).
 *
 * Every parsing function takes the context below, returns an SF_MIME_*
 * status and, on failure, has filled the caller's sf_error through
 * sf_mimei_fail(), so the reason is decided once, where the fault is seen. */
#ifndef SF_MIME_INTERNAL_H
#define SF_MIME_INTERNAL_H

#include "sf/mime.h"
#include "text.h"

typedef struct sf_mimei_ctx {
  const uint8_t *base; /* the caller's buffer: offsets count from here */
  unsigned flags;      /* SF_MIME_ALLOW_* */
  sf_mime_tree *out;
  sf_error *err;
} sf_mimei_ctx;

/* sf_mimei_fail records |code| at absolute |offset| and returns it. */
int sf_mimei_fail(sf_mimei_ctx *c, int code, size_t offset);

/* sf_mimei_off returns the offset of |p| from the caller's buffer. */
static inline size_t sf_mimei_off(const sf_mimei_ctx *c, const uint8_t *p) {
  return (size_t)(p - c->base);
}

/* sf_mimei_span returns the slice [from, to) of the caller's buffer. */
static inline sf_slice sf_mimei_span(const sf_mimei_ctx *c, size_t from, size_t to) {
  return sf_slice_make(c->base + from, to - from);
}

/* sf_mimei_bare_lf handles a bare LF used as a line end at |offset|: an
 * error without SF_MIME_ALLOW_LF, a warning with it. */
int sf_mimei_bare_lf(sf_mimei_ctx *c, size_t offset);

/* sf_mimei_new_part appends a part with every field absent, or fails with
 * SF_MIME_TOO_MANY_PARTS_TOTAL at |offset|. */
int sf_mimei_new_part(sf_mimei_ctx *c, size_t parent, sf_slice whole, size_t offset,
                      size_t *out_index);

/* sf_mimei_content_flags maps our flags to those of sf/content.h. */
static inline unsigned sf_mimei_content_flags(const sf_mimei_ctx *c) {
  return (c->flags & SF_MIME_ALLOW_UNQUOTED_SLASH) ? SF_CONTENT_ALLOW_UNQUOTED_SLASH : 0;
}

/* sf_mimei_content_result turns the outcome |rc| of an sf/content.h parser
 * into ours: |code| at the offset it found, with |rc| kept as the tree's
 * detail, or the warnings it reported. */
int sf_mimei_content_result(sf_mimei_ctx *c, int rc, const sf_error *cerr, unsigned warnings,
                            int code);

/* sf_mimei_take_content_type parses |value| as the Content-Type of part
 * |index| and fills its type, subtype and, for a multipart, its boundary and
 * (multipart/signed) protocol and micalg. */
int sf_mimei_take_content_type(sf_mimei_ctx *c, size_t index, sf_slice value);

/* sf_mimei_unique_param sets |*out| to the parameter |name| of |ct| (ASCII
 * case-insensitive), or NULL; a second one is SF_MIME_DUPLICATE_PARAM, since
 * two readers could each take a different one. */
int sf_mimei_unique_param(sf_mimei_ctx *c, const sf_content_type *ct, const char *name,
                          const sf_content_param **out);

/* sf_mimei_take_boundary checks the boundary parameter of a multipart
 * Content-Type (RFC 2046 5.1.1) and stores it in part |index|. */
int sf_mimei_take_boundary(sf_mimei_ctx *c, size_t index, const sf_content_type *ct);

/* sf_mimei_parse_part_headers reads the header fields of part |index| (whose
 * |whole| is set), finds its blank line and body, and takes the Content-*
 * fields it knows. */
int sf_mimei_parse_part_headers(sf_mimei_ctx *c, size_t index);

/* sf_mimei_take_fields takes the Content-* fields among the header fields of
 * part |index|, refusing a second one of each. */
int sf_mimei_take_fields(sf_mimei_ctx *c, size_t index);

/* sf_mimei_check_content_id checks a Content-ID value (RFC 2045 7). */
int sf_mimei_check_content_id(sf_mimei_ctx *c, sf_slice value);

/* Delimiter lines (RFC 2046 5.1.1). */
enum sf_mimei_delim_kind {
  SF_MIMEI_DELIM_NONE,      /* not a delimiter: the line is content */
  SF_MIMEI_DELIM_OPEN,      /* "--" boundary padding line-end: a part follows */
  SF_MIMEI_DELIM_CLOSE,     /* "--" boundary "--" padding [line-end] */
  SF_MIMEI_DELIM_TRUNCATED, /* the body ends before the line could be either */
};

typedef struct sf_mimei_delim {
  int kind;           /* enum sf_mimei_delim_kind */
  size_t start;       /* the line end before "--", or "--" itself at the body start */
  size_t dash;        /* the first '-' of "--" boundary */
  size_t end;         /* one past the line, its own line end included */
  int has_line_end;   /* CLOSE: a line end follows (so an epilogue is present) */
} sf_mimei_delim;

/* sf_mimei_find_delim finds the first delimiter line of |boundary| in
 * [from, end): at |from| itself only if |at_from| (the body's first line),
 * otherwise after a line end inside the range. A line that starts with the
 * dash-boundary but goes on with other bytes is content. Bare LF line ends
 * around a delimiter are an error or a warning (sf_mimei_bare_lf). |*d| gets
 * kind SF_MIMEI_DELIM_NONE when there is none. */
int sf_mimei_find_delim(sf_mimei_ctx *c, sf_slice boundary, size_t from, size_t end, int at_from,
                        sf_mimei_delim *d);

/* sf_mimei_split splits multipart part |index| into its children, parses
 * their header fields and, for multipart/signed, checks the two parts. */
int sf_mimei_split(sf_mimei_ctx *c, size_t index);

/* sf_mimei_check_signed applies RFC 1847 2.1 to the split multipart/signed
 * part |index| and sets its signed slice. */
int sf_mimei_check_signed(sf_mimei_ctx *c, size_t index);

/* Decoders behind sf_mime_decode: |in| is inside |base|'s buffer. */
int sf_mimei_decode_base64(sf_mimei_ctx *c, sf_slice in, uint8_t *out, size_t cap,
                           size_t *out_len);
int sf_mimei_decode_qp(sf_mimei_ctx *c, sf_slice in, uint8_t *out, size_t cap, size_t *out_len);

#endif /* SF_MIME_INTERNAL_H */
