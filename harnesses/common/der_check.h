/* der_check.h: promises about DER values that several harnesses assert. */
#ifndef SF_HARNESS_DER_CHECK_H
#define SF_HARNESS_DER_CHECK_H

#include <string.h>

#include "check.h"
#include "sf/der.h"

/* sf_check_oid asserts that OID contents |oid| (named |what|) lie in the
 * input, print in dotted form, and that the text encodes to the same bytes. */
static inline void sf_check_oid(sf_slice oid, const uint8_t *data, size_t len, const char *what) {
  char text[SF_DER_OID_TEXT_MAX];
  uint8_t back[SF_DER_OID_TEXT_MAX];
  size_t tn = 0, bn = 0;
  SF_CHECK_WITHIN(oid, data, len, what);
  int rc = sf_der_oid_to_text(oid, text, sizeof text, &tn);
  SF_CHECK(rc == SF_DER_OK, "%s: a parsed OID does not print: %s", what, sf_der_status_name(rc));
  SF_CHECK(tn < sizeof text && text[tn] == '\0', "%s: OID text not NUL-terminated", what);
  rc = sf_der_oid_from_text(text, tn, back, sizeof back, &bn);
  SF_CHECK(rc == SF_DER_OK, "%s: OID text %s does not encode: %s", what, text,
           sf_der_status_name(rc));
  SF_CHECK(bn == oid.len && memcmp(back, oid.ptr, bn) == 0, "%s: OID %s encodes to other bytes",
           what, text);
}

/* sf_is_string_tag returns 1 for the universal types BER may build from
 * segments (what sf_der_get_any already checks inside). */
static inline int sf_is_string_tag(sf_der_tag tag) {
  uint32_t n = tag & SF_DER_NUMBER_MASK;
  return (tag & SF_DER_CLASS_MASK) == SF_DER_CLASS_UNIVERSAL &&
         (n == 3 || n == 4 || n == 7 || n == 12 || (n >= 18 && n <= 28) || n == 30);
}

/* sf_walk_tree reads every element under |d| at every depth, calling
 * |visit| (if not NULL) on each; returns the first failure's status. */
static inline int sf_walk_tree(sf_der *d, void (*visit)(const sf_der_elem *)) {
  while (!sf_der_at_end(d)) {
    sf_der_elem e;
    int rc = sf_der_get_any(d, &e);
    if (rc != SF_DER_OK) return rc;
    if (visit != NULL) visit(&e);
    if ((e.tag & SF_DER_CONSTRUCTED) && !sf_is_string_tag(e.tag)) {
      sf_der inner;
      rc = sf_der_open(d, &e, &inner);
      if (rc == SF_DER_OK) rc = sf_walk_tree(&inner, visit);
      if (rc != SF_DER_OK) return rc;
    }
  }
  return SF_DER_OK;
}

#endif /* SF_HARNESS_DER_CHECK_H */
