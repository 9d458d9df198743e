/* certificate.c: the minimal parse of an X.509 certificate (RFC 5280 4.1)
 * and the CertificateSet that carries them (RFC 5652 10.2.3).
 *
 *   Certificate ::= SEQUENCE { tbsCertificate TBSCertificate,
 *       signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
 *   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1,
 *       serialNumber INTEGER, signature AlgorithmIdentifier, issuer Name,
 *       validity Validity, subject Name, subjectPublicKeyInfo SEQUENCE {
 *       algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING },
 *       issuerUniqueID [1] IMPLICIT BIT STRING OPTIONAL,
 *       subjectUniqueID [2] IMPLICIT BIT STRING OPTIONAL,
 *       extensions [3] EXPLICIT SEQUENCE SIZE (1..MAX) OF Extension OPTIONAL }
 *
 * The whole structure is checked; serial, names, validity, key algorithm and
 * four extensions are decoded: subjectAltName (the SIP URI that RFC 3261
 * 23.3 and RFC 6216 6 match against From), basicConstraints,
 * subjectKeyIdentifier (what a signer id of type [0] names) and
 * extendedKeyUsage. */
#include <string.h>

#include "cms_internal.h"

/* GeneralName ::= CHOICE { otherName [0], rfc822Name [1] IA5String,
 *   dNSName [2] IA5String, x400Address [3], directoryName [4] Name,
 *   ediPartyName [5], uniformResourceIdentifier [6] IA5String,
 *   iPAddress [7] OCTET STRING, registeredID [8] OBJECT IDENTIFIER } */
static int get_general_name(sf_der *d, sf_cms_general_name *out) {
  sf_der_tag tag = 0;
  size_t at = d->pos;
  sf_der_elem e;
  if (!sf_der_peek_tag(d, &tag) || (tag & SF_DER_CLASS_MASK) != SF_DER_CLASS_CONTEXT ||
      (tag & SF_DER_NUMBER_MASK) > 8) {
    return sf_cms__fail(d, SF_CMS_BAD_SUBJECT_ALT_NAME, at);
  }
  uint32_t n = tag & SF_DER_NUMBER_MASK;
  int constructed = (tag & SF_DER_CONSTRUCTED) != 0;
  int want_constructed = n == 0 || n == 3 || n == 4 || n == 5;
  if (constructed != want_constructed) return sf_cms__fail(d, SF_CMS_BAD_SUBJECT_ALT_NAME, at);
  int rc = sf_der_get_any(d, &e);
  if (rc != SF_CMS_OK) return rc;
  out->type = (int)n;
  out->value = e.contents;
  if (n == SF_CMS_GN_DIRECTORY) {
    /* [4] EXPLICIT Name: exactly one Name inside. */
    sf_der inner;
    sf_slice name;
    rc = sf_der_open(d, &e, &inner);
    if (rc == SF_CMS_OK) rc = sf_cms__get_name(&inner, &name);
    if (rc == SF_CMS_OK) rc = sf_der_finish(&inner);
    out->value = e.whole;
  } else if (n == SF_CMS_GN_REGISTERED_ID) {
    rc = sf_der_oid_check(e.contents);
    if (rc != SF_CMS_OK) rc = sf_cms__fail(d, rc, sf_cms__offset(d, e.contents));
  } else if (n == SF_CMS_GN_OTHER_NAME) {
    /* OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY } */
    sf_der on, v;
    sf_slice oid;
    sf_der_elem any;
    rc = sf_der_open(d, &e, &on);
    if (rc == SF_CMS_OK) rc = sf_cms__need(&on, SF_DER_OID, SF_CMS_BAD_SUBJECT_ALT_NAME);
    if (rc == SF_CMS_OK) rc = sf_der_get_oid(&on, &oid);
    if (rc == SF_CMS_OK) rc = sf_cms__need(&on, SF_DER_CONTEXT_CONS(0), SF_CMS_BAD_SUBJECT_ALT_NAME);
    if (rc == SF_CMS_OK) rc = sf_der_get(&on, SF_DER_CONTEXT_CONS(0), &v);
    if (rc == SF_CMS_OK) rc = sf_der_get_any(&v, &any);
    if (rc == SF_CMS_OK) rc = sf_der_finish(&v);
    if (rc == SF_CMS_OK) rc = sf_der_finish(&on);
    out->value = e.whole;
  } else if (constructed) {
    out->value = e.whole; /* x400Address, ediPartyName: kept raw */
  }
  return rc;
}

