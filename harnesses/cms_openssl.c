/* cms_openssl.c: fuzz target for OpenSSL's own CMS code, with the draft's
 * keys: d2i_CMS_ContentInfo, re-encoding, CMS_verify for SignedData and
 * CMS_decrypt for EnvelopedData.
 *
 * Deterministic: the trust anchor (the draft's CA), kumiko's key and
 * certificate and the two detached contents are loaded once, from bytes
 * compiled in (sf_draft_data.h); verification runs at fixed times; the error
 * queue is cleared after each input; nothing allocated survives an input.
 * Promises checked:
 *   - what d2i accepts re-encodes, and the re-encoding decodes and
 *     re-encodes to itself;
 *   - a SignedData that verifies as of 2005-02-04 (the draft's time) fails
 *     as of 2026 with "certificate has expired": the draft's certificates
 *     expired in 2008, so an expired signer is never silently accepted;
 *   - a decrypted EnvelopedData is no longer than its encrypted content. */
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "der_check.h"
#include "sf_draft_data.h"

#define DRAFT_TIME 1107548232 /* 2005-02-04 20:17:12 UTC, blob 1's signingTime */
#define LATER_TIME 1767225600 /* 2026-01-01 00:00:00 UTC */

static X509 *g_ca, *g_kumiko;
static EVP_PKEY *g_kumiko_key;

static BIO *mem(const unsigned char *p, size_t n) { return BIO_new_mem_buf(p, (int)n); }

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  BIO *b = mem(sf_draft_ca_cert, sizeof sf_draft_ca_cert);
  g_ca = PEM_read_bio_X509(b, NULL, NULL, NULL);
  BIO_free(b);
  b = mem(sf_draft_kumiko_cert, sizeof sf_draft_kumiko_cert);
  g_kumiko = PEM_read_bio_X509(b, NULL, NULL, NULL);
  BIO_free(b);
  b = mem(sf_draft_kumiko_key, sizeof sf_draft_kumiko_key);
  g_kumiko_key = PEM_read_bio_PrivateKey(b, NULL, NULL, NULL);
  BIO_free(b);
  SF_CHECK(g_ca && g_kumiko && g_kumiko_key, "cannot load the draft's certificates and key");
  return 0;
}

/* verify_at runs CMS_verify as of |when| with the draft CA as the only trust
 * anchor and |content| as detached content (or none). Returns 1 on success;
 * *out_reason gets the X509 verify error of a failed chain (0 otherwise). */
static int verify_at(CMS_ContentInfo *cms, time_t when, const unsigned char *content, size_t n,
                     int *out_reason) {
  X509_STORE *store = X509_STORE_new();
  X509_STORE_add_cert(store, g_ca);
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), when);
  /* The content goes through a null filter: given a bare memory BIO,
   * OpenSSL 3.0's CMS_verify copies it into a second memory BIO that it
   * leaks when CMS_dataInit fails (an unknown digest algorithm), which would
   * stop every fuzzing run on LeakSanitizer. */
  BIO *dcont = NULL;
  if (content != NULL) {
    dcont = BIO_new(BIO_f_null());
    BIO_push(dcont, mem(content, n));
  }
  BIO *out = BIO_new(BIO_s_mem());
  int ok = CMS_verify(cms, NULL, store, dcont, out, CMS_BINARY) == 1;
  *out_reason = 0;
  unsigned long e;
  while ((e = ERR_get_error()) != 0) {
    if (ERR_GET_LIB(e) == ERR_LIB_CMS && ERR_GET_REASON(e) == CMS_R_CERTIFICATE_VERIFY_ERROR) {
      *out_reason = -1; /* the chain failed; the detail is in the error data */
    }
  }
  BIO_free(out);
  BIO_free_all(dcont);
  X509_STORE_free(store);
  return ok;
}

/* expired_at says whether the signer chain fails as of |when| because a
 * certificate has expired, using a store callback-free check per signer. */
static int signers_expired_at(CMS_ContentInfo *cms, time_t when) {
  STACK_OF(X509) *certs = CMS_get1_certs(cms);
  STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(cms);
  int all_expired = sk_CMS_SignerInfo_num(sis) > 0;
  for (int i = 0; i < sk_CMS_SignerInfo_num(sis); i++) {
    X509 *signer = NULL;
    CMS_SignerInfo *si = sk_CMS_SignerInfo_value(sis, i);
    for (int k = 0; k < sk_X509_num(certs); k++) {
      if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs, k)) == 0) signer = sk_X509_value(certs, k);
    }
    if (signer == NULL) continue;
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, g_ca);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, signer, certs);
    X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SMIME_SIGN);
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), when);
    int ok = X509_verify_cert(ctx) == 1;
    int err = X509_STORE_CTX_get_error(ctx);
    if (ok || err != X509_V_ERR_CERT_HAS_EXPIRED) all_expired = 0;
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
  }
  sk_X509_pop_free(certs, X509_free);
  return all_expired;
}

