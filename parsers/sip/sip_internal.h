/* sip_internal.h: pieces shared by the files of parsers/sip/ (not public).
 *
 * Every parser here reads through an sf_text cursor whose positions are
 * absolute offsets from the caller's top-level buffer, so an error offset is
 * the cursor position, however deep the call. */
#ifndef SF_SIP_INTERNAL_H
#define SF_SIP_INTERNAL_H

#include "decimal.h"
#include "lex.h"
#include "sf/sip.h"
#include "text.h"

/* sip_fail records |code| at absolute offset |pos| and returns it. */
static inline int sip_fail(sf_error *err, size_t pos, int code) {
  if (err != NULL) {
    err->code = code;
    err->offset = pos;
    err->reason = sf_sip_status_reason(code);
  }
  return code;
}

/* sip_ok clears |err| and returns SF_SIP_OK. */
static inline int sip_ok(sf_error *err) {
  if (err != NULL) {
    err->code = SF_SIP_OK;
    err->offset = 0;
    err->reason = sf_sip_status_reason(SF_SIP_OK);
  }
  return SF_SIP_OK;
}

/* sip_text_of returns a cursor over |value|, which lies in the buffer at
 * |base|. An absent value is read as empty, at offset 0. */
static inline sf_text sip_text_of(const uint8_t *base, sf_slice value) {
  if (value.ptr == NULL) value = sf_slice_make(base, 0);
  return sf_text_of_slice(base, value);
}

/* sip_trim_end moves |t->end| back over trailing LWS (SP, HT and the line
 * breaks of folds), so that "value  " and "value CRLF SP" end at "value". */
static inline void sip_trim_end(sf_text *t) {
  while (t->end > t->pos) {
    uint8_t c = t->base[t->end - 1];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    t->end--;
  }
}

/* sip_writer appends bytes to a caller's buffer of fixed capacity; once
 * something does not fit, |full| is set and nothing more is written. */
typedef struct sip_writer {
  uint8_t *out;
  size_t cap, len;
  int full;
} sip_writer;

static inline void sip_put(sip_writer *w, const void *p, size_t n) {
  if (w->full || n > w->cap - w->len) {
    w->full = 1;
    return;
  }
  for (size_t i = 0; i < n; i++) w->out[w->len + i] = ((const uint8_t *)p)[i];
  w->len += n;
}

static inline void sip_put_slice(sip_writer *w, sf_slice s) {
  if (s.len) sip_put(w, s.ptr, s.len);
}

/* sip_put_u32 writes |v| in decimal without leading zeros. */
static inline void sip_put_u32(sip_writer *w, uint32_t v) {
  uint8_t digits[10];
  size_t n = 0;
  do {
    digits[sizeof digits - 1 - n++] = (uint8_t)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  sip_put(w, digits + sizeof digits - n, n);
}

/* ---- host.c: host = hostname / IPv4address / IPv6reference (RFC 3261 25.1)
 *
 * sf_sipi_get_host reads a host at the cursor into |*out| (an IPv6 reference
 * keeps its brackets) and its kind. Returns 1, or 0 with the cursor at the
 * offending byte. A hostname ends at the first byte that is not alphanum,
 * '-' or '.'; the caller decides what may follow. */
int sf_sipi_get_host(sf_text *t, sf_slice *out, int *kind);
/* sf_sipi_is_ipv4 / sf_sipi_is_ipv6 check a whole slice (IPv6 without brackets). */
int sf_sipi_is_ipv4(sf_slice s);
int sf_sipi_is_ipv6(sf_slice s);
/* sf_sipi_get_port reads port = 1*5DIGIT, at most 65535. */
int sf_sipi_get_port(sf_text *t, uint16_t *out);

/* ---- params.c: *( SEMI generic-param ), generic-param = token [ EQUAL
 * gen-value ], gen-value = token / host / quoted-string (RFC 3261 25.1).
 * Reads while the next non-LWS byte is ';' and stops before anything else
 * (the caller checks what is left). Appends to params[*count]. */
int sf_sipi_get_params(sf_text *t, sf_sip_param *params, size_t *count, sf_error *err);

/* ---- split.c: one step of a comma-separated list. |t| covers the whole
 * value; each call returns the next element (trimmed of LWS) in |*out| and
 * moves the cursor past its comma. Returns SF_SIP_OK, or an error; *done is
 * set when the value is exhausted (then no element is returned). An
 * entirely empty value has no elements. */
int sf_sipi_split_next(sf_text *t, sf_slice *out, int *done, sf_error *err);

/* ---- headers.c: the structured check sf_sip_parse runs on each header
 * field (Content-Length excepted: message.c frames with it). */
int sf_sipi_check_header(const uint8_t *base, const sf_sip_header *h, unsigned flags,
                     unsigned *warnings, sf_error *err);

/* sf_sipi_utf8_verdict applies RFC 3261's UTF-8 rule to |v|, text whose
 * own parser (control bytes, structure) gave |rc|, with |*e| its error when
 * |rc| is not OK. Non-ASCII bytes are allowed only as UTF-8 (UTF8-NONASCII
 * in Reason-Phrase, qdtext, ctext, TEXT-UTF8char); RFC 3629, which
 * obsoletes the RFC 2279 that RFC 3261 cites, says what UTF-8 is (no
 * overlong forms, surrogates or values above U+10FFFF). The first fault in byte order is the one reported:
 * ill-formed UTF-8 before the parser's fault, or in a value it accepted, is
 * SF_SIP_BAD_UTF8 at the first byte that is not part of a well-formed
 * sequence (sf_utf8_check), unless |flags| has SF_SIP_ALLOW_NON_UTF8, which
 * accepts it and sets SF_SIP_W(NON_UTF8) in |*warnings|. Otherwise |rc| and
 * |*e| stand. Returns the status, with |err| filled. */
int sf_sipi_utf8_verdict(const uint8_t *base, sf_slice v, int rc, const sf_error *e,
                         unsigned flags, unsigned *warnings, sf_error *err);

/* ---- uri.c: escaped = "%" HEXDIG HEXDIG. sf_sipi_skip_chars advances over
 * bytes of class |mask| and valid escapes; a '%' not followed by two hex
 * digits stops it with *bad_escape set (cursor on the '%'). */
size_t sf_sipi_skip_chars(sf_text *t, uint32_t mask, int *bad_escape);
/* sf_sipi_uri_reset empties |out| (no parts, scheme OTHER). */
void sf_sipi_uri_reset(sf_sip_uri *out);

/* ---- scalar.c: the tokens of RFC 3261 (method, option tags...). */
int sf_sipi_is_token(sf_slice s);

#endif /* SF_SIP_INTERNAL_H */
