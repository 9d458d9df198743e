/* utf8.h: the one UTF-8 validator (internal to parsers/).
 *
 * SIP text (RFC 3261 25.1: the Reason-Phrase, quoted-strings, comments and
 * header values), MIME header values (RFC 6532 3.2) and DER UTF8String
 * (X.680, RFC 5280) all allow UTF-8 and all mean RFC 3629 UTF-8: shortest
 * form only, no surrogates, nothing above U+10FFFF. All three call this, so
 * they cannot disagree on what is UTF-8. */
#ifndef SF_UTF8_H
#define SF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* sf_utf8_check returns 1 if the |len| bytes at |p| are well-formed UTF-8
 * (RFC 3629 4; the Unicode Standard's table 3-7). Otherwise it returns 0 and
 * sets |*out_bad| to the index of the first byte that is not part of a
 * well-formed sequence: everything before it is UTF-8, and it is a byte
 * that cannot start a sequence (80..BF: a stray continuation byte; C0, C1:
 * overlong two-byte forms; F5..FF: above U+10FFFF or not UTF-8 at all), or
 * the lead byte of a sequence that is overlong (E0 80..9F, F0 80..8F), a
 * surrogate (ED A0..BF), above U+10FFFF (F4 90..BF), lacks a continuation
 * byte where one is due, or is cut short by the end. (Python's decoder
 * reports the same position.) ASCII, controls included, is well-formed:
 * callers apply their own rules to it. */
int sf_utf8_check(const uint8_t *p, size_t len, size_t *out_bad);

/* sf_utf8_sequence returns the length (1 to 4) of the well-formed sequence
 * that starts at |p| and lies within |len| bytes (an ASCII byte is one), or
 * 0 if none does: what sf_utf8_check walks, one sequence at a time, for a
 * reader that goes byte by byte. */
size_t sf_utf8_sequence(const uint8_t *p, size_t len);

#endif /* SF_UTF8_H */
