/* integer.c: INTEGER, ENUMERATED, BOOLEAN and NULL (X.690 8.2-8.4, 8.8,
 * 11.1), and the contents checks of universal primitive types. */
#include "der_internal.h"

int sf_der__integer_check(sf_slice c) {
  if (c.len == 0) return SF_DER_BAD_INTEGER;
  /* 8.3.2: the first nine bits are not all ones or all zeros. */
  if (c.len > 1 && ((c.ptr[0] == 0x00 && !(c.ptr[1] & 0x80)) ||
                    (c.ptr[0] == 0xFF && (c.ptr[1] & 0x80)))) {
    return SF_DER_NONMINIMAL_INTEGER;
  }
  return SF_DER_OK;
}

/* BIT STRING contents (8.6.2): an unused-bits octet 0-7, zero if there are
 * no further octets; DER (11.2.1) also wants the unused bits zero. */
static int bit_string_check(sf_der_state *st, sf_slice c) {
  if (c.len == 0 || c.ptr[0] > 7 || (c.len == 1 && c.ptr[0] != 0)) return SF_DER_BAD_BIT_STRING;
  uint8_t mask = (uint8_t)((1u << c.ptr[0]) - 1);
  if (c.len > 1 && (c.ptr[c.len - 1] & mask)) {
    if (!(st->flags & SF_DER_ALLOW_BIT_PADDING)) return SF_DER_BAD_BIT_STRING;
    st->warnings |= SF_DER_W_BIT_PADDING;
  }
  return SF_DER_OK;
}

int sf_der__check_primitive(sf_der_state *st, uint32_t number, sf_slice c, size_t *err_off) {
  int rc = SF_DER_OK;
  switch (number) {
    case SF_DER_BOOLEAN:
      if (c.len != 1) {
        rc = SF_DER_BAD_BOOLEAN;
      } else if (c.ptr[0] != 0x00 && c.ptr[0] != 0xFF) {
        if (!(st->flags & SF_DER_ALLOW_BER_BOOLEAN)) {
          rc = SF_DER_BAD_BOOLEAN;
        } else {
          st->warnings |= SF_DER_W_BER_BOOLEAN;
        }
      }
      break;
    case SF_DER_INTEGER:
    case SF_DER_ENUMERATED:
      rc = sf_der__integer_check(c);
      break;
    case SF_DER_NULL:
      if (c.len != 0) rc = SF_DER_BAD_NULL;
      break;
    case SF_DER_OID:
      rc = sf_der_oid_check(c);
      break;
    case SF_DER_BIT_STRING:
      rc = bit_string_check(st, c);
      break;
    case SF_DER_BMPSTRING:
      if (c.len % 2) rc = SF_DER_BAD_STRING;
      break;
    case SF_DER_UNIVERSALSTRING:
      if (c.len % 4) rc = SF_DER_BAD_STRING;
      break;
    default:
      break;
  }
  /* The header is what is wrong: report the element's contents start. */
  if (rc != SF_DER_OK) *err_off = (size_t)(c.ptr - st->base);
  return rc;
}

/* get_primitive reads an element of universal primitive type |number|,
 * whose contents get_any has already checked. */
static int get_primitive(sf_der *d, uint32_t number, sf_slice *out) {
  sf_der_elem e;
  int rc = sf_der_get_elem(d, number, &e);
  if (rc == SF_DER_OK) *out = e.contents;
  return rc;
}

int sf_der_get_integer(sf_der *d, sf_slice *out) {
  return get_primitive(d, SF_DER_INTEGER, out);
}

int sf_der_get_u64(sf_der *d, uint64_t *out) {
  size_t start = d->pos;
  sf_slice c;
  int rc = sf_der_get_integer(d, &c);
  if (rc != SF_DER_OK) return rc;
  if (c.ptr[0] & 0x80) {
    d->pos = start;
    return sf_der_fail(d->st, SF_DER_NEGATIVE_INTEGER, start);
  }
  size_t i = (c.ptr[0] == 0) ? 1 : 0; /* the sign octet of a value >= 2^63 */
  if (c.len - i > 8) {
    d->pos = start;
    return sf_der_fail(d->st, SF_DER_INTEGER_TOO_LARGE, start);
  }
  uint64_t v = 0;
  for (; i < c.len; i++) v = (v << 8) | c.ptr[i];
  *out = v;
  return SF_DER_OK;
}

int sf_der_get_bool(sf_der *d, int *out) {
  sf_slice c;
  int rc = get_primitive(d, SF_DER_BOOLEAN, &c);
  if (rc == SF_DER_OK) *out = c.ptr[0] != 0;
  return rc;
}

int sf_der_get_null(sf_der *d) {
  sf_slice c;
  return get_primitive(d, SF_DER_NULL, &c);
}

int sf_der_get_oid(sf_der *d, sf_slice *out) {
  return get_primitive(d, SF_DER_OID, out);
}

int sf_der_get_octets(sf_der *d, sf_slice *out) {
  if (sf_der_is_next(d, SF_DER_OCTET_STRING | SF_DER_CONSTRUCTED)) {
    return sf_der_fail(d->st, SF_DER_CONSTRUCTED_STRING, d->pos);
  }
  return get_primitive(d, SF_DER_OCTET_STRING, out);
}
