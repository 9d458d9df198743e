/* sf/cms.h: the structure of Cryptographic Message Syntax messages (RFC 5652)
 * as S/MIME (RFC 8551) and SIP (RFC 3261 23, RFC 6216) carry them:
 * ContentInfo, SignedData, EnvelopedData and Data, with a minimal parse of
 * the X.509 certificates (RFC 5280) inside. No cryptography: verifying a
 * signature or decrypting is for a layer above (the project uses OpenSSL).
 *
 * Contract (sf/common.h): input is never written, never read outside its
 * bounds, never assumed to end in NUL; results are slices into it; nothing
 * is allocated and every count has a named limit below; a failure returns a
 * status code from SF_CMS_STATUS_LIST and fills an sf_error with the byte
 * offset (from the start of the input) and the fixed reason.
 *
 * The DER/BER reader's status codes come first in SF_CMS_STATUS_LIST with
 * the same values (SF_CMS_TRUNCATED == SF_DER_TRUNCATED), so an encoding
 * fault deep inside a message is reported as exactly what it is.
 *
 * Strict by default: DER, every RFC 5652 rule below checked. BER and the
 * other tolerances are SF_CMS_ALLOW_* flags, reported back as warnings. */
#ifndef SF_CMS_H
#define SF_CMS_H

#include "sf/common.h"
#include "sf/der.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Named limits ------------------------------------------------------ */

#define SF_CMS_MAX_DIGEST_ALGS 8   /* SignedData.digestAlgorithms */
#define SF_CMS_MAX_CERTS 8         /* SignedData / OriginatorInfo certificates */
#define SF_CMS_MAX_CRLS 8          /* revocation entries (skipped, counted) */
#define SF_CMS_MAX_SIGNERS 8       /* SignerInfos */
#define SF_CMS_MAX_RECIPIENTS 16   /* RecipientInfos */
#define SF_CMS_MAX_ATTRS 16        /* attributes of one signedAttrs/unsignedAttrs/unprotectedAttrs */
#define SF_CMS_MAX_ATTR_VALUES 16  /* values in one attribute's SET */
#define SF_CMS_MAX_SMIME_CAPS 16   /* SMIMECapabilities entries (RFC 8551 2.5.2) */
#define SF_CMS_MAX_EXTENSIONS 32   /* extensions of one certificate */
#define SF_CMS_MAX_SAN 16          /* GeneralNames of one subjectAltName */
#define SF_CMS_MAX_EKU 16          /* KeyPurposeIds of one extendedKeyUsage */
/* ContentInfo levels: the outer one plus CMS content nested in eContent
 * (eContentType signedData, envelopedData, ... or id-ct-contentInfo). */
#define SF_CMS_MAX_NESTING 4
/* The longest signature or encrypted key accepted, in octets: 2048 is a
 * 16384-bit RSA modulus, OpenSSL's OPENSSL_RSA_MAX_MODULUS_BITS. */
#define SF_CMS_MAX_SIGNATURE_LEN 2048

/* ---- Status codes ------------------------------------------------------- */

