/* smime_internal.h: what the files of smime/ share (internal). */
#ifndef SF_SMIME_INTERNAL_H
#define SF_SMIME_INTERNAL_H

#include <openssl/cms.h>
#include <openssl/x509.h>

#include "sf/smime.h"

struct sf_smime {
  X509_STORE *store; /* the trust anchors; NULL until the first one */
  size_t ca_count;
  EVP_PKEY *key; /* the recipient, for decryption */
  X509 *cert;
  int fixed_time; /* 0: the time of each call */
  int64_t at;
};

/* sf_smimei_errors: what a drained OpenSSL error queue said. */
typedef struct sf_smimei_errors {
  int any;
  int unknown_algorithm; /* a digest, signature or cipher OpenSSL does not know */
  int no_matching_recipient;
} sf_smimei_errors;

/* sf_smimei_drain empties OpenSSL's error queue into |e| and writes the
 * reason of its first (root-cause) error into |text|, or |fallback| when the
 * queue was empty. */
void sf_smimei_drain(sf_smimei_errors *e, char *text, size_t cap, const char *fallback);

/* sf_smimei_copy writes the NUL-terminated |s| into |out|, cut to fit. */
void sf_smimei_copy(char *out, size_t cap, const char *s);

/* sf_smimei_now returns the verification time of a call. */
int64_t sf_smimei_now(const sf_smime *s);

/* sf_smimei_asn1_time converts |t| to seconds since the epoch; returns 0
 * and sets |*out|, or -1 if OpenSSL cannot read it. */
int sf_smimei_asn1_time(const ASN1_TIME *t, int64_t *out);

/* sf_smimei_alg_name writes OpenSSL's short name of |obj|, or its dotted
 * OID when OpenSSL does not know it. */
void sf_smimei_alg_name(const ASN1_OBJECT *obj, char *out, size_t cap);

/* sf_smimei_describe_cert fills the certificate fields of |out| from
 * |cert|: names, dates and subjectAltName URIs. */
void sf_smimei_describe_cert(X509 *cert, sf_smime_signer *out);

/* sf_smimei_check_cert checks |cert|'s own dates at |at| and, when |s| has
 * trust anchors, its chain through |untrusted| (S/MIME signing purpose),
 * filling cert_problems, cert_error_depth and cert_detail of |out|. */
void sf_smimei_check_cert(const sf_smime *s, X509 *cert, STACK_OF(X509) *untrusted, int64_t at,
                          sf_smime_signer *out);

#endif /* SF_SMIME_INTERNAL_H */
