/* der_internal.h: pieces shared by the files of parsers/der/ (not public). */
#ifndef SF_DER_INTERNAL_H
#define SF_DER_INTERNAL_H

#include "sf/der.h"

/* sf_der__hdr is a decoded identifier and length. */
typedef struct sf_der__hdr {
  sf_der_tag tag;
  size_t header_len;
  size_t len;     /* contents length; 0 when indefinite */
  int indefinite; /* the length octet was 0x80 */
} sf_der__hdr;

/* sf_der__is_eoc returns 1 if |h| is end-of-contents: exactly the two
 * octets 00 00 (X.690 8.1.5). "00 81 00" is not one, even in BER: it is an
 * element of the reserved tag 0, which sf_der_get_any rejects. */
static inline int sf_der__is_eoc(const sf_der__hdr *h) {
  return h->tag == SF_DER_EOC && !h->indefinite && h->len == 0 && h->header_len == 2;
}

/* sf_der__read_header decodes the identifier and length octets at absolute
 * |pos| of st->base, reading nothing at or past |end|. The definite contents
 * must fit before |end|. Applies st->flags (indefinite, non-minimal lengths)
 * and records warnings in |st|, but records no error: on failure it returns
 * the code and stores the offending offset in |*err_off|. */
int sf_der__read_header(sf_der_state *st, size_t pos, size_t end, sf_der__hdr *out,
                        size_t *err_off);

/* sf_der__is_string_type returns 1 for the universal types that BER lets be
 * constructed from segments: BIT STRING, OCTET STRING, ObjectDescriptor and
 * the character and time string types (X.690 8.6, 8.7, 8.23, 8.25, 8.26). */
int sf_der__is_string_type(uint32_t number);

/* sf_der__check_primitive checks the contents octets of a primitive
 * universal element of number |number| where X.690 fixes their form; other
 * types pass. Warnings go to |st|; on failure *err_off is set. */
int sf_der__check_primitive(sf_der_state *st, uint32_t number, sf_slice contents,
                            size_t *err_off);

/* sf_der__integer_check validates INTEGER/ENUMERATED contents. */
int sf_der__integer_check(sf_slice contents);

/* sf_der__walk_string walks the constructed string whose contents are
 * [pos, end) (definite) or run to an end-of-contents (|indefinite|), made of
 * segments of universal type |number|, at string nesting |nest| (0 for the
 * contents of the outermost constructed string). It adds the
 * joined length to *io_len and the primitive segments to *io_segments, and,
 * when |out| is not NULL, appends the joined bytes at out[*io_len] (the
 * caller has checked the room). *out_end gets the position after the
 * contents (after the end-of-contents octets if indefinite). For BIT STRING
 * the joined length counts one unused-bits octet, written first; *io_unused
 * receives the last segment's unused bits. */
int sf_der__walk_string(sf_der_state *st, size_t pos, size_t end, int indefinite, uint32_t number,
                        unsigned nest, size_t *io_len, size_t *io_segments, uint8_t *out,
                        uint8_t *io_unused, size_t *out_end, size_t *err_off);

#endif /* SF_DER_INTERNAL_H */