#define SF_CMS_OWN_STATUS_LIST(X)                                                              \
  X(NOT_CONTENT_INFO, "the input, or CMS content nested in it, is not a ContentInfo SEQUENCE { contentType OID, [0] content }") \
  X(MISSING_CONTENT, "a ContentInfo has no [0] content (RFC 5652 3: it is not optional)")     \
  X(TOO_DEEP_NESTING, "CMS content nested in eContent deeper than SF_CMS_MAX_NESTING")        \
  X(BAD_VERSION, "a version outside the values RFC 5652 allows, a certificate's older than its fields need (RFC 5280), or a certificate's v1 encoded (DER omits that DEFAULT)") \
  X(BAD_ALGORITHM, "an AlgorithmIdentifier is not SEQUENCE { OID, parameters OPTIONAL }")    \
  X(UNKNOWN_DIGEST_ALG, "a signer's digest algorithm OID is not a known hash function")      \
  X(MISSING_SIGNER_INFOS, "a SignedData has no signerInfos SET")                              \
  X(BAD_SIGNER_ID, "a SignerIdentifier or RecipientIdentifier is neither issuerAndSerialNumber nor [0] subjectKeyIdentifier") \
  X(BAD_NAME, "a Name is not SEQUENCE OF SET SIZE(1..) OF { OID, value }, or a value is malformed text") \
  X(EMPTY_ATTRIBUTES, "an attribute SET is present but empty (RFC 5652 5.3: SIZE (1..MAX))")  \
  X(BAD_ATTRIBUTE, "an Attribute is not SEQUENCE { OID, SET OF value }")            \
  X(DUPLICATE_ATTRIBUTE, "a signed attribute type appears twice (RFC 5652 11: single instance)") \
  X(MISSING_SIGNED_ATTRS, "a signer has no signedAttrs though eContentType is not id-data (RFC 5652 5.3)") \
  X(MISSING_CONTENT_TYPE_ATTR, "signedAttrs lack the contentType attribute (RFC 5652 5.3)")   \
  X(MISSING_MESSAGE_DIGEST, "signedAttrs lack the messageDigest attribute (RFC 5652 5.3)")    \
  X(BAD_CONTENT_TYPE_ATTR, "the contentType attribute is not one OID equal to eContentType (RFC 5652 11.1)") \
  X(BAD_MESSAGE_DIGEST, "the messageDigest attribute is not one OCTET STRING (RFC 5652 11.2)") \
  X(MESSAGE_DIGEST_LENGTH, "the messageDigest length does not match the signer's digest algorithm") \
  X(BAD_SIGNING_TIME, "the signingTime attribute is not one UTCTime, or one GeneralizedTime outside 1950-2049 (RFC 5652 11.3)") \
  X(BAD_SMIME_CAPABILITIES, "the smimeCapabilities attribute is not SEQUENCE OF { OID, parameters } (RFC 8551 2.5.2)") \
  X(EMPTY_SIGNATURE, "a signature or encrypted key is empty")                                 \
  X(SIGNATURE_TOO_LONG, "a signature or encrypted key is longer than SF_CMS_MAX_SIGNATURE_LEN") \
  X(TOO_MANY_DIGEST_ALGS, "more digestAlgorithms than SF_CMS_MAX_DIGEST_ALGS")                \
  X(TOO_MANY_CERTS, "more certificates than SF_CMS_MAX_CERTS")                                \
  X(TOO_MANY_CRLS, "more revocation entries than SF_CMS_MAX_CRLS")                            \
  X(TOO_MANY_SIGNERS, "more signerInfos than SF_CMS_MAX_SIGNERS")                             \
  X(TOO_MANY_RECIPIENTS, "more recipientInfos than SF_CMS_MAX_RECIPIENTS")                    \
  X(TOO_MANY_ATTRS, "more attributes than SF_CMS_MAX_ATTRS")                                  \
  X(TOO_MANY_ATTR_VALUES, "more values in one attribute than SF_CMS_MAX_ATTR_VALUES")         \
  X(TOO_MANY_SMIME_CAPS, "more smimeCapabilities than SF_CMS_MAX_SMIME_CAPS")                 \
  X(BAD_CERTIFICATE, "a certificate is not SEQUENCE { tbsCertificate, AlgorithmIdentifier, BIT STRING } with an INTEGER serial and a SEQUENCE { AlgorithmIdentifier, BIT STRING } key (RFC 5280 4.1), or a CertificateChoices is of no known kind (RFC 5652 10.2.2)") \
  X(BAD_VALIDITY, "a certificate's validity is not SEQUENCE { Time, Time }")                 \
  X(BAD_EXTENSION, "extensions is not a non-empty SEQUENCE OF Extension SEQUENCE { OID, BOOLEAN DEFAULT FALSE, OCTET STRING }, or (DER) FALSE is encoded") \
  X(DUPLICATE_EXTENSION, "a certificate has two extensions of one type (RFC 5280 4.2)")       \
  X(TOO_MANY_EXTENSIONS, "more extensions than SF_CMS_MAX_EXTENSIONS")                        \
  X(BAD_SUBJECT_ALT_NAME, "subjectAltName is not a non-empty SEQUENCE OF GeneralName (RFC 5280 4.2.1.6)") \
  X(TOO_MANY_SAN, "more subjectAltName entries than SF_CMS_MAX_SAN")                          \
  X(BAD_BASIC_CONSTRAINTS, "basicConstraints is not SEQUENCE { BOOLEAN DEFAULT FALSE, INTEGER (0..MAX) OPTIONAL }, or (DER) FALSE is encoded") \
  X(BAD_KEY_IDENTIFIER, "subjectKeyIdentifier is not an OCTET STRING")                        \
  X(BAD_EXT_KEY_USAGE, "extendedKeyUsage is not a non-empty SEQUENCE OF OID")                 \
  X(TOO_MANY_EKU, "more extendedKeyUsage purposes than SF_CMS_MAX_EKU")                       \
  X(BAD_RECIPIENT_INFO, "recipientInfos is not a non-empty SET, or a RecipientInfo is none of ktri, [1] kari, [2] kekri, [3] pwri, [4] ori") \
  X(MISSING_ENCRYPTED_CONTENT, "EnvelopedData has no encryptedContent (detached; SF_CMS_ALLOW_DETACHED_ENCRYPTED)") \
  X(BAD_IV, "the content-encryption algorithm's IV parameter is not an OCTET STRING of the cipher's block size")

