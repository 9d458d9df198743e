/* cms_build.h: CMS messages built in memory for the tests, so that shapes
 * with many elements (every SF_CMS_MAX_* limit and one past it) need no
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

/* Pieces of those shapes, for tests that assemble a message by hand:
 * sf_cms_build_ktri writes a KeyTransRecipientInfo (version 0, issuer
 * CN=Test CA, serial |serial|, a 64-octet encryptedKey);
 * sf_cms_build_encrypted_content_info an EncryptedContentInfo (id-data,
 * AES-128-CBC with a 16-octet IV, 32 octets of primitive encryptedContent). */
void sf_cms_build_ktri(sf_dw *w, uint64_t serial);
void sf_cms_build_encrypted_content_info(sf_dw *w);

#endif /* SF_TEST_CMS_BUILD_H */
