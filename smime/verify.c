/* verify.c: a SignedData's signatures (RFC 5652 5.4-5.6), one signer at a
 * time, with the reason a signature fails.
 *
 * CMS_verify answers yes or no for the whole message; a checker must say
 * why. So the steps CMS_verify takes are taken here one by one, with
 * OpenSSL's own functions: CMS_SignerInfo_verify checks the signature over
 * the signed attributes (a changed attribute or signature value fails
 * here), CMS_SignerInfo_verify_content compares the content's digest with
 * the messageDigest attribute (a changed content byte fails here; without
 * signed attributes it checks the signature over the digest itself). */
#include <openssl/bio.h>
#include <openssl/err.h>
#include <stdlib.h>
#include <string.h>

#include "smime_internal.h"

void sf_smimei_alg_name(const ASN1_OBJECT *obj, char *out, size_t cap) {
  int nid = OBJ_obj2nid(obj);
  if (nid != NID_undef) {
    sf_smimei_copy(out, cap, OBJ_nid2sn(nid));
  } else if (cap > 0 && OBJ_obj2txt(out, (int)cap, obj, 1) <= 0) {
    out[0] = '\0';
  }
}

/* fail_all gives every signer without a verdict yet the verdict |sig|. */
static void fail_all(sf_smime_verdict *v, int sig, const char *detail) {
  for (size_t i = 0; i < v->signer_count; i++) {
    sf_smime_signer *si = &v->signers[i];
    if (si->signature != SF_SMIME_SIG_VALID) continue;
    si->signature = sig;
    sf_smimei_copy(si->signature_detail, sizeof si->signature_detail, detail);
  }
}

/* set_failure records a failed step for one signer. */
static void set_failure(sf_smime_signer *out, int sig) {
  sf_smimei_errors e;
  sf_smimei_drain(&e, out->signature_detail, sizeof out->signature_detail,
                  sf_smime_sig_reason(sig));
  out->signature = e.unknown_algorithm ? SF_SMIME_SIG_UNKNOWN_ALGORITHM : sig;
}

/* signing_time reads the signingTime attribute (RFC 5652 11.3), if any. */
static void signing_time(CMS_SignerInfo *si, sf_smime_signer *out) {
  int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  X509_ATTRIBUTE *attr = idx >= 0 ? CMS_signed_get_attr(si, idx) : NULL;
  ASN1_TYPE *t = attr != NULL ? X509_ATTRIBUTE_get0_type(attr, 0) : NULL;
  if (t != NULL && (t->type == V_ASN1_UTCTIME || t->type == V_ASN1_GENERALIZEDTIME) &&
      sf_smimei_asn1_time(t->value.asn1_string, &out->signing_time) == 0) {
    out->has_signing_time = 1;
  }
}

/* describe_signer fills what the SignerInfo itself says: digest, signing
 * time, certificate; and checks the certificate. */
static void describe_signer(const sf_smime *s, CMS_SignerInfo *si, STACK_OF(X509) *certs,
                            int64_t at, sf_smime_signer *out) {
  EVP_PKEY *pkey = NULL;
  X509 *signer = NULL;
  X509_ALGOR *dig = NULL, *sig = NULL;
  CMS_SignerInfo_get0_algs(si, &pkey, &signer, &dig, &sig);
  const ASN1_OBJECT *obj = NULL;
  if (dig != NULL) X509_ALGOR_get0(&obj, NULL, NULL, dig);
  if (obj != NULL) {
    out->digest_nid = OBJ_obj2nid(obj);
    sf_smimei_alg_name(obj, out->digest, sizeof out->digest);
  }
  out->signed_attrs = CMS_signed_get_attr_count(si) >= 0;
  signing_time(si, out);
  if (signer == NULL) {
    out->signature = SF_SMIME_SIG_NO_SIGNER_CERT;
    sf_smimei_copy(out->signature_detail, sizeof out->signature_detail,
                   "no certificate in the message matches the signer identifier");
    return;
  }
  sf_smimei_describe_cert(signer, out);
  sf_smimei_check_cert(s, signer, certs, at, out);
}

/* verify_attrs checks each signer's signature over its signed attributes. */
static void verify_attrs(STACK_OF(CMS_SignerInfo) *sis, sf_smime_verdict *v) {
  for (size_t i = 0; i < v->signer_count; i++) {
    sf_smime_signer *out = &v->signers[i];
    if (out->signature != SF_SMIME_SIG_VALID || !out->signed_attrs) continue;
    if (CMS_SignerInfo_verify(sk_CMS_SignerInfo_value(sis, (int)i)) != 1) {
      set_failure(out, SF_SMIME_SIG_BAD_SIGNATURE);
    }
    ERR_clear_error();
  }
}

/* verify_content digests the content through the chain CMS_dataInit
 * builds and compares each signer's digest. */