#define SF_CMS_STATUS_LIST(X) SF_DER_STATUS_LIST(X) SF_CMS_OWN_STATUS_LIST(X)

enum sf_cms_status {
#define SF_X(name, reason) SF_CMS_##name,
  SF_CMS_STATUS_LIST(SF_X)
#undef SF_X
  SF_CMS_STATUS_COUNT
};

/* sf_cms_status_name returns "SF_CMS_BAD_MESSAGE_DIGEST" etc.; "?" if unknown. */
const char *sf_cms_status_name(int code);
/* sf_cms_status_reason returns the fixed sentence for |code|. */
const char *sf_cms_status_reason(int code);

/* ---- Flags and warnings ------------------------------------------------- */

enum {
  /* The DER reader's BER leniencies, same bits (see sf/der.h for the cost of
   * each): indefinite lengths, constructed strings, long lengths, BER
   * BOOLEAN, BIT STRING padding, encoded DEFAULT values. */
  SF_CMS_ALLOW_BER = SF_DER_BER,
  /* EnvelopedData without encryptedContent (RFC 5652 6.1 allows it: "its
   * intended value must be supplied by other means"). Off by default because
   * no S/MIME-in-SIP sender does it and receivers have dereferenced the
   * missing field. */
  SF_CMS_ALLOW_DETACHED_ENCRYPTED = 1u << 8,
};
enum {
  /* SF_DER_W_* bits report the BER leniencies used. */
  SF_CMS_W_DETACHED_ENCRYPTED = SF_CMS_ALLOW_DETACHED_ENCRYPTED,
};

/* ---- Results ---------------------------------------------------------- */

/* Content types recognized by OID (RFC 5652 4-9, RFC 5083, RFC 3274). */
typedef enum sf_cms_type {
  SF_CMS_TYPE_OTHER = 0, /* any other OID: content kept raw */
  SF_CMS_TYPE_DATA,
  SF_CMS_TYPE_SIGNED,
  SF_CMS_TYPE_ENVELOPED,
  SF_CMS_TYPE_SIGNED_AND_ENVELOPED, /* PKCS #7 only */
  SF_CMS_TYPE_DIGESTED,
  SF_CMS_TYPE_ENCRYPTED,
  SF_CMS_TYPE_AUTHENTICATED,
  SF_CMS_TYPE_AUTH_ENVELOPED,
  SF_CMS_TYPE_COMPRESSED,
  SF_CMS_TYPE_CONTENT_INFO, /* id-ct-contentInfo: the content is a ContentInfo */
} sf_cms_type;

/* sf_cms_type_of returns the type named by content-type OID contents |oid|. */
sf_cms_type sf_cms_type_of(sf_slice oid);

/* sf_cms_digest_len returns the output length of the digest algorithm OID
 * |oid| (MD5, SHA-1, SHA-2, SHA-3, SHAKE as RFC 8702 uses them), or 0 if it
 * is not one this parser knows. */
size_t sf_cms_digest_len(sf_slice oid);

typedef struct sf_cms_alg {
  sf_slice oid;    /* contents octets */
  sf_slice params; /* the whole parameters element, or absent */
} sf_cms_alg;

