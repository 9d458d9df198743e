/* name.c: Name (RFC 5280 4.1.2.4) and the identifiers built on it:
 * IssuerAndSerialNumber and SubjectKeyIdentifier (RFC 5652 5.3, 6.2.1).
 *
 *   Name ::= SEQUENCE OF RelativeDistinguishedName
 *   RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
 *   AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }
 *
 * Values are kept encoded and must be of a universal type. The text types
 * whose encoding can be wrong
 * (UTF8String, BMPString, UniversalString) are checked, since a reader that
 * converts names to compare them (RFC 5280 7.1) fails on those. */
#include "cms_internal.h"

static int get_atv(sf_der *rdn) {
  sf_der atv;
  sf_slice type;
  sf_der_elem value;
  int rc = sf_cms__need(rdn, SF_DER_SEQUENCE, SF_CMS_BAD_NAME);
  if (rc == SF_CMS_OK) rc = sf_der_get(rdn, SF_DER_SEQUENCE, &atv);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&atv, SF_DER_OID, SF_CMS_BAD_NAME);
  if (rc == SF_CMS_OK) rc = sf_der_get_oid(&atv, &type);
  if (rc == SF_CMS_OK && sf_der_at_end(&atv)) rc = sf_cms__fail(&atv, SF_CMS_BAD_NAME, atv.pos);
  if (rc == SF_CMS_OK) rc = sf_der_get_any(&atv, &value);
  if (rc == SF_CMS_OK && !sf_der_at_end(&atv)) rc = sf_cms__fail(&atv, SF_CMS_BAD_NAME, atv.pos);
  /* X.520 attribute values are universal types (DirectoryString, IA5String,
   * PrintableString...); a context- or application-tagged value is not a
   * name any reader compares (OpenSSL rejects it: "mstring not universal"). */
  if (rc == SF_CMS_OK && (value.tag & SF_DER_CLASS_MASK) != SF_DER_CLASS_UNIVERSAL) {
    rc = sf_cms__fail(&atv, SF_CMS_BAD_NAME, sf_cms__offset(&atv, value.whole));
  }
  if (rc == SF_CMS_OK) {
    sf_der_tag t = value.tag;
    if (t == SF_DER_UTF8STRING || t == SF_DER_BMPSTRING || t == SF_DER_UNIVERSALSTRING) {
      if (sf_der_check_text(t, value.contents) != SF_DER_OK) {
        rc = sf_cms__fail(&atv, SF_CMS_BAD_NAME, sf_cms__offset(&atv, value.whole));
      }
    }
  }
  return rc;
}

int sf_cms__get_name(sf_der *d, sf_slice *out) {
  sf_der_elem e;
  sf_der rdns;
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, SF_CMS_BAD_NAME);
  if (rc == SF_CMS_OK) rc = sf_der_get_elem(d, SF_DER_SEQUENCE, &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(d, &e, &rdns);
  while (rc == SF_CMS_OK && !sf_der_at_end(&rdns)) {
    sf_der rdn;
    rc = sf_cms__need(&rdns, SF_DER_SET, SF_CMS_BAD_NAME);
    if (rc == SF_CMS_OK) rc = sf_der_get(&rdns, SF_DER_SET, &rdn);
    if (rc == SF_CMS_OK && sf_der_at_end(&rdn)) rc = sf_cms__fail(&rdn, SF_CMS_BAD_NAME, rdn.pos);
    while (rc == SF_CMS_OK && !sf_der_at_end(&rdn)) rc = get_atv(&rdn);
  }
  if (rc == SF_CMS_OK) *out = e.whole;
  return rc;
}

int sf_cms__get_sid(sf_der *d, sf_cms_sid *out) {
  out->kind = 0;
  out->issuer = out->serial = out->key_id = sf_slice_make(NULL, 0);
  if (sf_der_is_next(d, SF_DER_SEQUENCE)) {
    sf_der ias;
    int rc = sf_der_get(d, SF_DER_SEQUENCE, &ias);
    if (rc == SF_CMS_OK) rc = sf_cms__get_name(&ias, &out->issuer);
    if (rc == SF_CMS_OK) rc = sf_cms__need(&ias, SF_DER_INTEGER, SF_CMS_BAD_SIGNER_ID);
    if (rc == SF_CMS_OK) rc = sf_der_get_integer(&ias, &out->serial);
    if (rc == SF_CMS_OK) rc = sf_der_finish(&ias);
    if (rc == SF_CMS_OK) out->kind = SF_CMS_SID_ISSUER_SERIAL;
    return rc;
  }
  /* [0] IMPLICIT SubjectKeyIdentifier (an OCTET STRING). */
  int rc = sf_cms__need(d, SF_DER_CONTEXT(0), SF_CMS_BAD_SIGNER_ID);
  sf_der_elem e;
  if (rc == SF_CMS_OK) rc = sf_der_get_elem(d, SF_DER_CONTEXT(0), &e);
  if (rc == SF_CMS_OK) {
    out->kind = SF_CMS_SID_KEY_ID;
    out->key_id = e.contents;
  }
  return rc;
}
