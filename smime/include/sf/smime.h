/* sf/smime.h: the cryptographic layer above the parsers. OpenSSL verifies
 * a CMS SignedData over the exact bytes it signs (RFC 5652 5.4-5.6, RFC 8551
 * 3.5), says why a verification failed, checks the signer certificate's
 * dates and trust at a chosen time (RFC 5280 6), extracts its
 * subjectAltName URIs (RFC 3261 23.3), and decrypts an EnvelopedData
 * (RFC 5652 6). Nothing cryptographic is done by hand.
 *
 * sipsec-check and the sip_smime fuzz target both go through this file, so
 * the tool and the harness cannot disagree about a verdict.
 *
 * Unlike the parsers, this layer allocates (OpenSSL does), and the caller
 * frees what it is given. Inputs are (pointer, length) and never written.
 * Every call leaves OpenSSL's error queue empty, so one input's errors
 * cannot leak into the next verdict. */
#ifndef SF_SMIME_H
#define SF_SMIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Limits ------------------------------------------------------------- */

/* Signers reported per SignedData (more: SF_SMIME_TOO_MANY_SIGNERS). */
#define SF_SMIME_MAX_SIGNERS 8
/* subjectAltName URIs kept per signer certificate (the rest are counted). */
#define SF_SMIME_MAX_SAN_URIS 16
/* Bytes kept of one URI, subject, issuer or OpenSSL error text. */
#define SF_SMIME_MAX_TEXT 256
/* The longest decrypted or encapsulated content handed back, in bytes. */
#define SF_SMIME_MAX_CONTENT (4u << 20)
/* "2005-02-04T20:20:00Z" and its NUL. */
#define SF_SMIME_TIME_LEN 21

/* ---- What a call says about the message as a whole ----------------------- */

#define SF_SMIME_STATUS_LIST(X)                                                               \
  X(OK, "checked: each signer's verdict, or the decrypted content, is in the result")         \
  X(MALFORMED, "OpenSSL cannot decode the input as a CMS ContentInfo")                        \
  X(NOT_SIGNED_DATA, "the CMS content type is not SignedData")                                \
  X(NOT_DETACHED, "the SignedData carries its own content where a detached signature belongs") \
  X(NO_CONTENT, "the SignedData is detached and no content was given to check it against")    \
  X(NO_SIGNERS, "the SignedData has no SignerInfo")                                           \
  X(TOO_MANY_SIGNERS, "more SignerInfos than SF_SMIME_MAX_SIGNERS")                           \
  X(CONTENT_TOO_LARGE, "the content is longer than SF_SMIME_MAX_CONTENT")                     \
  X(NOT_ENVELOPED_DATA, "the CMS content type is neither EnvelopedData nor AuthEnvelopedData") \
  X(NO_RECIPIENT_KEY, "no recipient key and certificate were given")                          \
  X(NO_MATCHING_RECIPIENT, "no RecipientInfo is for the given certificate")                   \
  X(UNKNOWN_CIPHER, "the content or key encryption algorithm is not one OpenSSL knows")       \
  X(DECRYPT_FAILED, "the content does not decrypt with the given key")

enum sf_smime_status {
#define SF_X(name, reason) SF_SMIME_##name,
  SF_SMIME_STATUS_LIST(SF_X)
#undef SF_X
  SF_SMIME_STATUS_COUNT
};

/* ---- One signer's signature ---------------------------------------------- */

#define SF_SMIME_SIG_LIST(X)                                                                   \
  X(VALID, "the signature verifies over the content")                                          \
  X(DIGEST_MISMATCH, "the content's digest differs from the signed messageDigest attribute")   \
  X(BAD_SIGNATURE, "the signature value does not verify with the signer certificate's key")   \
  X(UNKNOWN_ALGORITHM, "the digest or signature algorithm is not one OpenSSL knows")          \
  X(NO_SIGNER_CERT, "the signer's certificate is not in the message")

enum sf_smime_sig {
#define SF_X(name, reason) SF_SMIME_SIG_##name,
  SF_SMIME_SIG_LIST(SF_X)
#undef SF_X
  SF_SMIME_SIG_COUNT
};

