/* test_cms_openssl.c: the draft's known answers through OpenSSL, the layer
 * above our parsers that does the cryptography.
 *   - blob 1 verifies over blob1-signed-content.bin with certs/ca-cert.pem
 *     as the only trust anchor as of 2005-02-04 (1107548232), and the same
 *     check as of today fails with "certificate has expired";
 *   - blob 4 likewise over blob4-signed-content.bin as of 1107547634;
 *   - blob 2 and blob 3 decrypt with certs/kumiko-key.pem to the draft's
 *     plaintexts.
 * And optional parts our parser returns, checked against what OpenSSL reads
 * from the same bytes: a streamed (constructed) encryptedContent, a CRL, the
 * raw signed attributes of types we do not decode, an unsigned attribute. */
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <stdlib.h>
#include <time.h>

#include "sf/cms.h"
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

/* The seeds scripts/gen-cms-seeds made (corpus/cms-seeds.tsv). */
#define SEED(sha1) "corpus/cms/" sha1

static sf_cms ours; /* large: keep it off the stack */

/* parse_ours parses file |rel| with |flags| into |ours|; it returns the
 * file's bytes (the caller frees them; |ours| points into them). */
static uint8_t *parse_ours(const char *rel, unsigned flags, size_t *out_len) {
  uint8_t *raw = sf_read_file(sf_source_path(rel), out_len);
  sf_error err;
  if (raw != NULL) CHECK_INT(sf_cms_parse(raw, *out_len, flags, &ours, &err), SF_CMS_OK);
  return raw;
}

/* same_der checks that slice |s| holds the DER encoding i2d wrote in |der|. */
static void same_der(sf_slice s, unsigned char *der, int n) {
  CHECK(n > 0);
  if (n > 0) CHECK_BYTES(s, der, (size_t)n);
  OPENSSL_free(der);
}

static void test_streamed_encrypted_content(void) {
  /* openssl cms -encrypt -stream: our constructed encryptedContent joins to
   * the octets OpenSSL's decoder joins, and they decrypt to the content. */
  size_t len = 0;
  uint8_t *raw =
      parse_ours(SEED("4ace748fe7b119fb8bc7b773c339cc3ad330b9dc"), SF_CMS_ALLOW_BER, &len);
  CMS_ContentInfo *cms = load_cms(SEED("4ace748fe7b119fb8bc7b773c339cc3ad330b9dc"));
  if (raw == NULL || cms == NULL) return;
  const sf_der_string *ec = &ours.enveloped_data.encrypted_content;
  CHECK_INT(ec->constructed, 1);
  CHECK_INT(ec->segments, 2);
  ASN1_OCTET_STRING **theirs = CMS_get0_content(cms);
  CHECK(theirs != NULL && *theirs != NULL);
  if (theirs != NULL && *theirs != NULL) {
    uint8_t joined[256];
    size_t joined_len = 0;
    CHECK_INT(ec->length, ASN1_STRING_length(*theirs));
    CHECK_INT(sf_der_string_copy(ec, joined, sizeof joined, &joined_len), SF_DER_OK);
    CHECK_BYTES(sf_slice_make(joined, joined_len), ASN1_STRING_get0_data(*theirs),
                (size_t)ASN1_STRING_length(*theirs));
  }
  CMS_ContentInfo_free(cms);
  free(raw);
  size_t plain_len = 0;
  uint8_t *plain =
      sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed-content.bin"), &plain_len);
  if (plain == NULL) return;
  plain = realloc(plain, plain_len + 1);
  plain[plain_len] = '\0'; /* check_decrypts compares a C string */
  CHECK_INT(strlen((const char *)plain), plain_len);
  check_decrypts(SEED("4ace748fe7b119fb8bc7b773c339cc3ad330b9dc"), (const char *)plain);
  free(plain);
}