/* An attribute (RFC 5652 5.3): type and the contents of its SET of values. */
typedef struct sf_cms_attr {
  sf_slice type;   /* OID contents */
  sf_slice values; /* contents of the SET (the encoded values, in order) */
  size_t value_count;
} sf_cms_attr;

typedef struct sf_cms_attrs {
  sf_slice whole; /* the whole [0]/[1] element (absent if not present) */
  sf_cms_attr items[SF_CMS_MAX_ATTRS];
  size_t count;
} sf_cms_attrs;

/* SignerIdentifier / RecipientIdentifier (RFC 5652 5.3, 6.2.1). */
enum { SF_CMS_SID_ISSUER_SERIAL = 1, SF_CMS_SID_KEY_ID = 2 };
typedef struct sf_cms_sid {
  int kind;        /* SF_CMS_SID_* */
  sf_slice issuer; /* the whole issuer Name element */
  sf_slice serial; /* INTEGER contents octets */
  sf_slice key_id; /* subjectKeyIdentifier octets */
} sf_cms_sid;

typedef struct sf_cms_signer {
  uint64_t version; /* 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier */
  sf_cms_sid sid;
  sf_cms_alg digest_alg;
  sf_cms_attrs signed_attrs; /* whole: the [0] element; its DER with tag SET is what is signed */
  /* Decoded signed attributes (RFC 5652 11, RFC 8551 2.5.2). */
  sf_slice content_type;   /* contentType value (OID contents); absent without signedAttrs */
  sf_slice message_digest; /* messageDigest value */
  int has_signing_time;
  sf_der_time signing_time;
  int has_smime_caps;
  sf_cms_alg smime_caps[SF_CMS_MAX_SMIME_CAPS];
  size_t smime_cap_count;
  sf_cms_alg signature_alg;
  sf_slice signature;
  sf_cms_attrs unsigned_attrs;
} sf_cms_signer;

/* GeneralName (RFC 5280 4.2.1.6): |type| is the context tag number
 * (SF_CMS_GN_*); |value| the IA5String text for email, DNS and URI, the
 * octets for iPAddress, the OID contents for registeredID, and the whole
 * element for the other choices. */
enum {
  SF_CMS_GN_OTHER_NAME = 0,
  SF_CMS_GN_EMAIL = 1,
  SF_CMS_GN_DNS = 2,
  SF_CMS_GN_X400 = 3,
  SF_CMS_GN_DIRECTORY = 4,
  SF_CMS_GN_EDI_PARTY = 5,
  SF_CMS_GN_URI = 6,
  SF_CMS_GN_IP = 7,
  SF_CMS_GN_REGISTERED_ID = 8,
};
typedef struct sf_cms_general_name {
  int type;
  sf_slice value;
} sf_cms_general_name;

/* The minimal parse of one X.509 certificate (RFC 5280 4.1). */
typedef struct sf_cms_cert {
  sf_slice whole;
  sf_slice tbs;     /* the whole tbsCertificate element (what is signed) */
  uint64_t version; /* 0 = v1 (absent), 1 = v2, 2 = v3 */
  sf_slice serial;  /* INTEGER contents */
  sf_cms_alg signature_alg;
  sf_slice issuer;  /* whole Name elements */
  sf_slice subject;
  sf_der_time not_before, not_after;
  sf_cms_alg key_alg;     /* subjectPublicKeyInfo.algorithm */
  sf_slice public_key;    /* subjectPublicKey BIT STRING contents */
  size_t extension_count;
  int has_san;
  sf_cms_general_name san[SF_CMS_MAX_SAN];
  size_t san_count;
  int has_basic_constraints, is_ca, has_path_len;
  uint64_t path_len;
  sf_slice key_id; /* subjectKeyIdentifier octets (absent if none) */
  int has_eku;
  sf_slice eku[SF_CMS_MAX_EKU]; /* KeyPurposeId OID contents */
  size_t eku_count;
} sf_cms_cert;

/* CertificateSet (RFC 5652 10.2.3): the certificate choice is parsed; the
 * other choices ([0] extended, [1]/[2] attribute, [3] other) are counted and
 * kept raw. */
typedef struct sf_cms_certs {
  sf_slice whole; /* the [0] element, absent if none */
  sf_cms_cert items[SF_CMS_MAX_CERTS];
  size_t count;
  sf_slice other[SF_CMS_MAX_CERTS];
  size_t other_count;
} sf_cms_certs;