static int get_san(sf_der *v, sf_cms_cert *out) {
  sf_der names;
  int rc = sf_cms__need(v, SF_DER_SEQUENCE, SF_CMS_BAD_SUBJECT_ALT_NAME);
  if (rc == SF_CMS_OK) rc = sf_der_get(v, SF_DER_SEQUENCE, &names);
  if (rc == SF_CMS_OK && sf_der_at_end(&names)) {
    rc = sf_cms__fail(v, SF_CMS_BAD_SUBJECT_ALT_NAME, names.pos); /* SIZE (1..MAX) */
  }
  while (rc == SF_CMS_OK && !sf_der_at_end(&names)) {
    if (out->san_count == SF_CMS_MAX_SAN) return sf_cms__fail(v, SF_CMS_TOO_MANY_SAN, names.pos);
    rc = get_general_name(&names, &out->san[out->san_count]);
    if (rc == SF_CMS_OK) out->san_count++;
  }
  if (rc == SF_CMS_OK) out->has_san = 1;
  return rc;
}

/* encoded_default handles a field found encoded with its DEFAULT value,
 * the element starting at |at|. X.690 11.5: DER omits a DEFAULT value, BER
 * may encode it; it is |code| at |at| unless SF_DER_ALLOW_ENCODED_DEFAULT,
 * and reported by its warning like every tolerance used. */
static int encoded_default(sf_der *d, int code, size_t at) {
  if (!(d->st->flags & SF_DER_ALLOW_ENCODED_DEFAULT)) return sf_cms__fail(d, code, at);
  d->st->warnings |= SF_DER_W_ENCODED_DEFAULT;
  return SF_CMS_OK;
}

/* get_default_false reads an optional BOOLEAN DEFAULT FALSE (an
 * extension's critical, basicConstraints' cA) into |out|. */
static int get_default_false(sf_der *d, int *out, int code) {
  *out = 0;
  if (!sf_der_is_next(d, SF_DER_BOOLEAN)) return SF_CMS_OK;
  size_t at = d->pos;
  int rc = sf_der_get_bool(d, out);
  if (rc == SF_CMS_OK && !*out) rc = encoded_default(d, code, at);
  return rc;
}

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE,
 *                                 pathLenConstraint INTEGER (0..MAX) OPTIONAL } */
static int get_basic_constraints(sf_der *v, sf_cms_cert *out) {
  sf_der bc;
  int rc = sf_cms__need(v, SF_DER_SEQUENCE, SF_CMS_BAD_BASIC_CONSTRAINTS);
  if (rc == SF_CMS_OK) rc = sf_der_get(v, SF_DER_SEQUENCE, &bc);
  if (rc == SF_CMS_OK) rc = get_default_false(&bc, &out->is_ca, SF_CMS_BAD_BASIC_CONSTRAINTS);
  if (rc == SF_CMS_OK && sf_der_is_next(&bc, SF_DER_INTEGER)) {
    /* (0..MAX): a negative value is SF_CMS_NEGATIVE_INTEGER. */
    rc = sf_der_get_u64(&bc, &out->path_len);
    out->has_path_len = rc == SF_CMS_OK;
  }
  if (rc == SF_CMS_OK && !sf_der_at_end(&bc)) rc = sf_cms__fail(v, SF_CMS_BAD_BASIC_CONSTRAINTS, bc.pos);
  if (rc == SF_CMS_OK) out->has_basic_constraints = 1;
  return rc;
}

/* ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId (an OID) */
static int get_eku(sf_der *v, sf_cms_cert *out) {
  sf_der seq;
  int rc = sf_cms__need(v, SF_DER_SEQUENCE, SF_CMS_BAD_EXT_KEY_USAGE);
  if (rc == SF_CMS_OK) rc = sf_der_get(v, SF_DER_SEQUENCE, &seq);
  if (rc == SF_CMS_OK && sf_der_at_end(&seq)) rc = sf_cms__fail(v, SF_CMS_BAD_EXT_KEY_USAGE, seq.pos);
  while (rc == SF_CMS_OK && !sf_der_at_end(&seq)) {
    if (out->eku_count == SF_CMS_MAX_EKU) return sf_cms__fail(v, SF_CMS_TOO_MANY_EKU, seq.pos);
    rc = sf_cms__need(&seq, SF_DER_OID, SF_CMS_BAD_EXT_KEY_USAGE);
    if (rc == SF_CMS_OK) rc = sf_der_get_oid(&seq, &out->eku[out->eku_count]);
    if (rc == SF_CMS_OK) out->eku_count++;
  }
  if (rc == SF_CMS_OK) out->has_eku = 1;
  return rc;
}

