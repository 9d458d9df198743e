/* cms_build.h: CMS messages built in memory for the tests, so that shapes
 * with many elements (every SF_CMS_MAX_* limit and one past it) and shapes
 * with one element written wrong (every structural fault) need no
 * committed binary files.
 *
 * sf_dw is a small DER writer of its own: it does not use the parser
 * library's encoders (sf_der_write_header, sf_der_oid_from_text), so a bug
 * there cannot make a test agree with itself. Elements are opened and
 * closed; closing one inserts its definite, minimal length. A mark records
 * where an element starts and follows it as lengths are inserted before it,
 * which is how a test knows, independently of the parser, the byte offset an
 * error must be reported at. */
#ifndef SF_TEST_CMS_BUILD_H
#define SF_TEST_CMS_BUILD_H

#include <stddef.h>
#include <stdint.h>

#define SF_DW_MAX_OPEN 32
#define SF_DW_MAX_MARKS 8

typedef struct sf_dw {
  uint8_t *buf;
  size_t len, cap;
  size_t open[SF_DW_MAX_OPEN]; /* contents start of each open element */
  unsigned depth;
  size_t marks[SF_DW_MAX_MARKS];
  unsigned mark_count;
} sf_dw;

/* sf_dw_init starts an empty writer; sf_dw_free releases its buffer. */
void sf_dw_init(sf_dw *w);
void sf_dw_free(sf_dw *w);
/* sf_dw_open writes the identifier octet |tag| of an element whose contents
 * follow; sf_dw_close ends the innermost open one (inserting its length). */
void sf_dw_open(sf_dw *w, uint8_t tag);
void sf_dw_close(sf_dw *w);
/* sf_dw_raw appends bytes as they are (an element encoded elsewhere). */
void sf_dw_raw(sf_dw *w, const void *bytes, size_t n);
/* sf_dw_prim writes a primitive element: tag, length, |n| contents octets. */
void sf_dw_prim(sf_dw *w, uint8_t tag, const void *contents, size_t n);
/* sf_dw_text writes a primitive element holding the C string |s|. */
void sf_dw_text(sf_dw *w, uint8_t tag, const char *s);
/* sf_dw_int writes the non-negative INTEGER |v| in its minimal form. */
void sf_dw_int(sf_dw *w, uint64_t v);
/* sf_dw_oid writes the OBJECT IDENTIFIER in dotted form |dotted|. */
void sf_dw_oid(sf_dw *w, const char *dotted);
/* sf_dw_mark returns a mark id for the current position: where the next
 * element starts. sf_dw_mark_at returns where that is once all is closed. */
unsigned sf_dw_mark(sf_dw *w);
size_t sf_dw_mark_at(const sf_dw *w, unsigned id);

/* ---- CMS shapes ------------------------------------------------------------ */

/* The lists the shapes can make long (one per SF_CMS_MAX_* count). */
typedef enum sf_cms_list {
  SF_LIST_NONE = 0,
  SF_LIST_DIGEST_ALGS,      /* SignedData.digestAlgorithms */
  SF_LIST_CERTS,            /* SignedData.certificates */
  SF_LIST_CRLS,             /* SignedData.crls */
  SF_LIST_SIGNERS,          /* SignedData.signerInfos */
  SF_LIST_SIGNED_ATTRS,     /* signer 0's signedAttrs (contentType, messageDigest, then others) */
  SF_LIST_UNSIGNED_ATTRS,   /* signer 0's unsignedAttrs */
  SF_LIST_ATTR_VALUES,      /* values of signer 0's first unsigned attribute */
  SF_LIST_SMIME_CAPS,       /* signer 0's smimeCapabilities entries */
  SF_LIST_EXTENSIONS,       /* certificate 0's extensions */
  SF_LIST_SAN,              /* certificate 0's subjectAltName entries */
  SF_LIST_EKU,              /* certificate 0's extendedKeyUsage purposes */
  SF_LIST_RECIPIENTS,       /* EnvelopedData.recipientInfos */
  SF_LIST_ORIGINATOR_CERTS, /* EnvelopedData.originatorInfo certificates */
  SF_LIST_ORIGINATOR_CRLS,  /* EnvelopedData.originatorInfo crls */
  SF_LIST_UNPROTECTED_ATTRS,/* EnvelopedData.unprotectedAttrs */
} sf_cms_list;