typedef struct sf_cms_signed_data {
  uint64_t version;
  sf_cms_alg digest_algs[SF_CMS_MAX_DIGEST_ALGS];
  size_t digest_alg_count;
  sf_slice econtent_type; /* OID contents */
  int has_econtent;       /* 0: detached signature */
  sf_der_string econtent; /* the OCTET STRING (BER: possibly constructed) */
  sf_cms_certs certs;
  sf_slice crls;          /* the [1] element, absent if none; entries skipped */
  size_t crl_count;
  sf_cms_signer signers[SF_CMS_MAX_SIGNERS];
  size_t signer_count;
} sf_cms_signed_data;

/* RecipientInfo (RFC 5652 6.2). Key transport is parsed; the other choices
 * are recognized by tag and kept raw in |whole|. */
enum {
  SF_CMS_RI_KTRI = 1,  /* KeyTransRecipientInfo, SEQUENCE */
  SF_CMS_RI_KARI = 2,  /* [1] KeyAgreeRecipientInfo */
  SF_CMS_RI_KEKRI = 3, /* [2] KEKRecipientInfo */
  SF_CMS_RI_PWRI = 4,  /* [3] PasswordRecipientInfo */
  SF_CMS_RI_ORI = 5,   /* [4] OtherRecipientInfo */
};
typedef struct sf_cms_recipient {
  int kind;
  sf_slice whole;
  uint64_t version;     /* ktri: 0 with issuerAndSerialNumber, 2 with a key id */
  sf_cms_sid rid;       /* ktri */
  sf_cms_alg key_enc_alg;
  sf_slice encrypted_key;
} sf_cms_recipient;

typedef struct sf_cms_enveloped_data {
  uint64_t version;
  sf_slice originator_info; /* the [0] element, absent if none */
  sf_cms_certs originator_certs;
  sf_cms_recipient recipients[SF_CMS_MAX_RECIPIENTS];
  size_t recipient_count;
  sf_slice content_type; /* EncryptedContentInfo.contentType */
  sf_cms_alg content_enc_alg;
  sf_slice iv;           /* the IV OCTET STRING's octets, for CBC ciphers */
  int has_encrypted_content;
  sf_der_string encrypted_content; /* [0] IMPLICIT OCTET STRING, primitive or constructed */
  sf_cms_attrs unprotected_attrs;
} sf_cms_enveloped_data;

typedef struct sf_cms {
  sf_slice content_type; /* OID contents */
  sf_cms_type type;
  sf_slice content;      /* the contents of the [0] EXPLICIT element */
  sf_der_string data;    /* type DATA: the OCTET STRING */
  sf_cms_signed_data signed_data;       /* type SIGNED */
  sf_cms_enveloped_data enveloped_data; /* type ENVELOPED */
  size_t nesting;        /* ContentInfo levels seen, 1 + nested CMS content */
  unsigned warnings;     /* SF_DER_W_* and SF_CMS_W_* */
} sf_cms;

/* sf_cms_parse parses the ContentInfo that is all of [data, data+len) (bytes
 * after it are SF_CMS_TRAILING_DATA). Signed and enveloped content is parsed
 * into |out|; data content is located; other content types are recognized
 * and kept raw. When a SignedData's eContent holds CMS content (eContentType
 * signedData, envelopedData or id-ct-contentInfo), it is parsed too, as a
 * check (results not kept), up to SF_CMS_MAX_NESTING levels. Returns
 * SF_CMS_OK or an error code, with |err| filled. */
int sf_cms_parse(const uint8_t *data, size_t len, unsigned flags, sf_cms *out, sf_error *err);

/* sf_cms_parse_certificate parses one DER certificate that is all of
 * [data, data+len). */
int sf_cms_parse_certificate(const uint8_t *data, size_t len, unsigned flags, sf_cms_cert *out,
                             sf_error *err);

/* sf_cms_find_attr returns the first attribute of type |oid| (contents
 * octets) in |attrs|, or NULL. */
const sf_cms_attr *sf_cms_find_attr(const sf_cms_attrs *attrs, const uint8_t *oid, size_t oid_len);

#ifdef __cplusplus
}
#endif

#endif /* SF_CMS_H */
