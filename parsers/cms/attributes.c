/* attributes.c: SignedAttributes, UnsignedAttributes, UnprotectedAttributes
 * (RFC 5652 5.3, 6.1):
 *
 *   Attributes ::= SET SIZE (1..MAX) OF Attribute
 *   Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER,
 *                            attrValues SET OF AttributeValue }
 *
 * Every attribute is kept (type and encoded values); the signer parser
 * decodes the ones it knows. */
#include "cms_internal.h"

static int get_attr(sf_der *set, sf_cms_attr *out) {
  sf_der a, values;
  sf_der_elem ve;
  int rc = sf_cms__need(set, SF_DER_SEQUENCE, SF_CMS_BAD_ATTRIBUTE);
  if (rc == SF_CMS_OK) rc = sf_der_get(set, SF_DER_SEQUENCE, &a);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&a, SF_DER_OID, SF_CMS_BAD_ATTRIBUTE);
  if (rc == SF_CMS_OK) rc = sf_der_get_oid(&a, &out->type);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&a, SF_DER_SET, SF_CMS_BAD_ATTRIBUTE);
  if (rc == SF_CMS_OK) rc = sf_der_get_elem(&a, SF_DER_SET, &ve);
  if (rc == SF_CMS_OK) rc = sf_der_open(&a, &ve, &values);
  if (rc == SF_CMS_OK && !sf_der_at_end(&a)) rc = sf_cms__fail(&a, SF_CMS_BAD_ATTRIBUTE, a.pos);
  out->value_count = 0;
  while (rc == SF_CMS_OK && !sf_der_at_end(&values)) {
    sf_der_elem v;
    size_t at = values.pos;
    rc = sf_der_get_any(&values, &v);
    if (rc == SF_CMS_OK && ++out->value_count > SF_CMS_MAX_ATTR_VALUES) {
      rc = sf_cms__fail(&values, SF_CMS_TOO_MANY_ATTR_VALUES, at);
    }
  }
  if (rc == SF_CMS_OK) out->values = ve.contents;
  return rc;
}

int sf_cms__get_attrs(sf_der *d, sf_der_tag tag, sf_cms_attrs *out) {
  sf_der_elem e;
  sf_der set;
  out->whole = sf_slice_make(NULL, 0);
  out->count = 0;
  int present = 0;
  int rc = sf_cms__optional(d, tag, &present);
  if (rc != SF_CMS_OK || !present) return rc;
  rc = sf_der_get_elem(d, tag, &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(d, &e, &set);
  /* SIZE (1..MAX): the fault is where the first attribute should start,
   * as for every empty SET OF that must not be. */
  if (rc == SF_CMS_OK && sf_der_at_end(&set)) rc = sf_cms__fail(d, SF_CMS_EMPTY_ATTRIBUTES, set.pos);
  while (rc == SF_CMS_OK && !sf_der_at_end(&set)) {
    if (out->count == SF_CMS_MAX_ATTRS) return sf_cms__fail(d, SF_CMS_TOO_MANY_ATTRS, set.pos);
    rc = get_attr(&set, &out->items[out->count]);
    if (rc == SF_CMS_OK) out->count++;
  }
  if (rc == SF_CMS_OK) out->whole = e.whole;
  return rc;
}
