/* signer_info.c: SignerInfo and the signed attributes it decodes
 * (RFC 5652 5.3, 11; RFC 8551 2.5.2).
 *
 *   SignerInfo ::= SEQUENCE { version CMSVersion, sid SignerIdentifier,
 *       digestAlgorithm DigestAlgorithmIdentifier,
 *       signedAttrs [0] IMPLICIT SignedAttributes OPTIONAL,
 *       signatureAlgorithm SignatureAlgorithmIdentifier,
 *       signature SignatureValue (OCTET STRING),
 *       unsignedAttrs [1] IMPLICIT UnsignedAttributes OPTIONAL } */
#include "cms_internal.h"

/* single_value opens the one value of attribute |a| (RFC 5652 11.1-11.3:
 * "MUST have a single attribute value"), failing with |code|. */
static int single_value(sf_der *d, const sf_cms_attr *a, int code, sf_der *out) {
  if (a->value_count != 1) return sf_cms__fail(d, code, sf_cms__offset(d, a->values));
  *out = *d;
  out->pos = sf_cms__offset(d, a->values);
  out->end = out->pos + a->values.len;
  out->depth = d->depth + 3; /* signedAttrs > Attribute > SET */
  return SF_CMS_OK;
}

/* SMIMECapabilities ::= SEQUENCE OF SMIMECapability
 * SMIMECapability ::= SEQUENCE { capabilityID OID, parameters ANY OPTIONAL } */
static int get_smime_caps(sf_der *v, sf_cms_signer *out) {
  sf_der seq;
  int rc = sf_cms__need(v, SF_DER_SEQUENCE, SF_CMS_BAD_SMIME_CAPABILITIES);
  if (rc == SF_CMS_OK) rc = sf_der_get(v, SF_DER_SEQUENCE, &seq);
  while (rc == SF_CMS_OK && !sf_der_at_end(&seq)) {
    if (out->smime_cap_count == SF_CMS_MAX_SMIME_CAPS) {
      return sf_cms__fail(v, SF_CMS_TOO_MANY_SMIME_CAPS, seq.pos);
    }
    /* The shape of an AlgorithmIdentifier, faults named for the attribute. */
    rc = sf_cms__get_alg_or(&seq, &out->smime_caps[out->smime_cap_count],
                            SF_CMS_BAD_SMIME_CAPABILITIES);
    if (rc == SF_CMS_OK) out->smime_cap_count++;
  }
  if (rc == SF_CMS_OK) rc = sf_der_finish(v);
  if (rc == SF_CMS_OK) out->has_smime_caps = 1;
  return rc;
}

/* decode_signed_attrs applies RFC 5652 5.3 and 11 to the signed attributes. */
static int decode_signed_attrs(sf_der *d, sf_slice econtent_type, sf_cms_signer *out) {
  const sf_cms_attrs *attrs = &out->signed_attrs;
  int rc = SF_CMS_OK;
  int seen_ct = 0, seen_md = 0, seen_st = 0, seen_caps = 0;
  for (size_t i = 0; rc == SF_CMS_OK && i < attrs->count; i++) {
    const sf_cms_attr *a = &attrs->items[i];
    size_t at = sf_cms__offset(d, a->values);
    sf_der v;
    int *seen = NULL;
    if (sf_der_oid_eq(a->type, SF_CMS__OID(content_type))) {
      seen = &seen_ct;
      /* 11.1: one OID, equal to eContentType (5.3). */
      rc = single_value(d, a, SF_CMS_BAD_CONTENT_TYPE_ATTR, &v);
      if (rc == SF_CMS_OK) rc = sf_cms__need(&v, SF_DER_OID, SF_CMS_BAD_CONTENT_TYPE_ATTR);
      if (rc == SF_CMS_OK) rc = sf_der_get_oid(&v, &out->content_type);
      if (rc == SF_CMS_OK && !sf_slice_eq(out->content_type, econtent_type)) {
        rc = sf_cms__fail(d, SF_CMS_BAD_CONTENT_TYPE_ATTR, at);
      }
    } else if (sf_der_oid_eq(a->type, SF_CMS__OID(message_digest))) {
      seen = &seen_md;
      /* 11.2: one OCTET STRING, as long as the signer's digest. */
      rc = single_value(d, a, SF_CMS_BAD_MESSAGE_DIGEST, &v);
      if (rc == SF_CMS_OK) rc = sf_cms__need(&v, SF_DER_OCTET_STRING, SF_CMS_BAD_MESSAGE_DIGEST);
      if (rc == SF_CMS_OK) rc = sf_der_get_octets(&v, &out->message_digest);
      if (rc == SF_CMS_OK && out->message_digest.len != sf_cms_digest_len(out->digest_alg.oid)) {
        rc = sf_cms__fail(d, SF_CMS_MESSAGE_DIGEST_LENGTH, at);
      }
    } else if (sf_der_oid_eq(a->type, SF_CMS__OID(signing_time))) {
      seen = &seen_st;
      /* 11.3: one Time; UTCTime for 1950 to 2049, GeneralizedTime otherwise. */
      rc = single_value(d, a, SF_CMS_BAD_SIGNING_TIME, &v);
      if (rc == SF_CMS_OK && !sf_der_is_next(&v, SF_DER_UTCTIME) &&
          !sf_der_is_next(&v, SF_DER_GENERALIZEDTIME)) {
        rc = sf_cms__need(&v, SF_DER_UTCTIME, SF_CMS_BAD_SIGNING_TIME);
      }
      if (rc == SF_CMS_OK) rc = sf_der_get_time(&v, &out->signing_time);
      if (rc == SF_CMS_OK && out->signing_time.generalized && out->signing_time.year >= 1950 &&
          out->signing_time.year <= 2049) {
        rc = sf_cms__fail(d, SF_CMS_BAD_SIGNING_TIME, at);
      }
      out->has_signing_time = rc == SF_CMS_OK;
    } else if (sf_der_oid_eq(a->type, SF_CMS__OID(smime_caps))) {
      seen = &seen_caps;
      rc = single_value(d, a, SF_CMS_BAD_SMIME_CAPABILITIES, &v);
      if (rc == SF_CMS_OK) rc = get_smime_caps(&v, out);
    } else {
      continue; /* kept encoded in signed_attrs */
    }
    if (rc == SF_CMS_OK && seen != NULL && (*seen)++) {
      rc = sf_cms__fail(d, SF_CMS_DUPLICATE_ATTRIBUTE, at);
    }
  }
  size_t whole = sf_cms__offset(d, attrs->whole);
  if (rc == SF_CMS_OK && !seen_ct) rc = sf_cms__fail(d, SF_CMS_MISSING_CONTENT_TYPE_ATTR, whole);
  if (rc == SF_CMS_OK && !seen_md) rc = sf_cms__fail(d, SF_CMS_MISSING_MESSAGE_DIGEST, whole);
  return rc;
}