/* sf_cms_list_is_enveloped returns 1 for the lists of an EnvelopedData. */
int sf_cms_list_is_enveloped(sf_cms_list list);

/* sf_cms_build_with writes a valid DER ContentInfo, SignedData (detached
 * id-data, one signer, one certificate, no attributes) or EnvelopedData
 * (one key transport recipient, AES-128-CBC, 32 octets of encryptedContent),
 * whose list |list| has |count| elements instead (each different from the
 * others: serial numbers, OIDs, values). It returns a mark at the element
 * of index |mark_index| of that list (the first one past a limit when
 * |mark_index| is the limit). A count of 0 leaves an optional list out. */
unsigned sf_cms_build_with(sf_dw *w, sf_cms_list list, size_t count, size_t mark_index);

/* One edit to those valid shapes: an element written wrong, or an edge case
 * written right. Each faulty edit names what it writes and where the fault
 * starts; sf_cms_build_edited marks that position while writing, so a test
 * knows the exact offset a parser must report without asking the parser.
 * "At X" below is that position: the first byte of element X (its
 * identifier octet), or "inside X" the first byte of X's contents. Edits of
 * "the signer" apply to signer 0, of "the certificate" to certificate 0 (or
 * the certificate sf_cms_build_certificate writes), of "the recipient" to
 * the only KeyTransRecipientInfo. */
