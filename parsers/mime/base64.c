/* base64.c: the base64 transfer encoding (RFC 2045 6.8, RFC 4648 4).
 *
 * SP, HT, CR and LF may stand anywhere (line breaks every 76 characters,
 * and white space transports add). Every other byte outside the alphabet is
 * refused, although RFC 2045 says to ignore it: ignoring bytes is how two
 * decoders come to different plaintexts, and what a signature covers must
 * decode one way. Padding is strict (RFC 4648 3.3, 3.5): the data ends with
 * a full quantum, "xx==" or "xxx=", nothing but white space after it, and
 * the bits the padding covers are zero, so each byte string has one
 * encoding. */
#include "mime_internal.h"

/* value_of returns the 6-bit value of a base64 character. */
static uint32_t value_of(uint8_t ch) {
  if (ch >= 'A' && ch <= 'Z') return (uint32_t)(ch - 'A');
  if (ch >= 'a' && ch <= 'z') return (uint32_t)(ch - 'a' + 26);
  if (ch >= '0' && ch <= '9') return (uint32_t)(ch - '0' + 52);
  return ch == '+' ? 62u : 63u;
}

static int is_space(uint8_t ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

int sf_mimei_decode_base64(sf_mimei_ctx *c, sf_slice in, uint8_t *out, size_t cap,
                           size_t *out_len) {
  size_t at = sf_mimei_off(c, in.ptr);
  uint32_t acc = 0;
  size_t have = 0, n = 0, i = 0, last = 0; /* |have|: characters of the quantum */
  for (; i < in.len; i++) {
    uint8_t ch = in.ptr[i];
    if (is_space(ch)) continue;
    if (ch == '=') break;
    if (!sf_char_is(ch, SF_C_BASE64)) return sf_mimei_fail(c, SF_MIME_BASE64_BAD_CHAR, at + i);
    acc = (acc << 6) | value_of(ch);
    last = i;
    if (++have < 4) continue;
    if (cap - n < 3) return sf_mimei_fail(c, SF_MIME_BUFFER_TOO_SMALL, at + i);
    out[n++] = (uint8_t)(acc >> 16);
    out[n++] = (uint8_t)(acc >> 8);
    out[n++] = (uint8_t)acc;
    acc = 0;
    have = 0;
  }
  if (i == in.len) {
    /* No padding: the data must end on a quantum. */
    if (have != 0) return sf_mimei_fail(c, SF_MIME_BASE64_BAD_PADDING, at + in.len);
    *out_len = n;
    return SF_MIME_OK;
  }
  /* '=' at i: 2 characters take "==", 3 take "="; fewer take none. */
  if (have < 2) return sf_mimei_fail(c, SF_MIME_BASE64_BAD_PADDING, at + i);
  size_t pads = 4 - have;
  for (; i < in.len; i++) {
    uint8_t ch = in.ptr[i];
    if (is_space(ch)) continue;
    if (ch != '=' || pads == 0) return sf_mimei_fail(c, SF_MIME_BASE64_BAD_PADDING, at + i);
    pads--;
  }
  if (pads != 0) return sf_mimei_fail(c, SF_MIME_BASE64_BAD_PADDING, at + in.len);
  /* The bits below the last byte kept must be zero (RFC 4648 3.5). */
  uint32_t spare = have == 2 ? (acc & 0xf) : (acc & 0x3);
  if (spare != 0) return sf_mimei_fail(c, SF_MIME_BASE64_BAD_PADDING, at + last);
  size_t bytes = have - 1;
  if (cap - n < bytes) return sf_mimei_fail(c, SF_MIME_BUFFER_TOO_SMALL, at + last);
  if (have == 2) {
    out[n++] = (uint8_t)(acc >> 4);
  } else {
    out[n++] = (uint8_t)(acc >> 10);
    out[n++] = (uint8_t)(acc >> 2);
  }
  *out_len = n;
  return SF_MIME_OK;
}