/* ---- The signer certificate at the verification time ---------------------- */

#define SF_SMIME_CERT_LIST(X)                                                              \
  X(EXPIRED, "a certificate of the chain had expired at the verification time")            \
  X(NOT_YET_VALID, "a certificate of the chain was not yet valid at the verification time") \
  X(UNTRUSTED, "the chain does not lead to a trust anchor, or a certificate fails a check")

enum sf_smime_cert_bit {
#define SF_X(name, reason) SF_SMIME_CB_##name,
  SF_SMIME_CERT_LIST(SF_X)
#undef SF_X
  SF_SMIME_CERT_COUNT
};
#define SF_SMIME_CERT(name) (1u << SF_SMIME_CB_##name)

const char *sf_smime_status_name(int code); /* "SF_SMIME_NOT_SIGNED_DATA"; "?" if unknown */
const char *sf_smime_status_reason(int code);
const char *sf_smime_sig_name(int code);    /* "SF_SMIME_SIG_DIGEST_MISMATCH" */
const char *sf_smime_sig_reason(int code);
const char *sf_smime_cert_name(int bit);    /* "SF_SMIME_CERT_EXPIRED" */
const char *sf_smime_cert_reason(int bit);

/* A byte string copied out of a certificate (a URI may hold any byte). */
typedef struct sf_smime_bytes {
  uint8_t bytes[SF_SMIME_MAX_TEXT];
  size_t len;
  int truncated; /* the original was longer than SF_SMIME_MAX_TEXT */
} sf_smime_bytes;

typedef struct sf_smime_signer {
  int signature;                        /* enum sf_smime_sig */
  char signature_detail[SF_SMIME_MAX_TEXT]; /* OpenSSL's reason when not VALID, else "" */
  int signed_attrs;                     /* 1 if the SignerInfo has signed attributes */
  char digest[32];                      /* digest algorithm: OpenSSL's short name, or the OID */
  int digest_nid;                       /* OpenSSL NID of the digest (NID_undef if unknown) */
  int has_signing_time;
  int64_t signing_time;                 /* seconds since the epoch */
  /* The signer certificate (when has_cert). */
  int has_cert;
  char subject[SF_SMIME_MAX_TEXT];      /* RFC 2253 one-line form */
  char issuer[SF_SMIME_MAX_TEXT];
  int64_t not_before, not_after;
  unsigned cert_problems;               /* SF_SMIME_CERT(...) bits; 0: none found */
  int cert_error_depth;                 /* chain depth of the first problem (0: the signer) */
  char cert_detail[SF_SMIME_MAX_TEXT];  /* OpenSSL's text for the first problem */
  sf_smime_bytes san_uris[SF_SMIME_MAX_SAN_URIS]; /* uniformResourceIdentifier entries */
  size_t san_uri_count;                 /* kept */
  size_t san_uri_total;                 /* in the certificate */
  int has_san;                          /* the certificate has a subjectAltName at all */
} sf_smime_signer;

typedef struct sf_smime_verdict {
  int status;                     /* enum sf_smime_status */
  char detail[SF_SMIME_MAX_TEXT]; /* OpenSSL's reason for a status other than OK */
  int64_t at;                     /* the verification time used */
  int trust_checked;              /* trust anchors were given: UNTRUSTED is meaningful */
  int attached;                   /* the SignedData carries its content (eContent) */
  size_t signer_count;
  sf_smime_signer signers[SF_SMIME_MAX_SIGNERS];
} sf_smime_verdict;

/* sf_smime_verdict_valid returns 1 if the status is OK and every signer's
 * signature is VALID (certificate problems aside). */
int sf_smime_verdict_valid(const sf_smime_verdict *v);

/* ---- The context: trust anchors, time, recipient key ---------------------- */

typedef struct sf_smime sf_smime;

/* sf_smime_new returns an empty context (no trust anchor, no key, the time
 * of each call), or NULL if out of memory. sf_smime_free frees it. */
sf_smime *sf_smime_new(void);
void sf_smime_free(sf_smime *s);

/* sf_smime_add_ca_pem adds every certificate of the PEM text |pem| as a
 * trust anchor. Returns how many it added, or -1 with |why| (|cap| bytes)
 * filled when the text holds none or a malformed one. */
