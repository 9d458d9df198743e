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

#endif /* SF_HARNESS_DER_CHECK_H */