static void test_crl(void) {
  /* The certs-only seed: the CRL we skip is the one OpenSSL decodes. */
  size_t len = 0;
  uint8_t *raw = parse_ours(SEED("45d9884e1b8b3463e09c10211c730dea9fa12378"), 0, &len);
  CMS_ContentInfo *cms = load_cms(SEED("45d9884e1b8b3463e09c10211c730dea9fa12378"));
  if (raw == NULL || cms == NULL) return;
  STACK_OF(X509_CRL) *crls = CMS_get1_crls(cms);
  CHECK_INT(ours.signed_data.crl_count, sk_X509_CRL_num(crls));
  CHECK_INT(sk_X509_CRL_num(crls), 1);
  if (sk_X509_CRL_num(crls) == 1) {
    /* Our slice is the [1] element; its contents are the one CRL. */
    sf_slice crl = ours.signed_data.crls;
    size_t hdr = (crl.ptr[1] & 0x80) ? 2 + (crl.ptr[1] & 0x7Fu) : 2;
    unsigned char *der = NULL;
    int n = i2d_X509_CRL(sk_X509_CRL_value(crls, 0), &der);
    same_der(sf_slice_make(crl.ptr + hdr, crl.len - hdr), der, n);
    /* It revokes fluffy's certificate, the one the message carries. */
    STACK_OF(X509_REVOKED) *revoked = X509_CRL_get_REVOKED(sk_X509_CRL_value(crls, 0));
    CHECK_INT(sk_X509_REVOKED_num(revoked), 1);
    const ASN1_INTEGER *serial = X509_REVOKED_get0_serialNumber(sk_X509_REVOKED_value(revoked, 0));
    CHECK_BYTES(ours.signed_data.certs.items[0].serial, ASN1_STRING_get0_data(serial),
                (size_t)ASN1_STRING_length(serial));
  }
  sk_X509_CRL_pop_free(crls, X509_CRL_free);
  CMS_ContentInfo_free(cms);
  free(raw);
}

/* same_attrs checks our attributes against OpenSSL's X509_ATTRIBUTEs of one
 * signer: same order, types and encoded values. */
static void same_attrs(const sf_cms_attrs *a, CMS_SignerInfo *si, int is_signed) {
  int n = is_signed ? CMS_signed_get_attr_count(si) : CMS_unsigned_get_attr_count(si);
  CHECK_INT(a->count, n);
  for (int i = 0; i < n && (size_t)i < a->count; i++) {
    X509_ATTRIBUTE *x = is_signed ? CMS_signed_get_attr(si, i) : CMS_unsigned_get_attr(si, i);
    const ASN1_OBJECT *type = X509_ATTRIBUTE_get0_object(x);
    CHECK_BYTES(a->items[i].type, OBJ_get0_data(type), OBJ_length(type));
    CHECK_INT(a->items[i].value_count, X509_ATTRIBUTE_count(x));
    /* The values, encoded one after the other: the contents of the SET. */
    uint8_t values[2048];
    size_t k = 0;
    for (int v = 0; v < X509_ATTRIBUTE_count(x); v++) {
      unsigned char *der = NULL;
      int dn = i2d_ASN1_TYPE(X509_ATTRIBUTE_get0_type(x, v), &der);
      if (dn > 0 && k + (size_t)dn <= sizeof values) memcpy(values + k, der, (size_t)dn);
      k += dn > 0 ? (size_t)dn : 0;
      OPENSSL_free(der);
    }
    CHECK(k <= sizeof values);
    if (k <= sizeof values) CHECK_BYTES(a->items[i].values, values, k);
  }
}

static void test_unknown_signed_attrs(void) {
  /* openssl cms -sign -cades -receipt_request_all: the six signed
   * attributes as OpenSSL reads them, and the signingCertificateV2 we keep
   * raw holds the SHA-256 of the signer's certificate (RFC 5035 3). */
  size_t len = 0;
  uint8_t *raw = parse_ours(SEED("ede4a6c11de62554d24cd381afc2cc9fe538ed8f"), 0, &len);
  CMS_ContentInfo *cms = load_cms(SEED("ede4a6c11de62554d24cd381afc2cc9fe538ed8f"));
  if (raw == NULL || cms == NULL) return;
  CMS_SignerInfo *si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
  const sf_cms_signer *s = &ours.signed_data.signers[0];
  same_attrs(&s->signed_attrs, si, 1);
  STACK_OF(X509) *certs = CMS_get1_certs(cms);
  uint8_t hash[2 + 32] = {0x04, 0x20}; /* certHash OCTET STRING */
  unsigned hn = 0;
  CHECK_INT(sk_X509_num(certs), 1);
  if (sk_X509_num(certs) == 1) {
    CHECK_INT(X509_digest(sk_X509_value(certs, 0), EVP_sha256(), hash + 2, &hn), 1);
  }
  sk_X509_pop_free(certs, X509_free);
  static const uint8_t signing_cert_v2[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01,
                                            0x09, 0x10, 0x02, 0x2F};
  const sf_cms_attr *a =
      sf_cms_find_attr(&s->signed_attrs, signing_cert_v2, sizeof signing_cert_v2);
  CHECK(a != NULL);
  if (a != NULL) {
    /* SEQUENCE { SEQUENCE OF { ESSCertIDv2 SEQUENCE { certHash ... } } }:
     * sha256 is the default hashAlgorithm, so certHash comes first. */
    size_t at = 0;
    for (int level = 0; level < 3 && at + 1 < a->values.len; level++) {
      uint8_t l = a->values.ptr[at + 1]; /* skip a header: short or long form */
      at += (l & 0x80) ? 2 + (l & 0x7Fu) : 2;
    }
    CHECK(at + sizeof hash <= a->values.len);
    if (at + sizeof hash <= a->values.len) {
      CHECK_BYTES(sf_slice_make(a->values.ptr + at, sizeof hash), hash, sizeof hash);
    }
  }
  CMS_ContentInfo_free(cms);
  free(raw);
}