int sf_smime_add_ca_pem(sf_smime *s, const uint8_t *pem, size_t len, char *why, size_t cap);

/* sf_smime_ca_count returns the number of trust anchors. */
size_t sf_smime_ca_count(const sf_smime *s);

/* sf_smime_set_recipient_pem sets the private key (PEM, unencrypted) and
 * certificate used to decrypt. Returns 0, or -1 with |why| filled when
 * either does not load or the key does not belong to the certificate. */
int sf_smime_set_recipient_pem(sf_smime *s, const uint8_t *key_pem, size_t key_len,
                               const uint8_t *cert_pem, size_t cert_len, char *why, size_t cap);

/* sf_smime_has_recipient returns 1 once a key and certificate are set. */
int sf_smime_has_recipient(const sf_smime *s);

/* sf_smime_set_time fixes the verification time (seconds since the epoch);
 * sf_smime_use_current_time goes back to the time of each call. */
void sf_smime_set_time(sf_smime *s, int64_t when);
void sf_smime_use_current_time(sf_smime *s);

/* ---- Verifying and decrypting ---------------------------------------------- */

/* sf_smime_verify verifies the SignedData in |der| (DER or BER).
 *
 * With |content| non-NULL the signature must be detached and is checked
 * over exactly those |content_len| bytes (multipart/signed, RFC 8551 3.5.3).
 * With |content| NULL the SignedData must carry its content (opaque
 * signing, RFC 8551 3.5.2); when |out_content| is not NULL a copy of that
 * content is returned there (the caller frees it with free()) and its
 * length in |*out_content_len|.
 *
 * For each signer (RFC 5652 5.6): its certificate is looked up among the
 * message's certificates; the signature over the signed attributes and the
 * content's digest are checked separately, so a changed content byte is
 * DIGEST_MISMATCH and a changed signature or attribute BAD_SIGNATURE; the
 * certificate's dates are checked at the verification time whether or not
 * trust anchors were given, and, with trust anchors, its chain (S/MIME
 * signing purpose); its subjectAltName URIs are copied out. Returns
 * |out->status|. */
int sf_smime_verify(const sf_smime *s, const uint8_t *der, size_t der_len, const uint8_t *content,
                    size_t content_len, sf_smime_verdict *out, uint8_t **out_content,
                    size_t *out_content_len);

typedef struct sf_smime_decryption {
  int status;                     /* enum sf_smime_status */
  char detail[SF_SMIME_MAX_TEXT]; /* OpenSSL's reason for a status other than OK */
  int authenticated;              /* AuthEnvelopedData (RFC 5083) */
} sf_smime_decryption;

/* sf_smime_decrypt decrypts the EnvelopedData (or AuthEnvelopedData) in
 * |der| with the recipient key. On SF_SMIME_OK, |*out| holds the content
 * (free() it) and |*out_len| its length. Returns |res->status|. */
int sf_smime_decrypt(const sf_smime *s, const uint8_t *der, size_t der_len, uint8_t **out,
                     size_t *out_len, sf_smime_decryption *res);

/* ---- Time ---------------------------------------------------------------- */

/* sf_smime_parse_time reads |text| (NUL-terminated) as RFC 3339
 * ("2005-02-04T20:20:00Z", "2005-02-04 21:20:00.5+01:00"; fractions are
 * dropped) or as seconds since the epoch ("1107548400"), into |*out|.
 * Returns 0, or -1 if it is neither. */
int sf_smime_parse_time(const char *text, int64_t *out);

/* sf_smime_format_time writes |t| as "YYYY-MM-DDTHH:MM:SSZ" (years 0 to
 * 9999; others are clamped). */
void sf_smime_format_time(int64_t t, char out[SF_SMIME_TIME_LEN]);

/* sf_smime_days_from_civil returns the days from 1970-01-01 to the given
 * proleptic Gregorian date (month 1..12). */
int64_t sf_smime_days_from_civil(int64_t y, unsigned m, unsigned d);

#ifdef __cplusplus
}
#endif

#endif /* SF_SMIME_H */