/* decode_extension parses the extnValue of the extensions this parser
 * knows; |value| is the OCTET STRING's contents, read as one element. */
static int decode_extension(sf_der *ext, sf_slice oid, sf_slice value, sf_cms_cert *out) {
  sf_der v = *ext;
  v.pos = sf_cms__offset(ext, value);
  v.end = v.pos + value.len;
  v.depth = ext->depth + 1;
  int rc;
  if (sf_der_oid_eq(oid, SF_CMS__OID(san))) {
    rc = get_san(&v, out);
  } else if (sf_der_oid_eq(oid, SF_CMS__OID(basic_constraints))) {
    rc = get_basic_constraints(&v, out);
  } else if (sf_der_oid_eq(oid, SF_CMS__OID(ski))) {
    rc = sf_cms__need(&v, SF_DER_OCTET_STRING, SF_CMS_BAD_KEY_IDENTIFIER);
    if (rc == SF_CMS_OK) rc = sf_der_get_octets(&v, &out->key_id);
  } else if (sf_der_oid_eq(oid, SF_CMS__OID(eku))) {
    rc = get_eku(&v, out);
  } else {
    return SF_CMS_OK; /* kept encoded */
  }
  if (rc == SF_CMS_OK) rc = sf_der_finish(&v);
  return rc;
}

/* Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE,
 *                          extnValue OCTET STRING } */
static int get_extensions(sf_der *tbs, sf_cms_cert *out) {
  sf_der wrap, exts;
  sf_slice seen[SF_CMS_MAX_EXTENSIONS];
  int rc = sf_der_get(tbs, SF_DER_CONTEXT_CONS(3), &wrap);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&wrap, SF_DER_SEQUENCE, SF_CMS_BAD_EXTENSION);
  if (rc == SF_CMS_OK) rc = sf_der_get(&wrap, SF_DER_SEQUENCE, &exts);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&wrap);
  if (rc == SF_CMS_OK && sf_der_at_end(&exts)) rc = sf_cms__fail(tbs, SF_CMS_BAD_EXTENSION, exts.pos);
  while (rc == SF_CMS_OK && !sf_der_at_end(&exts)) {
    sf_der ext;
    sf_slice oid, value;
    size_t at = exts.pos;
    if (out->extension_count == SF_CMS_MAX_EXTENSIONS) {
      return sf_cms__fail(tbs, SF_CMS_TOO_MANY_EXTENSIONS, at);
    }
    rc = sf_cms__need(&exts, SF_DER_SEQUENCE, SF_CMS_BAD_EXTENSION);
    if (rc == SF_CMS_OK) rc = sf_der_get(&exts, SF_DER_SEQUENCE, &ext);
    if (rc == SF_CMS_OK) rc = sf_cms__need(&ext, SF_DER_OID, SF_CMS_BAD_EXTENSION);
    if (rc == SF_CMS_OK) rc = sf_der_get_oid(&ext, &oid);
    int critical = 0;
    if (rc == SF_CMS_OK) rc = get_default_false(&ext, &critical, SF_CMS_BAD_EXTENSION);
    if (rc == SF_CMS_OK) rc = sf_cms__need(&ext, SF_DER_OCTET_STRING, SF_CMS_BAD_EXTENSION);
    if (rc == SF_CMS_OK) rc = sf_der_get_octets(&ext, &value);
    if (rc == SF_CMS_OK && !sf_der_at_end(&ext)) rc = sf_cms__fail(&ext, SF_CMS_BAD_EXTENSION, ext.pos);
    for (size_t i = 0; rc == SF_CMS_OK && i < out->extension_count; i++) {
      if (sf_slice_eq(seen[i], oid)) rc = sf_cms__fail(&ext, SF_CMS_DUPLICATE_EXTENSION, at);
    }
    if (rc == SF_CMS_OK) rc = decode_extension(&ext, oid, value, out);
    if (rc == SF_CMS_OK) seen[out->extension_count++] = oid;
  }
  return rc;
}

static int get_validity(sf_der *tbs, sf_cms_cert *out) {
  sf_der v;
  int rc = sf_cms__need(tbs, SF_DER_SEQUENCE, SF_CMS_BAD_VALIDITY);
  if (rc == SF_CMS_OK) rc = sf_der_get(tbs, SF_DER_SEQUENCE, &v);
  if (rc == SF_CMS_OK) rc = sf_der_get_time(&v, &out->not_before);
  if (rc == SF_CMS_OK) rc = sf_der_get_time(&v, &out->not_after);
  if (rc == SF_CMS_OK && !sf_der_at_end(&v)) rc = sf_cms__fail(tbs, SF_CMS_BAD_VALIDITY, v.pos);
  return rc;
}

