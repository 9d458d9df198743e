/* sf/common.h: types shared by every sipsec-fuzz parser.
 *
 * The parser contract (see README "Parser contract"):
 *   - input is (const uint8_t *data, size_t len); it is never written to, never
 *     assumed to end in NUL and never read outside [data, data+len);
 *   - output is borrowed slices into the input; where the grammar forces a copy
 *     (unfolding, decoding) the caller supplies the buffer and its capacity;
 *   - every count has a named limit and nothing is allocated;
 *   - a failure yields an error code from the format's table, the byte offset
 *     where parsing stopped and a static reason string. */
#ifndef SF_COMMON_H
#define SF_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* sf_slice is a borrowed view of |len| bytes at |ptr|. It owns nothing. An
 * absent value is {NULL, 0}; a present but empty value has a non-NULL |ptr|. */
typedef struct sf_slice {
  const uint8_t *ptr;
  size_t len;
} sf_slice;

/* sf_error describes why a parse failed. |code| is a value of the format's
 * status enum (0 always means success), |offset| counts bytes from the start of
 * the buffer given to the top-level parse call, and |reason| is a static string
 * taken from the same table as the code, so code and text cannot drift. */
typedef struct sf_error {
  int code;
  size_t offset;
  const char *reason;
} sf_error;

/* sf_slice_make returns the slice {ptr, len}. */
static inline sf_slice sf_slice_make(const uint8_t *ptr, size_t len) {
  sf_slice s;
  s.ptr = ptr;
  s.len = len;
  return s;
}

/* sf_slice_is_present returns 1 if |s| refers to input (even zero bytes). */
static inline int sf_slice_is_present(sf_slice s) { return s.ptr != NULL; }

/* sf_slice_eq_lit returns 1 if |s| holds exactly the bytes of the NUL-terminated
 * |lit|, compared byte for byte. */
int sf_slice_eq_lit(sf_slice s, const char *lit);

/* sf_slice_eq_nocase_lit is sf_slice_eq_lit with ASCII letters compared
 * case-insensitively (header names, URI schemes, media types). */
int sf_slice_eq_nocase_lit(sf_slice s, const char *lit);

/* sf_slice_eq_nocase compares two slices, ASCII case-insensitively. */
int sf_slice_eq_nocase(sf_slice a, sf_slice b);

/* sf_slice_eq compares two slices byte for byte. */
int sf_slice_eq(sf_slice a, sf_slice b);

#ifdef __cplusplus
}
#endif

#endif /* SF_COMMON_H */