static void verify_content(CMS_ContentInfo *cms, STACK_OF(CMS_SignerInfo) *sis,
                           const uint8_t *content, size_t content_len, sf_smime_verdict *v) {
  BIO *dcont = content != NULL ? BIO_new_mem_buf(content, (int)content_len) : NULL;
  BIO *chain = (content == NULL || dcont != NULL) ? CMS_dataInit(cms, dcont) : NULL;
  if (chain == NULL) {
    sf_smimei_errors e;
    char why[SF_SMIME_MAX_TEXT];
    sf_smimei_drain(&e, why, sizeof why, "cannot read the content");
    fail_all(v, e.unknown_algorithm ? SF_SMIME_SIG_UNKNOWN_ALGORITHM : SF_SMIME_SIG_BAD_SIGNATURE,
             why);
    BIO_free(dcont);
    return;
  }
  uint8_t buf[4096];
  while (BIO_read(chain, buf, sizeof buf) > 0) {
  }
  for (size_t i = 0; i < v->signer_count; i++) {
    sf_smime_signer *out = &v->signers[i];
    if (out->signature != SF_SMIME_SIG_VALID) continue;
    if (CMS_SignerInfo_verify_content(sk_CMS_SignerInfo_value(sis, (int)i), chain) != 1) {
      set_failure(out, out->signed_attrs ? SF_SMIME_SIG_DIGEST_MISMATCH
                                         : SF_SMIME_SIG_BAD_SIGNATURE);
    }
    ERR_clear_error();
  }
  /* Free the digest BIOs CMS_dataInit pushed, then our content BIO (as
   * CMS_verify does: the caller's BIO is not the chain's to free). */
  if (dcont == NULL) {
    BIO_free_all(chain);
  } else {
    while (chain != NULL && chain != dcont) {
      BIO *next = BIO_pop(chain);
      BIO_free(chain);
      chain = next;
    }
    BIO_free(dcont);
  }
}

/* copy_content hands back the encapsulated content of an opaque
 * SignedData. */
static int copy_content(CMS_ContentInfo *cms, uint8_t **out, size_t *out_len) {
  ASN1_OCTET_STRING **pos = CMS_get0_content(cms);
  const ASN1_OCTET_STRING *os = pos != NULL ? *pos : NULL;
  size_t n = os != NULL ? (size_t)ASN1_STRING_length(os) : 0;
  if (n > SF_SMIME_MAX_CONTENT) return SF_SMIME_CONTENT_TOO_LARGE;
  *out = malloc(n > 0 ? n : 1);
  if (*out == NULL) return SF_SMIME_CONTENT_TOO_LARGE;
  if (n > 0) memcpy(*out, ASN1_STRING_get0_data(os), n);
  *out_len = n;
  return SF_SMIME_OK;
}

/* finish records |status| with OpenSSL's reason and returns it. */
static int finish(sf_smime_verdict *v, int status) {
  sf_smimei_errors e;
  sf_smimei_drain(&e, v->detail, sizeof v->detail,
                  status == SF_SMIME_OK ? "" : sf_smime_status_reason(status));
  if (status == SF_SMIME_OK) v->detail[0] = '\0';
  v->status = status;
  return status;
}

int sf_smime_verify(const sf_smime *s, const uint8_t *der, size_t der_len, const uint8_t *content,
                    size_t content_len, sf_smime_verdict *out, uint8_t **out_content,
                    size_t *out_content_len) {
  memset(out, 0, sizeof *out);
  if (out_content != NULL) *out_content = NULL;
  if (out_content_len != NULL) *out_content_len = 0;
  ERR_clear_error();
  out->at = sf_smimei_now(s);
  out->trust_checked = s->store != NULL;
  if (der_len > SF_SMIME_MAX_CONTENT || content_len > SF_SMIME_MAX_CONTENT) {
    return finish(out, SF_SMIME_CONTENT_TOO_LARGE);
  }
  const unsigned char *p = der;
  CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)der_len);
  if (cms == NULL) return finish(out, SF_SMIME_MALFORMED);
  int status = SF_SMIME_OK;
  ASN1_OCTET_STRING **pos = NULL;
  STACK_OF(CMS_SignerInfo) *sis = NULL;
  STACK_OF(X509) *certs = NULL;
  if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed) {
    status = SF_SMIME_NOT_SIGNED_DATA;
    goto done;
  }
  pos = CMS_get0_content(cms);
  out->attached = pos != NULL && *pos != NULL;
  if (content != NULL && out->attached) status = SF_SMIME_NOT_DETACHED;
  if (content == NULL && !out->attached) status = SF_SMIME_NO_CONTENT;
  sis = CMS_get0_SignerInfos(cms);
  int n = sk_CMS_SignerInfo_num(sis);
  if (status == SF_SMIME_OK && n <= 0) status = SF_SMIME_NO_SIGNERS;
  if (status == SF_SMIME_OK && n > SF_SMIME_MAX_SIGNERS) status = SF_SMIME_TOO_MANY_SIGNERS;
  if (status != SF_SMIME_OK) goto done;

  /* Each SignerInfo's certificate from the message's own (RFC 5652 5.1);
   * a signer without one is reported, not fatal to the others. */
  CMS_set1_signers_certs(cms, NULL, 0);
  ERR_clear_error();
  certs = CMS_get1_certs(cms);
  out->signer_count = (size_t)n;
  for (int i = 0; i < n; i++) {
    describe_signer(s, sk_CMS_SignerInfo_value(sis, i), certs, out->at, &out->signers[i]);
  }
  verify_attrs(sis, out);
  verify_content(cms, sis, content, content_len, out);
  if (out_content != NULL && out->attached) {
    status = copy_content(cms, out_content, out_content_len);
  }
done:
  sk_X509_pop_free(certs, X509_free);
  CMS_ContentInfo_free(cms);
  return finish(out, status);
}
