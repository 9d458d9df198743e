/* text.h: a read cursor over text protocol bytes (internal to parsers/).
 *
 * In the spirit of BoringSSL's CBS, every read goes through these functions,
 * which fail without moving when the bytes are not there; parsers built on
 * them do no raw pointer arithmetic. Positions are absolute offsets from the
 * start of the buffer given to the top-level parse call, so an error offset is
 * simply the cursor position, however deep the sub-parser.
 *
 * Naming: *peek* looks without moving, *get* reads and advances, *skip*
 * advances over what matches (possibly nothing), *expect* advances over an
 * exact byte or fails. Functions returning int return 1 on success, 0 on
 * failure. */
#ifndef SF_TEXT_H
#define SF_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "chars.h"
#include "sf/common.h"

typedef struct sf_text {
  const uint8_t *base; /* the whole top-level buffer; offsets count from here */
  size_t pos;          /* next byte to read */
  size_t end;          /* one past the last byte this cursor may read */
} sf_text;

/* sf_text_init starts a cursor over all of [data, data+len). */
static inline void sf_text_init(sf_text *t, const uint8_t *data, size_t len) {
  t->base = data;
  t->pos = 0;
  t->end = len;
}

/* sf_text_of_slice starts a cursor limited to |s|, which must lie inside the
 * buffer at |base|; positions stay relative to |base|. */
static inline sf_text sf_text_of_slice(const uint8_t *base, sf_slice s) {
  sf_text t;
  t.base = base;
  t.pos = (size_t)(s.ptr - base);
  t.end = t.pos + s.len;
  return t;
}

static inline size_t sf_text_left(const sf_text *t) { return t->end - t->pos; }
static inline int sf_text_at_end(const sf_text *t) { return t->pos >= t->end; }

/* sf_text_peek stores the next byte in |*out| without moving. */
static inline int sf_text_peek(const sf_text *t, uint8_t *out) {
  if (t->pos >= t->end) return 0;
  *out = t->base[t->pos];
  return 1;
}

/* sf_text_peek_at stores the byte |ahead| positions on in |*out|. */
static inline int sf_text_peek_at(const sf_text *t, size_t ahead, uint8_t *out) {
  if (ahead >= sf_text_left(t)) return 0;
  *out = t->base[t->pos + ahead];
  return 1;
}

/* sf_text_is_next returns 1 if the next byte is |c| (does not move). */
static inline int sf_text_is_next(const sf_text *t, uint8_t c) {
  return t->pos < t->end && t->base[t->pos] == c;
}

/* sf_text_is_next_in returns 1 if the next byte is in class |mask|. */
static inline int sf_text_is_next_in(const sf_text *t, uint32_t mask) {
  return t->pos < t->end && sf_char_is(t->base[t->pos], mask);
}

/* sf_text_get_u8 reads one byte. */
static inline int sf_text_get_u8(sf_text *t, uint8_t *out) {
  if (!sf_text_peek(t, out)) return 0;
  t->pos++;
  return 1;
}

/* sf_text_expect advances over the byte |c| if it is next. */
static inline int sf_text_expect(sf_text *t, uint8_t c) {
  if (!sf_text_is_next(t, c)) return 0;
  t->pos++;
  return 1;
}

/* sf_text_skip advances over |n| bytes if that many remain. */
static inline int sf_text_skip(sf_text *t, size_t n) {
  if (n > sf_text_left(t)) return 0;
  t->pos += n;
  return 1;
}

/* sf_text_skip_class advances over every following byte in |mask| and returns
 * how many it skipped. */
static inline size_t sf_text_skip_class(sf_text *t, uint32_t mask) {
  size_t start = t->pos;
  while (t->pos < t->end && sf_char_is(t->base[t->pos], mask)) t->pos++;
  return t->pos - start;
}

/* sf_text_slice returns the slice from absolute position |start| to the
 * cursor. */
static inline sf_slice sf_text_slice(const sf_text *t, size_t start) {
  return sf_slice_make(t->base + start, t->pos - start);
}

/* sf_text_rest returns what is left, without moving. */
static inline sf_slice sf_text_rest(const sf_text *t) {
  return sf_slice_make(t->base + t->pos, sf_text_left(t));
}

/* sf_text_get_span reads one or more bytes of class |mask| into |*out|. */
static inline int sf_text_get_span(sf_text *t, uint32_t mask, sf_slice *out) {
  size_t start = t->pos;
  if (sf_text_skip_class(t, mask) == 0) return 0;
  *out = sf_text_slice(t, start);
  return 1;
}

/* sf_text_starts_with_nocase returns 1 if the next bytes are |lit|, ASCII
 * case-insensitively (does not move). */
static inline int sf_text_starts_with_nocase(const sf_text *t, const char *lit) {
  size_t i = 0;
  for (; lit[i] != '\0'; i++) {
    if (i >= sf_text_left(t)) return 0;
    if (sf_lower(t->base[t->pos + i]) != sf_lower((uint8_t)lit[i])) return 0;
  }
  return 1;
}

#endif /* SF_TEXT_H */