static void test_unsigned_attr(void) {
  /* A SignedData OpenSSL makes with fluffy's key and one unsigned attribute
   * added through its API (no openssl command writes one). */
  X509 *cert = load_cert("tests/data/draft/certs/fluffy-cert.pem");
  uint8_t *raw = NULL;
  BIO *kb = file_bio("tests/data/draft/certs/fluffy-key.pem", &raw);
  EVP_PKEY *key = kb ? PEM_read_bio_PrivateKey(kb, NULL, NULL, NULL) : NULL;
  CHECK(key != NULL);
  uint8_t *content = NULL;
  BIO *data = file_bio("tests/data/draft/cms/blob1-signed-content.bin", &content);
  const unsigned flags = CMS_BINARY | CMS_DETACHED | CMS_PARTIAL;
  CMS_ContentInfo *cms = cert && key && data ? CMS_sign(NULL, NULL, NULL, NULL, flags) : NULL;
  CMS_SignerInfo *si = cms ? CMS_add1_signer(cms, cert, key, EVP_sha256(), flags) : NULL;
  CHECK(si != NULL);
  if (si != NULL) {
    ASN1_UTF8STRING *value = ASN1_UTF8STRING_new();
    CHECK_INT(ASN1_STRING_set(value, "unsigned", 8), 1);
    CHECK_INT(CMS_unsigned_add1_attr_by_txt(si, "1.3.6.1.4.1.32473.5.9", V_ASN1_UTF8STRING, value,
                                            -1),
              1);
    ASN1_UTF8STRING_free(value);
    CHECK_INT(CMS_final(cms, data, NULL, flags & ~(unsigned)CMS_PARTIAL), 1);
    unsigned char *der = NULL;
    int n = i2d_CMS_ContentInfo(cms, &der);
    CHECK(n > 0);
    sf_error err;
    CHECK_INT(sf_cms_parse(sf_guard(der, (size_t)n), (size_t)n, 0, &ours, &err), SF_CMS_OK);
    const sf_cms_signer *s = &ours.signed_data.signers[0];
    CHECK_INT(s->unsigned_attrs.count, 1);
    CHECK_INT(s->unsigned_attrs.whole.ptr[0], 0xA1);
    same_attrs(&s->unsigned_attrs, si, 0);
    same_attrs(&s->signed_attrs, si, 1);
    CHECK_BYTES(s->unsigned_attrs.items[0].values, (const uint8_t *)"\x0C\x08unsigned", 10);
    OPENSSL_free(der);
  }
  CMS_ContentInfo_free(cms);
  BIO_free(data);
  free(content);
  EVP_PKEY_free(key);
  BIO_free(kb);
  free(raw);
  X509_free(cert);
  ERR_clear_error();
}

int main(void) {
  RUN(test_blob1_verifies);
  RUN(test_blob4_verifies);
  RUN(test_blob2_decrypts);
  RUN(test_blob3_decrypts);
  RUN(test_streamed_encrypted_content);
  RUN(test_crl);
  RUN(test_unknown_signed_attrs);
  RUN(test_unsigned_attr);
  return sf_test_finish();
}