typedef enum sf_cms_edit {
  SF_EDIT_NONE = 0,
  /* ContentInfo (RFC 5652 3) */
  SF_EDIT_CI_SET,             /* the ContentInfo is a SET: at it (offset 0) */
  SF_EDIT_CI_TYPE_INTEGER,    /* contentType is INTEGER 1, not an OID: at it */
  SF_EDIT_CI_NESTED_OCTETS,   /* id-ct-contentInfo whose [0] holds an OCTET STRING, not a
                                 ContentInfo: at the OCTET STRING */
  /* AlgorithmIdentifier (RFC 5280 4.1.1.2) */
  SF_EDIT_DIGEST_ALGS_BARE_OID,     /* digestAlgorithms holds the sha256 OID alone: at it */
  SF_EDIT_SIGNER_DIGEST_ALG_NO_OID, /* the signer digestAlgorithm SEQUENCE { NULL }: at the NULL */
  SF_EDIT_SIGNATURE_ALG_EXTRA,      /* signatureAlgorithm { OID, NULL, NULL }: at the 2nd NULL */
  SF_EDIT_KEY_ALG_BARE_OID,         /* the certificate's key algorithm is an OID alone: at it */
  SF_EDIT_KEY_ENC_ALG_NO_OID,       /* keyEncryptionAlgorithm SEQUENCE { NULL }: at the NULL */
  SF_EDIT_CONTENT_ENC_ALG_EXTRA,    /* contentEncryptionAlgorithm { OID, IV, NULL }: at the NULL */
  /* SignerIdentifier, RecipientIdentifier (RFC 5652 5.3, 6.2.1) */
  SF_EDIT_SID_SERIAL_OCTETS, /* issuerAndSerialNumber { Name, OCTET STRING }: at the OCTET STRING */
  SF_EDIT_SID_OCTETS,        /* sid is an untagged OCTET STRING key id: at it */
  SF_EDIT_RID_INTEGER,       /* the recipient's rid is an INTEGER: at it */
  /* Attributes (RFC 5652 5.3, 6.1, 11) */
  SF_EDIT_SIGNED_ATTRS_EMPTY,      /* signedAttrs [0] with no attribute: inside the [0] */
  SF_EDIT_UNSIGNED_ATTRS_EMPTY,    /* unsignedAttrs [1] with no attribute: inside the [1] */
  SF_EDIT_UNPROTECTED_ATTRS_EMPTY, /* unprotectedAttrs [1] with no attribute: inside the [1] */
  SF_EDIT_ATTR_BARE_OID,      /* a signed attribute that is an OID alone: at it */
  SF_EDIT_ATTR_TYPE_INTEGER,  /* a signed attribute SEQUENCE { INTEGER, SET }: at the INTEGER */
  SF_EDIT_ATTR_VALUE_NOT_SET, /* a signed attribute SEQUENCE { OID, INTEGER }: at the INTEGER */
  SF_EDIT_ATTR_EXTRA,         /* a signed attribute { OID, SET, INTEGER }: at the INTEGER */
  SF_EDIT_ATTR_NO_VALUES,     /* valid: a signed attribute of a test type with an empty SET of
                                 values (RFC 5652 5.3: attrValues SET OF, no SIZE) */
  SF_EDIT_NO_CONTENT_TYPE_ATTR,  /* signedAttrs without contentType: at the [0] */
  SF_EDIT_CONTENT_TYPE_UNSIGNED, /* contentType moved to unsignedAttrs: at the signedAttrs [0] */
  SF_EDIT_SIGNING_TIME_NO_VALUE,   /* signingTime with an empty SET: inside the SET */
  SF_EDIT_SIGNING_TIME_TWO_VALUES, /* signingTime with two UTCTimes: at the first */
  SF_EDIT_SIGNING_TIME_INTEGER,    /* signingTime holding INTEGER 0: at it */
  SF_EDIT_SIGNING_TIME_GENERALIZED_2005, /* GeneralizedTime in 2005, where UTCTime is due: at it */
  SF_EDIT_SIGNING_TIME_GENERALIZED_1949, /* valid: GeneralizedTime in 1949 */
  SF_EDIT_SIGNING_TIME_GENERALIZED_2050, /* valid: GeneralizedTime in 2050 */
  /* Signature values (RFC 5652 5.3, 6.2.1) */
  SF_EDIT_SIGNATURE_EMPTY,     /* the signer's signature is 04 00: at it */
  SF_EDIT_ENCRYPTED_KEY_EMPTY, /* the recipient's encryptedKey is 04 00: at it */
  /* Certificates (RFC 5280 4.1, RFC 5652 10.2.2) */
  SF_EDIT_CERT_SET,           /* the certificate is a SET: at it */
  SF_EDIT_CERT_CHOICE_CTX4,   /* certificates holds a [4] (CertificateChoices stop at [3]): at it */
  SF_EDIT_CERT_OTHER_NO_OID,  /* certificates holds [3] { INTEGER, NULL }: at the INTEGER */
  SF_EDIT_TBS_SET,            /* tbsCertificate is a SET: at it */
  SF_EDIT_SERIAL_OCTETS,      /* serialNumber is an OCTET STRING: at it */
  SF_EDIT_SPKI_SET,           /* subjectPublicKeyInfo is a SET: at it */
  SF_EDIT_SPKI_KEY_OCTETS,    /* subjectPublicKey is an OCTET STRING: at it */
  SF_EDIT_CERT_SIG_OCTETS,    /* signatureValue is an OCTET STRING: at it */
  SF_EDIT_VALIDITY_UNWRAPPED, /* the two validity times without their SEQUENCE: at the first */
  SF_EDIT_VALIDITY_THREE_TIMES, /* validity SEQUENCE { Time, Time, Time }: at the third */
  SF_EDIT_CERT_VERSION_V1,    /* version [0] { INTEGER 0 } (v1 is the DEFAULT DER omits): at the [0] */
  SF_EDIT_CERT_V1_UNIQUE_ID,  /* no version (v1) and an issuerUniqueID (v2 and v3 only): at the [1] */
  SF_EDIT_CERT_V2_EXTENSIONS, /* version v2 and an extension (v3 only): at the [3] */
  SF_EDIT_CERT_V1_PLAIN,      /* valid: no version (v1), no unique ID, no extension */
  SF_EDIT_CERT_V2_UNIQUE_ID,  /* valid: version v2 and an issuerUniqueID */
  SF_EDIT_CERT_V3_ALL_FIELDS, /* valid: version v3, both unique IDs and an extension */
  /* Extensions (RFC 5280 4.1.2.9, 4.2), in certificate 0's [3] */
  SF_EDIT_EXTS_SET,           /* [3] { SET { extension } }: at the SET */
  SF_EDIT_EXTS_EMPTY,         /* [3] { SEQUENCE {} } (SIZE (1..MAX)): inside the SEQUENCE */
  SF_EDIT_EXT_BARE_OID,       /* an extension that is an OID alone: at it */
  SF_EDIT_EXT_NO_OID,         /* SEQUENCE { BOOLEAN TRUE, OCTET STRING }: at the BOOLEAN */
  SF_EDIT_EXT_CRITICAL_FALSE, /* critical FALSE encoded (DER omits DEFAULTs): at the BOOLEAN */
  SF_EDIT_EXT_CRITICAL_TRUE,  /* valid: an extension of a test type, critical TRUE */
  SF_EDIT_EXT_VALUE_NOT_OCTETS, /* basicConstraints { OID, SEQUENCE {} } (the value not in an
                                   OCTET STRING): at the SEQUENCE */
  SF_EDIT_EXT_EXTRA,          /* SEQUENCE { OID, OCTET STRING, NULL }: at the NULL */
  SF_EDIT_BC_NOT_SEQUENCE,    /* basicConstraints' value is BOOLEAN TRUE alone: at it */
  SF_EDIT_BC_INTEGER_FIRST,   /* basicConstraints { INTEGER 0, BOOLEAN TRUE }: at the BOOLEAN */
  SF_EDIT_BC_CA_FALSE,        /* basicConstraints { FALSE } (DER omits DEFAULTs): at the BOOLEAN */
  SF_EDIT_BC_CA_PATH_LEN,     /* valid: basicConstraints { TRUE, INTEGER 3 } */
  SF_EDIT_SKI_BIT_STRING,     /* subjectKeyIdentifier's value is a BIT STRING: at it */
  SF_EDIT_EKU_BARE_OID,       /* extendedKeyUsage's value is an OID alone: at it */
  SF_EDIT_EKU_EMPTY,          /* extendedKeyUsage SEQUENCE {}: inside the SEQUENCE */
  SF_EDIT_EKU_STRING,         /* extendedKeyUsage { OID, UTF8String }: at the UTF8String */
  /* RecipientInfos (RFC 5652 6.1, 6.2) */
  SF_EDIT_RECIPIENT_INFOS_SEQUENCE, /* recipientInfos is a SEQUENCE: at it */
  SF_EDIT_RECIPIENT_INFOS_EMPTY,    /* recipientInfos SET {} (SIZE (1..MAX)): inside the SET */
  SF_EDIT_RECIPIENT_CTX0,           /* the recipient is [0] { ktri } (no such choice): at it */
  SF_EDIT_COUNT
} sf_cms_edit;

