/* algorithm.c: AlgorithmIdentifier (RFC 5280 4.1.1.2, RFC 5652 10.1). */
#include "cms_internal.h"

int sf_cms__need(sf_der *d, sf_der_tag tag, int code) {
  if (sf_der_at_end(d)) return sf_cms__fail(d, SF_CMS_MISSING_ELEMENT, d->pos);
  if (!sf_der_is_next(d, tag)) {
    /* A malformed identifier, or the right type in the wrong form (a
     * primitive SET, X.690 8.12.1), is an encoding fault: let the reader
     * name it. */
    sf_der_tag got = 0;
    int wrong_form = sf_der_peek_tag(d, &got) && (got ^ tag) == SF_DER_CONSTRUCTED;
    if (!sf_der_peek_tag(d, &got) || wrong_form) {
      sf_der_elem e;
      sf_der probe = *d;
      int rc = sf_der_get_any(&probe, &e);
      if (rc != SF_CMS_OK) return rc;
    }
    return sf_cms__fail(d, wrong_form ? SF_CMS_BAD_FORM : code, d->pos);
  }
  return SF_CMS_OK;
}

int sf_cms__optional(sf_der *d, sf_der_tag tag, int *out_present) {
  *out_present = sf_der_is_next(d, tag);
  if (!*out_present && sf_der_is_next(d, tag ^ SF_DER_CONSTRUCTED)) {
    return sf_cms__fail(d, SF_CMS_BAD_FORM, d->pos);
  }
  return SF_CMS_OK;
}

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER,
 *                                    parameters ANY DEFINED BY algorithm OPTIONAL } */
int sf_cms__get_alg_or(sf_der *d, sf_cms_alg *out, int code) {
  sf_der a;
  out->oid = out->params = sf_slice_make(NULL, 0);
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, code);
  if (rc == SF_CMS_OK) rc = sf_der_get(d, SF_DER_SEQUENCE, &a);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&a, SF_DER_OID, code);
  if (rc == SF_CMS_OK) rc = sf_der_get_oid(&a, &out->oid);
  if (rc == SF_CMS_OK && !sf_der_at_end(&a)) {
    sf_der_elem p;
    rc = sf_der_get_any(&a, &p);
    if (rc == SF_CMS_OK) out->params = p.whole;
  }
  if (rc == SF_CMS_OK && !sf_der_at_end(&a)) rc = sf_cms__fail(d, code, a.pos);
  return rc;
}

int sf_cms__get_alg(sf_der *d, sf_cms_alg *out) {
  return sf_cms__get_alg_or(d, out, SF_CMS_BAD_ALGORITHM);
}
