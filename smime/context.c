/* context.c: the trust anchors, the recipient key and the verification
 * time that every call of sf/smime.h reads. */
#include <openssl/err.h>
#include <openssl/pem.h>
#include <stdlib.h>
#include <time.h>

#include "smime_internal.h"

sf_smime *sf_smime_new(void) {
  sf_smime *s = calloc(1, sizeof *s);
  return s;
}

void sf_smime_free(sf_smime *s) {
  if (s == NULL) return;
  X509_STORE_free(s->store);
  EVP_PKEY_free(s->key);
  X509_free(s->cert);
  free(s);
}

/* mem_bio returns a read-only memory BIO over |len| bytes, or NULL. */
static BIO *mem_bio(const uint8_t *p, size_t len) {
  if (len > INT32_MAX) return NULL;
  return BIO_new_mem_buf(p, (int)len);
}

int sf_smime_add_ca_pem(sf_smime *s, const uint8_t *pem, size_t len, char *why, size_t cap) {
  sf_smimei_errors e;
  BIO *b = mem_bio(pem, len);
  if (b == NULL || (s->store == NULL && (s->store = X509_STORE_new()) == NULL)) {
    BIO_free(b);
    sf_smimei_drain(&e, why, cap, "out of memory");
    return -1;
  }
  int added = 0;
  X509 *x;
  while ((x = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL) {
    int ok = X509_STORE_add_cert(s->store, x);
    X509_free(x);
    if (!ok) {
      BIO_free(b);
      sf_smimei_drain(&e, why, cap, "cannot add the certificate");
      return -1;
    }
    added++;
  }
  BIO_free(b);
  /* Reading stops with "no start line" at the end of the text: expected
   * once at least one certificate was read, a real fault otherwise. */
  sf_smimei_drain(&e, why, cap, "no PEM certificate in the text");
  if (added == 0) return -1;
  s->ca_count += (size_t)added;
  if (why != NULL && cap > 0) why[0] = '\0';
  return added;
}

size_t sf_smime_ca_count(const sf_smime *s) { return s->ca_count; }

int sf_smime_set_recipient_pem(sf_smime *s, const uint8_t *key_pem, size_t key_len,
                               const uint8_t *cert_pem, size_t cert_len, char *why, size_t cap) {
  sf_smimei_errors e;
  BIO *kb = mem_bio(key_pem, key_len), *cb = mem_bio(cert_pem, cert_len);
  EVP_PKEY *key = kb ? PEM_read_bio_PrivateKey(kb, NULL, NULL, NULL) : NULL;
  X509 *cert = cb ? PEM_read_bio_X509(cb, NULL, NULL, NULL) : NULL;
  BIO_free(kb);
  BIO_free(cb);
  const char *fault = key == NULL    ? "the key is not a PEM private key"
                      : cert == NULL ? "the certificate is not a PEM certificate"
                      : X509_check_private_key(cert, key) != 1
                          ? "the key does not belong to the certificate"
                          : NULL;
  if (fault != NULL) {
    EVP_PKEY_free(key);
    X509_free(cert);
    ERR_clear_error();
    sf_smimei_copy(why, cap, fault);
    return -1;
  }
  sf_smimei_drain(&e, NULL, 0, NULL);
  EVP_PKEY_free(s->key);
  X509_free(s->cert);
  s->key = key;
  s->cert = cert;
  return 0;
}

int sf_smime_has_recipient(const sf_smime *s) { return s->key != NULL && s->cert != NULL; }

void sf_smime_set_time(sf_smime *s, int64_t when) {
  s->fixed_time = 1;
  s->at = when;
}

void sf_smime_use_current_time(sf_smime *s) { s->fixed_time = 0; }

int64_t sf_smimei_now(const sf_smime *s) {
  return s->fixed_time ? s->at : (int64_t)time(NULL);
}