/* sf_cms_edit_is_enveloped returns 1 for the edits of an EnvelopedData. */
int sf_cms_edit_is_enveloped(sf_cms_edit edit);

/* sf_cms_build_edited writes the shape sf_cms_build_with writes with no long
 * list (SignedData, or EnvelopedData for the enveloped edits) with |edit|
 * applied; the SignedData's signer then has signedAttrs (contentType id-data
 * and a SHA-256 messageDigest) when the edit concerns attributes, and its
 * certificate an extensions [3] when the edit concerns extensions. Returns
 * the mark at the fault, or SF_DW_MAX_MARKS for the valid edits. */
unsigned sf_cms_build_edited(sf_dw *w, sf_cms_edit edit);

/* sf_cms_build_certificate writes certificate 0 of those shapes on its own,
 * with |edit| applied (the certificate edits), and returns the mark as
 * sf_cms_build_edited does. */
unsigned sf_cms_build_certificate(sf_dw *w, sf_cms_edit edit);

/* Pieces of those shapes, for tests that assemble a message by hand:
 * sf_cms_build_ktri writes a KeyTransRecipientInfo (version 0, issuer
 * CN=Test CA, serial |serial|, a 64-octet encryptedKey);
 * sf_cms_build_encrypted_content_info an EncryptedContentInfo (id-data,
 * AES-128-CBC with a 16-octet IV, 32 octets of primitive encryptedContent). */
void sf_cms_build_ktri(sf_dw *w, uint64_t serial);
void sf_cms_build_encrypted_content_info(sf_dw *w);

#endif /* SF_TEST_CMS_BUILD_H */
