/* test_cms_openssl.c: the draft's known answers through OpenSSL, the layer
 * above our parsers that does the cryptography.
 *   - blob 1 verifies over blob1-signed-content.bin with certs/ca-cert.pem
 *     as the only trust anchor as of 2005-02-04 (1107548232), and the same
 *     check as of today fails with "certificate has expired";
 *   - blob 4 likewise over blob4-signed-content.bin as of 1107547634;
 *   - blob 2 and blob 3 decrypt with certs/kumiko-key.pem to the draft's
 *     plaintexts. */
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>
#include <time.h>

#include "testlib.h"

static BIO *file_bio(const char *rel, uint8_t **keep) {
  size_t len = 0;
  *keep = sf_read_file(sf_source_path(rel), &len);
  return *keep ? BIO_new_mem_buf(*keep, (int)len) : NULL;
}

static CMS_ContentInfo *load_cms(const char *rel) {
  uint8_t *raw = NULL;
  BIO *b = file_bio(rel, &raw);
  CMS_ContentInfo *cms = b ? d2i_CMS_bio(b, NULL) : NULL;
  BIO_free(b);
  free(raw);
  CHECK(cms != NULL);
  return cms;
}

static X509 *load_cert(const char *rel) {
  uint8_t *raw = NULL;
  BIO *b = file_bio(rel, &raw);
  X509 *x = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
  BIO_free(b);
  free(raw);
  CHECK(x != NULL);
  return x;
}

/* verify checks |blob| over |content| as of |when|; returns 1 if it
 * verifies and stores the X509 verify error of the signer otherwise. */
static int verify(const char *blob, const char *content, time_t when, int *out_x509_error) {
  CMS_ContentInfo *cms = load_cms(blob);
  X509 *ca = load_cert("tests/data/draft/certs/ca-cert.pem");
  uint8_t *raw = NULL;
  BIO *dcont = file_bio(content, &raw);
  if (cms == NULL || ca == NULL || dcont == NULL) return 0;
  X509_STORE *store = X509_STORE_new();
  X509_STORE_add_cert(store, ca);
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), when);
  int ok = CMS_verify(cms, NULL, store, dcont, NULL, CMS_BINARY) == 1;
  /* The chain's own verdict: the signer certificate against the CA. */
  STACK_OF(X509) *certs = CMS_get1_certs(cms);
  X509_STORE_CTX *ctx = X509_STORE_CTX_new();
  X509_STORE_CTX_init(ctx, store, sk_X509_value(certs, 0), certs);
  X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), when);
  X509_verify_cert(ctx);
  *out_x509_error = X509_STORE_CTX_get_error(ctx);
  X509_STORE_CTX_free(ctx);
  sk_X509_pop_free(certs, X509_free);
  X509_STORE_free(store);
  X509_free(ca);
  BIO_free(dcont);
  free(raw);
  CMS_ContentInfo_free(cms);
  ERR_clear_error();
  return ok;
}

static void check_signed(const char *blob, const char *content, time_t signing_time) {
  int x509_error = -1;
  CHECK_INT(verify(blob, content, signing_time, &x509_error), 1);
  CHECK_INT(x509_error, X509_V_OK);
  /* Today the certificates (expired 2008, CA 2013) must not pass silently. */
  CHECK_INT(verify(blob, content, time(NULL), &x509_error), 0);
  CHECK_INT(x509_error, X509_V_ERR_CERT_HAS_EXPIRED);
  /* One byte of the content changed: the digest no longer matches. */
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path(content), &len);
  if (raw == NULL) return;
  raw[len - 1] ^= 1;
  CMS_ContentInfo *cms = load_cms(blob);
  X509 *ca = load_cert("tests/data/draft/certs/ca-cert.pem");
  X509_STORE *store = X509_STORE_new();
  X509_STORE_add_cert(store, ca);
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), signing_time);
  BIO *dcont = BIO_new_mem_buf(raw, (int)len);
  CHECK_INT(CMS_verify(cms, NULL, store, dcont, NULL, CMS_BINARY), 0);
  BIO_free(dcont);
  X509_STORE_free(store);
  X509_free(ca);
  CMS_ContentInfo_free(cms);
  free(raw);
  ERR_clear_error();
}

static void test_blob1_verifies(void) {
  check_signed("tests/data/draft/cms/blob1-signed.der", "tests/data/draft/cms/blob1-signed-content.bin",
               1107548232);
}

static void test_blob4_verifies(void) {
  check_signed("tests/data/draft/cms/blob4-signed.der", "tests/data/draft/cms/blob4-signed-content.bin",
               1107547634);
}

static void check_decrypts(const char *blob, const char *plaintext) {
  CMS_ContentInfo *cms = load_cms(blob);
  X509 *cert = load_cert("tests/data/draft/certs/kumiko-cert.pem");
  uint8_t *raw = NULL;
  BIO *kb = file_bio("tests/data/draft/certs/kumiko-key.pem", &raw);
  EVP_PKEY *key = kb ? PEM_read_bio_PrivateKey(kb, NULL, NULL, NULL) : NULL;
  CHECK(key != NULL);
  BIO *out = BIO_new(BIO_s_mem());
  if (cms && cert && key) {
    CHECK_INT(CMS_decrypt(cms, key, cert, NULL, out, CMS_BINARY), 1);
    char *p = NULL;
    long n = BIO_get_mem_data(out, &p);
    CHECK_BYTES(sf_slice_make((const uint8_t *)p, (size_t)n), (const uint8_t *)plaintext,
                strlen(plaintext));
  }
  BIO_free(out);
  EVP_PKEY_free(key);
  BIO_free(kb);
  free(raw);
  X509_free(cert);
  CMS_ContentInfo_free(cms);
  ERR_clear_error();
}

static void test_blob2_decrypts(void) {
  check_decrypts("tests/data/draft/cms/blob2-enveloped.der",
                 "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHello");
}

static void test_blob3_decrypts(void) {
  check_decrypts("tests/data/draft/cms/blob3-enveloped.der",
                 "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHi There");
}

int main(void) {
  RUN(test_blob1_verifies);
  RUN(test_blob4_verifies);
  RUN(test_blob2_decrypts);
  RUN(test_blob3_decrypts);
  return sf_test_finish();
}
