/* cms_internal.h: pieces shared by the files of parsers/cms/ (not public). */
#ifndef SF_CMS_INTERNAL_H
#define SF_CMS_INTERNAL_H

#include "sf/cms.h"

/* OBJECT IDENTIFIER contents octets this parser compares against. */
#define SF_CMS__OID(name) sf_cms__oid_##name, sizeof sf_cms__oid_##name
extern const uint8_t sf_cms__oid_content_type[9];   /* 1.2.840.113549.1.9.3 */
extern const uint8_t sf_cms__oid_message_digest[9]; /* 1.2.840.113549.1.9.4 */
extern const uint8_t sf_cms__oid_signing_time[9];   /* 1.2.840.113549.1.9.5 */
extern const uint8_t sf_cms__oid_smime_caps[9];     /* 1.2.840.113549.1.9.15 */
extern const uint8_t sf_cms__oid_san[3];            /* 2.5.29.17 */
extern const uint8_t sf_cms__oid_basic_constraints[3]; /* 2.5.29.19 */
extern const uint8_t sf_cms__oid_ski[3];            /* 2.5.29.14 */
extern const uint8_t sf_cms__oid_eku[3];            /* 2.5.29.37 */

/* sf_cms__fail records a CMS code (same numbering as the DER reader's). */
static inline int sf_cms__fail(sf_der *d, int code, size_t offset) {
  return sf_der_fail(d->st, code, offset);
}

/* sf_cms__need fails with |code| (SF_CMS_MISSING_ELEMENT at the end of |d|)
 * unless the next element has tag |tag|; it reads nothing. */
int sf_cms__need(sf_der *d, sf_der_tag tag, int code);

/* sf_cms__optional sets *out_present to 1 if the next element has tag
 * |tag| (an OPTIONAL field that is there). The same tag in the other form (a
 * primitive [0] where the field is a constructed SET OF) is
 * SF_CMS_BAD_FORM, not an absent field followed by garbage. */
int sf_cms__optional(sf_der *d, sf_der_tag tag, int *out_present);

/* sf_cms__offset returns the offset of |s| in the top-level buffer. */
static inline size_t sf_cms__offset(const sf_der *d, sf_slice s) {
  return (size_t)(s.ptr - d->st->base);
}

/* sf_cms__cbc_iv_len returns the IV length a CBC content cipher's
 * parameters must have, or 0 if |oid| is not one of those. */
size_t sf_cms__cbc_iv_len(sf_slice oid);

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } */
int sf_cms__get_alg(sf_der *d, sf_cms_alg *out);
/* sf_cms__get_alg_or is sf_cms__get_alg with its faults named |code|
 * (SMIMECapability has the same shape). */
int sf_cms__get_alg_or(sf_der *d, sf_cms_alg *out, int code);
/* Name (RFC 5280 4.1.2.4): the whole element into |out|, checked. */
int sf_cms__get_name(sf_der *d, sf_slice *out);
/* IssuerAndSerialNumber ::= SEQUENCE { issuer Name, serialNumber INTEGER },
 * or [0] IMPLICIT SubjectKeyIdentifier: SignerIdentifier/RecipientIdentifier. */
int sf_cms__get_sid(sf_der *d, sf_cms_sid *out);
/* Attributes under implicit tag |tag| (SET SIZE (1..MAX) OF Attribute). */
int sf_cms__get_attrs(sf_der *d, sf_der_tag tag, sf_cms_attrs *out);
/* CertificateSet under implicit tag |tag|. */
int sf_cms__get_certs(sf_der *d, sf_der_tag tag, sf_cms_certs *out);
/* RevocationInfoChoices under implicit tag |tag|: entries checked for form
 * and counted, not parsed. */
int sf_cms__get_crls(sf_der *d, sf_der_tag tag, sf_slice *out, size_t *out_count);
/* Certificate (RFC 5280 4.1), minimal parse. */
int sf_cms__get_cert(sf_der *d, sf_cms_cert *out);
/* The SignedData / EnvelopedData SEQUENCE at |d|. */
int sf_cms__get_signed_data(sf_der *d, sf_cms_signed_data *out);
int sf_cms__get_enveloped_data(sf_der *d, sf_cms_enveloped_data *out);
/* One SignerInfo; |econtent_type| is checked against its contentType. */
int sf_cms__get_signer(sf_der *d, sf_slice econtent_type, sf_cms_signer *out);

#endif /* SF_CMS_INTERNAL_H */