/* get_signature reads an OCTET STRING signature (or encrypted key) and
 * bounds it: nothing real is empty or longer than a 16384-bit RSA value. */
static int get_signature(sf_der *d, sf_slice *out) {
  size_t at = d->pos;
  int rc = sf_cms__need(d, SF_DER_OCTET_STRING, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get_octets(d, out);
  if (rc == SF_CMS_OK && out->len == 0) rc = sf_cms__fail(d, SF_CMS_EMPTY_SIGNATURE, at);
  if (rc == SF_CMS_OK && out->len > SF_CMS_MAX_SIGNATURE_LEN) {
    rc = sf_cms__fail(d, SF_CMS_SIGNATURE_TOO_LONG, at);
  }
  return rc;
}

int sf_cms__get_signer(sf_der *d, sf_slice econtent_type, sf_cms_signer *out) {
  sf_der si;
  size_t at = d->pos;
  out->has_signing_time = out->has_smime_caps = 0;
  out->smime_cap_count = 0;
  out->content_type = out->message_digest = sf_slice_make(NULL, 0);
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get(d, SF_DER_SEQUENCE, &si);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&si, SF_DER_INTEGER, SF_CMS_BAD_VERSION);
  if (rc == SF_CMS_OK) rc = sf_der_get_u64(&si, &out->version);
  if (rc == SF_CMS_OK) rc = sf_cms__get_sid(&si, &out->sid);
  /* 5.3: version 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier. */
  if (rc == SF_CMS_OK && out->version != (out->sid.kind == SF_CMS_SID_KEY_ID ? 3u : 1u)) {
    rc = sf_cms__fail(d, SF_CMS_BAD_VERSION, at);
  }
  size_t alg_at = si.pos;
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&si, &out->digest_alg);
  if (rc == SF_CMS_OK && sf_cms_digest_len(out->digest_alg.oid) == 0) {
    rc = sf_cms__fail(d, SF_CMS_UNKNOWN_DIGEST_ALG, alg_at);
  }
  if (rc == SF_CMS_OK) rc = sf_cms__get_attrs(&si, SF_DER_CONTEXT_CONS(0), &out->signed_attrs);
  if (rc == SF_CMS_OK && sf_slice_is_present(out->signed_attrs.whole)) {
    rc = decode_signed_attrs(&si, econtent_type, out);
  } else if (rc == SF_CMS_OK && sf_cms_type_of(econtent_type) != SF_CMS_TYPE_DATA) {
    /* 5.3: without signedAttrs the signature covers the content alone, and
     * nothing would bind its type: only id-data may be signed so. */
    rc = sf_cms__fail(d, SF_CMS_MISSING_SIGNED_ATTRS, at);
  }
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&si, &out->signature_alg);
  if (rc == SF_CMS_OK) rc = get_signature(&si, &out->signature);
  if (rc == SF_CMS_OK) rc = sf_cms__get_attrs(&si, SF_DER_CONTEXT_CONS(1), &out->unsigned_attrs);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&si);
  return rc;
}