static void check_signed(CMS_ContentInfo *cms) {
  int reason = 0;
  static const struct {
    const unsigned char *p;
    size_t n;
  } contents[] = {{NULL, 0},
                  {sf_draft_blob1_signed_content, sizeof sf_draft_blob1_signed_content},
                  {sf_draft_blob4_signed_content, sizeof sf_draft_blob4_signed_content}};
  ASN1_OCTET_STRING **pos = CMS_get0_content(cms);
  int detached = pos == NULL || *pos == NULL;
  for (size_t i = detached ? 1 : 0; i < (detached ? 3u : 1u); i++) {
    if (!verify_at(cms, DRAFT_TIME, contents[i].p, contents[i].n, &reason)) continue;
    /* Verified as of 2005: the same check today must fail, and fail
     * because the certificates expired, not silently pass. */
    int later_ok = verify_at(cms, LATER_TIME, contents[i].p, contents[i].n, &reason);
    SF_CHECK(!later_ok, "a SignedData that verified in 2005 still verifies in 2026");
    SF_CHECK(reason == -1 && signers_expired_at(cms, LATER_TIME),
             "a SignedData verified in 2005 fails in 2026 for a reason other than expiry");
    break;
  }
}

static void check_enveloped(CMS_ContentInfo *cms) {
  BIO *out = BIO_new(BIO_s_mem());
  if (CMS_decrypt(cms, g_kumiko_key, g_kumiko, NULL, out, CMS_BINARY) == 1) {
    ASN1_OCTET_STRING **pos = CMS_get0_content(cms);
    long plain = BIO_pending(out);
    SF_CHECK(pos != NULL && *pos != NULL, "decrypted without encryptedContent");
    SF_CHECK(plain >= 0 && plain <= ASN1_STRING_length(*pos),
             "%ld octets of plaintext from %d of ciphertext", plain, ASN1_STRING_length(*pos));
  }
  BIO_free(out);
}

/* reencoding_is_der returns 1 if OpenSSL's re-encoding is DER all through,
 * as our strict reader sees it. OpenSSL keeps ANY values (attribute values,
 * algorithm parameters) as the bytes it read and writes them back unchanged,
 * so a BER input can come back as DER with BER inside, and OpenSSL's decoder
 * has edge cases on exactly such bytes: 00 00 read as a value of type EOC
 * inside an indefinite length and then refused inside definite contents
 * (crashes/cms_openssl/dc81b5...), or a non-minimal long-form header
 * 30 82 00 00 that SET OF sorting moved to the very end of the buffer and that
 * d2i then calls "header too long" (crashes/cms_openssl/ff8e3c...). The
 * promise that a re-encoding decodes is therefore checked only where the
 * re-encoding is DER; any other failure still aborts. */
static int reencoding_is_der(const unsigned char *der, size_t n) {
  sf_der_state st;
  sf_der d;
  sf_der_init(&d, &st, der, n, 0);
  return sf_walk_tree(&d, NULL) == SF_DER_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const unsigned char *p = data;
  CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)size);
  if (cms != NULL) {
    SF_CHECK(p > data && p <= data + size, "d2i consumed %td of %zu bytes", p - data, size);
    unsigned char *der = NULL;
    int n = i2d_CMS_ContentInfo(cms, &der);
    if (n > 0) {
      const unsigned char *q = der;
      CMS_ContentInfo *again = d2i_CMS_ContentInfo(NULL, &q, n);
      if (again == NULL && !reencoding_is_der(der, (size_t)n)) {
        OPENSSL_free(der);
        CMS_ContentInfo_free(cms);
        ERR_clear_error();
        return 0;
      }
      SF_CHECK(again != NULL && q == der + n, "OpenSSL's re-encoding does not decode");
      unsigned char *der2 = NULL;
      int n2 = i2d_CMS_ContentInfo(again, &der2);
      SF_CHECK(n2 == n && memcmp(der, der2, (size_t)n) == 0, "re-encoding is not stable");
      OPENSSL_free(der2);
      CMS_ContentInfo_free(again);
    }
    OPENSSL_free(der);
    int nid = OBJ_obj2nid(CMS_get0_type(cms));
    if (nid == NID_pkcs7_signed) check_signed(cms);
    if (nid == NID_pkcs7_enveloped) check_enveloped(cms);
    CMS_ContentInfo_free(cms);
  }
  ERR_clear_error();
  return 0;
}
