/* chars.h: character classes of the SIP, MIME and base64 grammars as one
 * 256-entry lookup table (internal to parsers/).
 *
 * Each class is defined once in chars_gen.py by the characters its RFC lists;
 * the table is generated from there and checked by tests/test_chars.c. */
#ifndef SF_CHARS_H
#define SF_CHARS_H

#include <stdint.h>

#include "chars_bits.inc"

extern const uint32_t sf_char_class[256];

/* sf_char_is returns non-zero if byte |c| belongs to any class in |mask|. */
static inline int sf_char_is(uint8_t c, uint32_t mask) {
  return (sf_char_class[c] & mask) != 0;
}

/* sf_hex_value returns the value of hex digit |c|, or -1. */
static inline int sf_hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* sf_lower returns |c| with ASCII upper-case letters mapped to lower case. */
static inline uint8_t sf_lower(uint8_t c) {
  return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + ('a' - 'A')) : c;
}

#endif /* SF_CHARS_H */