static int get_tbs(sf_der *c, sf_cms_cert *out) {
  sf_der_elem e;
  sf_der tbs, spki;
  sf_der_string bits;
  int rc = sf_cms__need(c, SF_DER_SEQUENCE, SF_CMS_BAD_CERTIFICATE);
  if (rc == SF_CMS_OK) rc = sf_der_get_elem(c, SF_DER_SEQUENCE, &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(c, &e, &tbs);
  if (rc != SF_CMS_OK) return rc;
  out->tbs = e.whole;
  int present = 0;
  rc = sf_cms__optional(&tbs, SF_DER_CONTEXT_CONS(0), &present);
  if (rc == SF_CMS_OK && present) {
    sf_der ver;
    size_t at = tbs.pos;
    rc = sf_der_get(&tbs, SF_DER_CONTEXT_CONS(0), &ver);
    if (rc == SF_CMS_OK) rc = sf_der_get_u64(&ver, &out->version);
    if (rc == SF_CMS_OK) rc = sf_der_finish(&ver);
    if (rc == SF_CMS_OK && out->version > 2) rc = sf_cms__fail(&tbs, SF_CMS_BAD_VERSION, at);
    if (rc == SF_CMS_OK && out->version == 0) rc = encoded_default(&tbs, SF_CMS_BAD_VERSION, at);
  }
  if (rc == SF_CMS_OK) rc = sf_cms__need(&tbs, SF_DER_INTEGER, SF_CMS_BAD_CERTIFICATE);
  if (rc == SF_CMS_OK) rc = sf_der_get_integer(&tbs, &out->serial);
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&tbs, &out->signature_alg);
  if (rc == SF_CMS_OK) rc = sf_cms__get_name(&tbs, &out->issuer);
  if (rc == SF_CMS_OK) rc = get_validity(&tbs, out);
  if (rc == SF_CMS_OK) rc = sf_cms__get_name(&tbs, &out->subject);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&tbs, SF_DER_SEQUENCE, SF_CMS_BAD_CERTIFICATE);
  if (rc == SF_CMS_OK) rc = sf_der_get(&tbs, SF_DER_SEQUENCE, &spki);
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&spki, &out->key_alg);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&spki, SF_DER_BIT_STRING, SF_CMS_BAD_CERTIFICATE);
  if (rc == SF_CMS_OK) rc = sf_der_get_string(&spki, SF_DER_BIT_STRING, &bits);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&spki);
  if (rc == SF_CMS_OK) out->public_key = bits.contents;
  /* RFC 5280 4.1.2.8 and 4.1.2.1: the unique identifiers appear only in
   * v2 and v3, extensions only in v3. An older version is a fault at the
   * field that needs the newer one. */
  for (uint32_t n = 1; rc == SF_CMS_OK && n <= 2; n++) {
    if (sf_der_is_next(&tbs, SF_DER_CONTEXT(n)) || sf_der_is_next(&tbs, SF_DER_CONTEXT_CONS(n))) {
      if (out->version < 1) return sf_cms__fail(&tbs, SF_CMS_BAD_VERSION, tbs.pos);
      rc = sf_der_get_implicit_string(&tbs, SF_DER_CONTEXT(n), SF_DER_BIT_STRING, &bits);
    }
  }
  if (rc == SF_CMS_OK) rc = sf_cms__optional(&tbs, SF_DER_CONTEXT_CONS(3), &present);
  if (rc == SF_CMS_OK && present && out->version < 2) {
    return sf_cms__fail(&tbs, SF_CMS_BAD_VERSION, tbs.pos);
  }
  if (rc == SF_CMS_OK && present) rc = get_extensions(&tbs, out);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&tbs);
  return rc;
}

int sf_cms__get_cert(sf_der *d, sf_cms_cert *out) {
  sf_der_elem e;
  sf_der c;
  sf_der_string sig;
  sf_cms_alg outer_alg; /* RFC 5280 4.1.1.2: the same as the TBS signature field */
  memset(out, 0, sizeof *out);
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, SF_CMS_BAD_CERTIFICATE);
  if (rc == SF_CMS_OK) rc = sf_der_get_elem(d, SF_DER_SEQUENCE, &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(d, &e, &c);
  if (rc == SF_CMS_OK) rc = get_tbs(&c, out);
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&c, &outer_alg);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&c, SF_DER_BIT_STRING, SF_CMS_BAD_CERTIFICATE);
  if (rc == SF_CMS_OK) rc = sf_der_get_string(&c, SF_DER_BIT_STRING, &sig);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&c);
  if (rc == SF_CMS_OK) out->whole = e.whole;
  return rc;
}

