/* cert.c: the signer certificate: its names, dates and subjectAltName URIs
 * (RFC 5280 4.1, 4.2.1.6), and whether it is valid and trusted at the
 * verification time (RFC 5280 6, through X509_verify_cert). */
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

#include "smime_internal.h"

/* name_text writes |name| in the RFC 2253 one-line form. */
static void name_text(const X509_NAME *name, char *out, size_t cap) {
  out[0] = '\0';
  BIO *b = BIO_new(BIO_s_mem());
  if (b == NULL) return;
  if (X509_NAME_print_ex(b, name, 0, XN_FLAG_RFC2253) >= 0) {
    char *p = NULL;
    long n = BIO_get_mem_data(b, &p);
    size_t k = n > 0 ? (size_t)n : 0;
    if (k >= cap) k = cap - 1;
    if (k > 0) memcpy(out, p, k);
    out[k] = '\0';
  }
  BIO_free(b);
}

/* take_san_uris copies the uniformResourceIdentifier entries of |cert|'s
 * subjectAltName. */
static void take_san_uris(X509 *cert, sf_smime_signer *out) {
  int crit = 0;
  GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, &crit, NULL);
  out->has_san = names != NULL;
  for (int i = 0; names != NULL && i < sk_GENERAL_NAME_num(names); i++) {
    const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names, i);
    if (gn->type != GEN_URI) continue;
    out->san_uri_total++;
    if (out->san_uri_count == SF_SMIME_MAX_SAN_URIS) continue;
    sf_smime_bytes *b = &out->san_uris[out->san_uri_count++];
    const ASN1_IA5STRING *s = gn->d.uniformResourceIdentifier;
    size_t n = (size_t)ASN1_STRING_length(s);
    b->truncated = n > sizeof b->bytes;
    b->len = b->truncated ? sizeof b->bytes : n;
    memcpy(b->bytes, ASN1_STRING_get0_data(s), b->len);
  }
  GENERAL_NAMES_free(names);
}

void sf_smimei_describe_cert(X509 *cert, sf_smime_signer *out) {
  out->has_cert = 1;
  name_text(X509_get_subject_name(cert), out->subject, sizeof out->subject);
  name_text(X509_get_issuer_name(cert), out->issuer, sizeof out->issuer);
  if (sf_smimei_asn1_time(X509_get0_notBefore(cert), &out->not_before) != 0) out->not_before = 0;
  if (sf_smimei_asn1_time(X509_get0_notAfter(cert), &out->not_after) != 0) out->not_after = 0;
  take_san_uris(cert, out);
}

/* A chain check's findings, collected by the callback. */
typedef struct collector {
  unsigned problems;
  int depth;
  int error;
  int trust_checked;
} collector;

/* classify maps an X509_V_ERR_* code to one of our bits. */
static unsigned classify(int err) {
  switch (err) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return SF_SMIME_CERT(EXPIRED);
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return SF_SMIME_CERT(NOT_YET_VALID);
    default:
      return SF_SMIME_CERT(UNTRUSTED);
  }
}

static void note(collector *c, unsigned bit, int depth, int error) {
  if (c->problems == 0) {
    c->depth = depth;
    c->error = error;
  }
  c->problems |= bit;
}

/* on_verify records every problem X509_verify_cert meets and lets it go on,
 * so an expired certificate is reported even when the chain is also
 * untrusted, and the other way round. */
static int on_verify(int ok, X509_STORE_CTX *ctx) {
  if (ok) return 1;
  collector *c = X509_STORE_CTX_get_app_data(ctx);
  int err = X509_STORE_CTX_get_error(ctx);
  unsigned bit = classify(err);
  if (bit != SF_SMIME_CERT(UNTRUSTED) || c->trust_checked) {
    note(c, bit, X509_STORE_CTX_get_error_depth(ctx), err);
  }
  return 1;
}

/* check_dates compares the certificate's own validity with |at| (RFC 5280
 * 4.1.2.5), as X509_verify_cert would, but whatever the chain looks like. */
static void check_dates(X509 *cert, int64_t at, collector *c) {
  time_t t = (time_t)at;
  int before = X509_cmp_time(X509_get0_notBefore(cert), &t);
  int after = X509_cmp_time(X509_get0_notAfter(cert), &t);
  if (before == 0) note(c, SF_SMIME_CERT(UNTRUSTED), 0, X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD);
  if (after == 0) note(c, SF_SMIME_CERT(UNTRUSTED), 0, X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD);
  if (before > 0) note(c, SF_SMIME_CERT(NOT_YET_VALID), 0, X509_V_ERR_CERT_NOT_YET_VALID);
  if (after < 0) note(c, SF_SMIME_CERT(EXPIRED), 0, X509_V_ERR_CERT_HAS_EXPIRED);
}

void sf_smimei_check_cert(const sf_smime *s, X509 *cert, STACK_OF(X509) *untrusted, int64_t at,
                          sf_smime_signer *out) {
  collector c = {0, 0, X509_V_OK, s->store != NULL};
  check_dates(cert, at, &c);
  /* Without trust anchors only the dates can be judged; the chain is
   * walked anyway (against an empty store) so the issuers' dates are too. */
  X509_STORE *empty = s->store == NULL ? X509_STORE_new() : NULL;
  X509_STORE_CTX *ctx = X509_STORE_CTX_new();
  X509_STORE *store = s->store != NULL ? s->store : empty;
  if (store != NULL && ctx != NULL && X509_STORE_CTX_init(ctx, store, cert, untrusted) == 1) {
    X509_STORE_CTX_set_app_data(ctx, &c);
    X509_STORE_CTX_set_verify_cb(ctx, on_verify);
    X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SMIME_SIGN);
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx), (time_t)at);
    if (X509_verify_cert(ctx) <= 0 && c.problems == 0 && c.trust_checked) {
      /* A failure the callback never saw (out of memory, say). */
      note(&c, SF_SMIME_CERT(UNTRUSTED), 0, X509_STORE_CTX_get_error(ctx));
    }
  } else if (c.trust_checked) {
    note(&c, SF_SMIME_CERT(UNTRUSTED), 0, X509_V_ERR_OUT_OF_MEM);
  }
  X509_STORE_CTX_free(ctx);
  X509_STORE_free(empty);
  ERR_clear_error();
  out->cert_problems = c.problems;
  out->cert_error_depth = c.depth;
  sf_smimei_copy(out->cert_detail, sizeof out->cert_detail,
                 c.problems ? X509_verify_cert_error_string(c.error) : "");
}
