/* signed_data.c: SignedData (RFC 5652 5.1, 5.2).
 *
 *   SignedData ::= SEQUENCE { version CMSVersion,
 *       digestAlgorithms SET OF DigestAlgorithmIdentifier,
 *       encapContentInfo EncapsulatedContentInfo,
 *       certificates [0] IMPLICIT CertificateSet OPTIONAL,
 *       crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
 *       signerInfos SET OF SignerInfo }
 *   EncapsulatedContentInfo ::= SEQUENCE { eContentType ContentType,
 *       eContent [0] EXPLICIT OCTET STRING OPTIONAL } */
#include <string.h>

#include "cms_internal.h"

static int get_digest_algs(sf_der *sd, sf_cms_signed_data *out) {
  sf_der set;
  int rc = sf_cms__need(sd, SF_DER_SET, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get(sd, SF_DER_SET, &set);
  while (rc == SF_CMS_OK && !sf_der_at_end(&set)) {
    if (out->digest_alg_count == SF_CMS_MAX_DIGEST_ALGS) {
      return sf_cms__fail(sd, SF_CMS_TOO_MANY_DIGEST_ALGS, set.pos);
    }
    rc = sf_cms__get_alg(&set, &out->digest_algs[out->digest_alg_count]);
    if (rc == SF_CMS_OK) out->digest_alg_count++;
  }
  return rc;
}

static int get_encap_content_info(sf_der *sd, sf_cms_signed_data *out) {
  sf_der eci, wrap;
  int present = 0;
  int rc = sf_cms__need(sd, SF_DER_SEQUENCE, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get(sd, SF_DER_SEQUENCE, &eci);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&eci, SF_DER_OID, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get_oid(&eci, &out->econtent_type);
  if (rc == SF_CMS_OK) rc = sf_cms__optional(&eci, SF_DER_CONTEXT_CONS(0), &present);
  if (rc == SF_CMS_OK && present) rc = sf_der_get(&eci, SF_DER_CONTEXT_CONS(0), &wrap);
  if (rc == SF_CMS_OK && present) {
    /* Primitive, or (BER, e.g. openssl cms -stream) constructed. */
    if (!sf_der_is_next(&wrap, SF_DER_OCTET_STRING | SF_DER_CONSTRUCTED)) {
      rc = sf_cms__need(&wrap, SF_DER_OCTET_STRING, SF_CMS_UNEXPECTED_TAG);
    }
    if (rc == SF_CMS_OK) rc = sf_der_get_string(&wrap, SF_DER_OCTET_STRING, &out->econtent);
    if (rc == SF_CMS_OK) rc = sf_der_finish(&wrap);
    out->has_econtent = rc == SF_CMS_OK;
  }
  if (rc == SF_CMS_OK) rc = sf_der_finish(&eci);
  return rc;
}

static int get_signers(sf_der *sd, sf_cms_signed_data *out) {
  sf_der set;
  if (sf_der_at_end(sd)) return sf_cms__fail(sd, SF_CMS_MISSING_SIGNER_INFOS, sd->pos);
  int rc = sf_cms__need(sd, SF_DER_SET, SF_CMS_MISSING_SIGNER_INFOS);
  if (rc == SF_CMS_OK) rc = sf_der_get(sd, SF_DER_SET, &set);
  while (rc == SF_CMS_OK && !sf_der_at_end(&set)) {
    if (out->signer_count == SF_CMS_MAX_SIGNERS) {
      return sf_cms__fail(sd, SF_CMS_TOO_MANY_SIGNERS, set.pos);
    }
    rc = sf_cms__get_signer(&set, out->econtent_type, &out->signers[out->signer_count]);
    if (rc == SF_CMS_OK) out->signer_count++;
  }
  return rc;
}

int sf_cms__get_signed_data(sf_der *d, sf_cms_signed_data *out) {
  sf_der sd;
  memset(out, 0, sizeof *out);
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get(d, SF_DER_SEQUENCE, &sd);
  if (rc != SF_CMS_OK) return rc;
  size_t at = sd.pos;
  rc = sf_cms__need(&sd, SF_DER_INTEGER, SF_CMS_BAD_VERSION);
  if (rc == SF_CMS_OK) rc = sf_der_get_u64(&sd, &out->version);
  /* 5.1: 1, 3, 4 or 5 (which one depends on the contents). */
  if (rc == SF_CMS_OK && out->version != 1 && out->version != 3 && out->version != 4 &&
      out->version != 5) {
    rc = sf_cms__fail(&sd, SF_CMS_BAD_VERSION, at);
  }
  if (rc == SF_CMS_OK) rc = get_digest_algs(&sd, out);
  if (rc == SF_CMS_OK) rc = get_encap_content_info(&sd, out);
  if (rc == SF_CMS_OK) rc = sf_cms__get_certs(&sd, SF_DER_CONTEXT_CONS(0), &out->certs);
  if (rc == SF_CMS_OK) rc = sf_cms__get_crls(&sd, SF_DER_CONTEXT_CONS(1), &out->crls, &out->crl_count);
  if (rc == SF_CMS_OK) rc = get_signers(&sd, out);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&sd);
  return rc;
}