/* CertificateChoices ::= CHOICE { certificate Certificate,
 *   extendedCertificate [0] IMPLICIT, v1AttrCert [1] IMPLICIT,
 *   v2AttrCert [2] IMPLICIT, other [3] IMPLICIT OtherCertificateFormat } */
int sf_cms__get_certs(sf_der *d, sf_der_tag tag, sf_cms_certs *out) {
  sf_der_elem e;
  sf_der set;
  out->whole = sf_slice_make(NULL, 0);
  out->count = out->other_count = 0;
  int present = 0;
  int rc = sf_cms__optional(d, tag, &present);
  if (rc != SF_CMS_OK || !present) return rc;
  rc = sf_der_get_elem(d, tag, &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(d, &e, &set);
  while (rc == SF_CMS_OK && !sf_der_at_end(&set)) {
    size_t at = set.pos;
    if (out->count + out->other_count == SF_CMS_MAX_CERTS) {
      return sf_cms__fail(d, SF_CMS_TOO_MANY_CERTS, at);
    }
    if (sf_der_is_next(&set, SF_DER_SEQUENCE)) {
      rc = sf_cms__get_cert(&set, &out->items[out->count]);
      if (rc == SF_CMS_OK) out->count++;
      continue;
    }
    sf_der_tag t = 0;
    sf_der_elem other;
    if (!sf_der_peek_tag(&set, &t) || (t & ~(sf_der_tag)3) != SF_DER_CONTEXT_CONS(0)) {
      return sf_cms__need(&set, SF_DER_SEQUENCE, SF_CMS_BAD_CERTIFICATE);
    }
    rc = sf_der_get_any(&set, &other);
    if (rc == SF_CMS_OK && t == SF_DER_CONTEXT_CONS(3)) {
      /* OtherCertificateFormat ::= SEQUENCE { otherCertFormat OID, otherCert ANY } */
      sf_der o;
      sf_slice oid;
      sf_der_elem any;
      rc = sf_der_open(&set, &other, &o);
      if (rc == SF_CMS_OK) rc = sf_cms__need(&o, SF_DER_OID, SF_CMS_BAD_CERTIFICATE);
      if (rc == SF_CMS_OK) rc = sf_der_get_oid(&o, &oid);
      if (rc == SF_CMS_OK) rc = sf_der_get_any(&o, &any);
      if (rc == SF_CMS_OK) rc = sf_der_finish(&o);
    }
    if (rc == SF_CMS_OK) out->other[out->other_count++] = other.whole;
  }
  if (rc == SF_CMS_OK) out->whole = e.whole;
  return rc;
}

/* RevocationInfoChoice ::= CHOICE { crl CertificateList (a SEQUENCE),
 *   other [1] IMPLICIT OtherRevocationInfoFormat } */
int sf_cms__get_crls(sf_der *d, sf_der_tag tag, sf_slice *out, size_t *out_count) {
  sf_der_elem e;
  sf_der set;
  *out = sf_slice_make(NULL, 0);
  *out_count = 0;
  int present = 0;
  int rc = sf_cms__optional(d, tag, &present);
  if (rc != SF_CMS_OK || !present) return rc;
  rc = sf_der_get_elem(d, tag, &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(d, &e, &set);
  while (rc == SF_CMS_OK && !sf_der_at_end(&set)) {
    sf_der_elem crl;
    size_t at = set.pos;
    if (*out_count == SF_CMS_MAX_CRLS) return sf_cms__fail(d, SF_CMS_TOO_MANY_CRLS, at);
    if (!sf_der_is_next(&set, SF_DER_CONTEXT_CONS(1))) {
      rc = sf_cms__need(&set, SF_DER_SEQUENCE, SF_CMS_UNEXPECTED_TAG);
    }
    if (rc == SF_CMS_OK) rc = sf_der_get_any(&set, &crl);
    if (rc == SF_CMS_OK) (*out_count)++;
  }
  if (rc == SF_CMS_OK) *out = e.whole;
  return rc;
}

int sf_cms_parse_certificate(const uint8_t *data, size_t len, unsigned flags, sf_cms_cert *out,
                             sf_error *err) {
  sf_der_state st;
  sf_der d;
  sf_der_init(&d, &st, data, len, flags);
  int rc = sf_cms__get_cert(&d, out);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&d);
  if (err != NULL) {
    *err = st.err;
    err->reason = sf_cms_status_reason(st.err.code);
  }
  return rc;
}
