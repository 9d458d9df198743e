/* cms_build.c: see cms_build.h. */
#include "cms_build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- The DER writer ------------------------------------------------------- */

void sf_dw_init(sf_dw *w) { memset(w, 0, sizeof *w); }

void sf_dw_free(sf_dw *w) {
  free(w->buf);
  sf_dw_init(w);
}

static void reserve(sf_dw *w, size_t more) {
  if (w->cap - w->len >= more) return;
  size_t cap = w->cap ? w->cap : 256;
  while (cap - w->len < more) cap *= 2;
  uint8_t *b = realloc(w->buf, cap);
  if (b == NULL) abort();
  w->buf = b;
  w->cap = cap;
}

void sf_dw_raw(sf_dw *w, const void *bytes, size_t n) {
  reserve(w, n);
  if (n) memcpy(w->buf + w->len, bytes, n);
  w->len += n;
}

void sf_dw_open(sf_dw *w, uint8_t tag) {
  if (w->depth == SF_DW_MAX_OPEN) abort();
  sf_dw_raw(w, &tag, 1);
  w->open[w->depth++] = w->len;
}

void sf_dw_close(sf_dw *w) {
  if (w->depth == 0) abort();
  size_t start = w->open[--w->depth], n = w->len - start;
  /* X.690 8.1.3, 10.1: short form below 128, else 0x80|k and k octets. */
  uint8_t hdr[9];
  size_t k = 0;
  if (n < 0x80) {
    hdr[k++] = (uint8_t)n;
  } else {
    size_t octets = 0;
    for (size_t v = n; v != 0; v >>= 8) octets++;
    hdr[k++] = (uint8_t)(0x80 | octets);
    while (octets-- > 0) hdr[k++] = (uint8_t)(n >> (8 * octets));
  }
  reserve(w, k);
  memmove(w->buf + start + k, w->buf + start, n);
  memcpy(w->buf + start, hdr, k);
  w->len += k;
  /* Everything at or after the contents start moved by k. */
  for (unsigned i = 0; i < w->mark_count; i++)
    if (w->marks[i] >= start) w->marks[i] += k;
}

void sf_dw_prim(sf_dw *w, uint8_t tag, const void *contents, size_t n) {
  sf_dw_open(w, tag);
  sf_dw_raw(w, contents, n);
  sf_dw_close(w);
}

void sf_dw_text(sf_dw *w, uint8_t tag, const char *s) { sf_dw_prim(w, tag, s, strlen(s)); }

void sf_dw_int(sf_dw *w, uint64_t v) {
  /* Big-endian octets, no leading zero octet unless the top bit is set. */
  uint8_t b[9];
  size_t n = 0;
  do {
    b[8 - n++] = (uint8_t)v;
    v >>= 8;
  } while (v != 0);
  if (b[9 - n] & 0x80) b[8 - n++] = 0;
  sf_dw_prim(w, 0x02, b + 9 - n, n);
}

/* put_base128 appends |v| as one OID subidentifier (X.690 8.19.2). */
static size_t put_base128(uint64_t v, uint8_t *out) {
  uint8_t tmp[10];
  size_t n = 0;
  do {
    tmp[n++] = (uint8_t)(v & 0x7F);
    v >>= 7;
  } while (v != 0);
  for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(tmp[n - 1 - i] | (i + 1 < n ? 0x80 : 0));
  return n;
}

void sf_dw_oid(sf_dw *w, const char *dotted) {
  uint64_t arcs[64];
  size_t count = 0;
  for (const char *p = dotted; *p && count < 64;) {
    uint64_t v = 0;
    while (*p >= '0' && *p <= '9') v = v * 10 + (uint64_t)(*p++ - '0');
    arcs[count++] = v;
    if (*p == '.') p++;
  }
  if (count < 2) abort();
  uint8_t body[64 * 10];
  size_t n = put_base128(arcs[0] * 40 + arcs[1], body); /* 8.19.4 */
  for (size_t i = 2; i < count; i++) n += put_base128(arcs[i], body + n);
  sf_dw_prim(w, 0x06, body, n);
}

unsigned sf_dw_mark(sf_dw *w) {
  if (w->mark_count == SF_DW_MAX_MARKS) abort();
  w->marks[w->mark_count] = w->len;
  return w->mark_count++;
}

size_t sf_dw_mark_at(const sf_dw *w, unsigned id) {
  if (id >= w->mark_count || w->depth != 0) abort(); /* no such mark, or not all closed */
  return w->marks[id];
}

/* ---- CMS shapes ----------------------------------------------------------- */

#define SEQ 0x30
#define SET 0x31
#define OCTETS 0x04
#define CTX0 0xA0 /* [0] constructed */
#define CTX1 0xA1
#define CTX3 0xA3

/* A private arc for the types the tests invent: 32473 is the enterprise
 * number RFC 5612 reserves for documentation. */
#define TEST_ARC "1.3.6.1.4.1.32473"

static const uint8_t filler[64] = {
    0x5A, 0xA5, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B,
    0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
    0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25,
    0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32,
    0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E};

/* The state of one build: which list is long, and the mark at its element
 * |mark_index|. */
typedef struct shape {
  sf_cms_list list;
  size_t count;
  size_t mark_index;
  unsigned mark;
} shape;

/* count_of returns how many elements list |l| gets: the shape's count for
 * its own list, |plain| for the others. */
static size_t count_of(const shape *s, sf_cms_list l, size_t plain) {
  return s->list == l ? s->count : plain;
}

/* element marks the start of element |i| of list |l| if it is the one. */
static void element(sf_dw *w, shape *s, sf_cms_list l, size_t i) {
  if (s->list == l && i == s->mark_index) s->mark = sf_dw_mark(w);
}

static void arc_oid(sf_dw *w, unsigned branch, size_t i) {
  char text[64];
  snprintf(text, sizeof text, TEST_ARC ".%u.%zu", branch, i + 1);
  sf_dw_oid(w, text);
}

static void alg(sf_dw *w, const char *oid, int null_params) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, oid);
  if (null_params) sf_dw_prim(w, 0x05, NULL, 0);
  sf_dw_close(w);
}

static void name(sf_dw *w, const char *cn) {
  sf_dw_open(w, SEQ);
  sf_dw_open(w, SET);
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "2.5.4.3");
  sf_dw_text(w, 0x13, cn); /* PrintableString */
  sf_dw_close(w);
  sf_dw_close(w);
  sf_dw_close(w);
}

static void issuer_and_serial(sf_dw *w, uint64_t serial) {
  sf_dw_open(w, SEQ);
  name(w, "Test CA");
  sf_dw_int(w, serial);
  sf_dw_close(w);
}

/* extensions writes certificate 0's [3] extensions when one of its lists is
 * the long one: N unknown extensions, or one subjectAltName or
 * extendedKeyUsage extension with N entries. */
static void extensions(sf_dw *w, shape *s) {
  if (s->list != SF_LIST_EXTENSIONS && s->list != SF_LIST_SAN && s->list != SF_LIST_EKU) return;
  sf_dw_open(w, CTX3);
  sf_dw_open(w, SEQ);
  if (s->list == SF_LIST_EXTENSIONS) {
    for (size_t i = 0; i < s->count; i++) {
      element(w, s, SF_LIST_EXTENSIONS, i);
      sf_dw_open(w, SEQ);
      arc_oid(w, 2, i);
      sf_dw_open(w, OCTETS);
      sf_dw_prim(w, 0x05, NULL, 0);
      sf_dw_close(w);
      sf_dw_close(w);
    }
  } else {
    sf_dw_open(w, SEQ);
    sf_dw_oid(w, s->list == SF_LIST_SAN ? "2.5.29.17" : "2.5.29.37");
    sf_dw_open(w, OCTETS);
    sf_dw_open(w, SEQ);
    for (size_t i = 0; i < s->count; i++) {
      element(w, s, s->list, i);
      if (s->list == SF_LIST_SAN) {
        char uri[64];
        snprintf(uri, sizeof uri, "sip:user%zu@example.com", i + 1);
        sf_dw_text(w, 0x86, uri); /* [6] IMPLICIT IA5String: uniformResourceIdentifier */
      } else {
        arc_oid(w, 4, i);
      }
    }
    sf_dw_close(w);
    sf_dw_close(w);
    sf_dw_close(w);
  }
  sf_dw_close(w);
  sf_dw_close(w);
}

static void cert(sf_dw *w, shape *s, uint64_t serial, int first) {
  sf_dw_open(w, SEQ);
  sf_dw_open(w, SEQ); /* tbsCertificate */
  sf_dw_open(w, CTX0);
  sf_dw_int(w, 2); /* v3 */
  sf_dw_close(w);
  sf_dw_int(w, serial);
  alg(w, "1.2.840.113549.1.1.11", 1); /* sha256WithRSAEncryption */
  name(w, "Test CA");
  sf_dw_open(w, SEQ);
  sf_dw_text(w, 0x17, "050203184934Z");
  sf_dw_text(w, 0x17, "080203184934Z");
  sf_dw_close(w);
  name(w, "Test subject");
  sf_dw_open(w, SEQ);
  alg(w, "1.2.840.113549.1.1.1", 1);
  sf_dw_open(w, 0x03);
  sf_dw_raw(w, "\0", 1); /* no unused bits */
  sf_dw_raw(w, filler, 32);
  sf_dw_close(w);
  sf_dw_close(w);
  if (first && s != NULL) extensions(w, s);
  sf_dw_close(w);
  alg(w, "1.2.840.113549.1.1.11", 1);
  sf_dw_open(w, 0x03);
  sf_dw_raw(w, "\0", 1);
  sf_dw_raw(w, filler, 64);
  sf_dw_close(w);
  sf_dw_close(w);
}

static void attr_header(sf_dw *w, const char *oid) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, oid);
  sf_dw_open(w, SET);
}

static void attr_end(sf_dw *w) {
  sf_dw_close(w);
  sf_dw_close(w);
}

/* test_attr writes an attribute of an invented type (one per |i|) whose
 * one value is INTEGER i. */
static void test_attr(sf_dw *w, unsigned branch, size_t i) {
  sf_dw_open(w, SEQ);
  arc_oid(w, branch, i);
  sf_dw_open(w, SET);
  sf_dw_int(w, i);
  attr_end(w);
}

/* signed_attrs: contentType id-data and a SHA-256 messageDigest (what RFC
 * 5652 5.3 requires), then the long list's elements. */
static void signed_attrs(sf_dw *w, shape *s) {
  if (s->list != SF_LIST_SIGNED_ATTRS && s->list != SF_LIST_SMIME_CAPS) return;
  sf_dw_open(w, CTX0);
  element(w, s, SF_LIST_SIGNED_ATTRS, 0);
  attr_header(w, "1.2.840.113549.1.9.3");
  sf_dw_oid(w, "1.2.840.113549.1.7.1");
  attr_end(w);
  element(w, s, SF_LIST_SIGNED_ATTRS, 1);
  attr_header(w, "1.2.840.113549.1.9.4");
  sf_dw_prim(w, OCTETS, filler, 32);
  attr_end(w);
  if (s->list == SF_LIST_SIGNED_ATTRS) {
    for (size_t i = 2; i < s->count; i++) {
      element(w, s, SF_LIST_SIGNED_ATTRS, i);
      test_attr(w, 1, i);
    }
  } else {
    attr_header(w, "1.2.840.113549.1.9.15");
    sf_dw_open(w, SEQ);
    for (size_t i = 0; i < s->count; i++) {
      element(w, s, SF_LIST_SMIME_CAPS, i);
      sf_dw_open(w, SEQ);
      arc_oid(w, 3, i);
      sf_dw_close(w);
    }
    sf_dw_close(w);
    attr_end(w);
  }
  sf_dw_close(w);
}

/* unsigned_attrs: N attributes of one value, or one attribute of N values. */
static void unsigned_attrs(sf_dw *w, shape *s) {
  if (s->list == SF_LIST_UNSIGNED_ATTRS) {
    sf_dw_open(w, CTX1);
    for (size_t i = 0; i < s->count; i++) {
      element(w, s, SF_LIST_UNSIGNED_ATTRS, i);
      test_attr(w, 5, i);
    }
    sf_dw_close(w);
  } else if (s->list == SF_LIST_ATTR_VALUES) {
    sf_dw_open(w, CTX1);
    attr_header(w, TEST_ARC ".5.1");
    for (size_t i = 0; i < s->count; i++) {
      element(w, s, SF_LIST_ATTR_VALUES, i);
      sf_dw_int(w, i); /* ascending: already in DER SET OF order */
    }
    attr_end(w);
    sf_dw_close(w);
  }
}

static void signer(sf_dw *w, shape *s, uint64_t serial, int first) {
  sf_dw_open(w, SEQ);
  sf_dw_int(w, 1); /* version 1: issuerAndSerialNumber (RFC 5652 5.3) */
  issuer_and_serial(w, serial);
  alg(w, "2.16.840.1.101.3.4.2.1", 0); /* sha256 */
  if (first) signed_attrs(w, s);
  alg(w, "1.2.840.113549.1.1.1", 1);
  sf_dw_prim(w, OCTETS, filler, 64);
  if (first) unsigned_attrs(w, s);
  sf_dw_close(w);
}

/* cert_set writes [0] certificates, |n| of them (serials 1..n), unless n
 * is 0; the first carries the long extension list, if that is the one. */
static void cert_set(sf_dw *w, shape *s, sf_cms_list l, size_t n) {
  if (n == 0) return;
  sf_dw_open(w, CTX0);
  for (size_t i = 0; i < n; i++) {
    element(w, s, l, i);
    cert(w, s, i + 1, i == 0);
  }
  sf_dw_close(w);
}

/* crl_set writes [1] crls, |n| entries, unless n is 0. The parser checks
 * RevocationInfoChoices for form and counts them; it does not parse them,
 * so SEQUENCE { INTEGER i } serves. */
static void crl_set(sf_dw *w, shape *s, sf_cms_list l, size_t n) {
  if (n == 0) return;
  sf_dw_open(w, CTX1);
  for (size_t i = 0; i < n; i++) {
    element(w, s, l, i);
    sf_dw_open(w, SEQ);
    sf_dw_int(w, i);
    sf_dw_close(w);
  }
  sf_dw_close(w);
}

static void signed_data(sf_dw *w, shape *s) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "1.2.840.113549.1.7.2");
  sf_dw_open(w, CTX0);
  sf_dw_open(w, SEQ);
  sf_dw_int(w, 1);
  sf_dw_open(w, SET);
  size_t n = count_of(s, SF_LIST_DIGEST_ALGS, 1);
  for (size_t i = 0; i < n; i++) {
    element(w, s, SF_LIST_DIGEST_ALGS, i);
    char oid[48];
    /* sha256, sha384, sha512, sha224, ..., sha3-*: NIST's hash arcs. */
    snprintf(oid, sizeof oid, "2.16.840.1.101.3.4.2.%zu", i + 1);
    alg(w, oid, 0);
  }
  sf_dw_close(w);
  sf_dw_open(w, SEQ); /* encapContentInfo: id-data, detached */
  sf_dw_oid(w, "1.2.840.113549.1.7.1");
  sf_dw_close(w);
  cert_set(w, s, SF_LIST_CERTS, count_of(s, SF_LIST_CERTS, 1));
  crl_set(w, s, SF_LIST_CRLS, count_of(s, SF_LIST_CRLS, 0));
  sf_dw_open(w, SET);
  n = count_of(s, SF_LIST_SIGNERS, 1);
  for (size_t i = 0; i < n; i++) {
    element(w, s, SF_LIST_SIGNERS, i);
    signer(w, s, i + 1, i == 0);
  }
  sf_dw_close(w);
  sf_dw_close(w);
  sf_dw_close(w);
  sf_dw_close(w);
}

void sf_cms_build_ktri(sf_dw *w, uint64_t serial) {
  sf_dw_open(w, SEQ);
  sf_dw_int(w, 0); /* version 0: issuerAndSerialNumber (RFC 5652 6.2.1) */
  issuer_and_serial(w, serial);
  alg(w, "1.2.840.113549.1.1.1", 1);
  sf_dw_prim(w, OCTETS, filler, 64);
  sf_dw_close(w);
}

void sf_cms_build_encrypted_content_info(sf_dw *w) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "1.2.840.113549.1.7.1");
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "2.16.840.1.101.3.4.1.2"); /* aes128-CBC */
  sf_dw_prim(w, OCTETS, filler, 16);     /* the IV, one block (RFC 3565 4.1) */
  sf_dw_close(w);
  sf_dw_prim(w, 0x80, filler + 16, 32); /* [0] IMPLICIT OCTET STRING */
  sf_dw_close(w);
}

static void enveloped_data(sf_dw *w, shape *s) {
  size_t certs = count_of(s, SF_LIST_ORIGINATOR_CERTS, 0);
  size_t crls = count_of(s, SF_LIST_ORIGINATOR_CRLS, 0);
  size_t attrs = count_of(s, SF_LIST_UNPROTECTED_ATTRS, 0);
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "1.2.840.113549.1.7.3");
  sf_dw_open(w, CTX0);
  sf_dw_open(w, SEQ);
  /* RFC 5652 6.1: 2 with originatorInfo or unprotectedAttrs, else 0. */
  sf_dw_int(w, certs || crls || attrs ? 2 : 0);
  if (certs || crls) {
    sf_dw_open(w, CTX0);
    cert_set(w, s, SF_LIST_ORIGINATOR_CERTS, certs);
    crl_set(w, s, SF_LIST_ORIGINATOR_CRLS, crls);
    sf_dw_close(w);
  }
  sf_dw_open(w, SET);
  size_t n = count_of(s, SF_LIST_RECIPIENTS, 1);
  for (size_t i = 0; i < n; i++) {
    element(w, s, SF_LIST_RECIPIENTS, i);
    sf_cms_build_ktri(w, i + 1);
  }
  sf_dw_close(w);
  sf_cms_build_encrypted_content_info(w);
  if (attrs) {
    sf_dw_open(w, CTX1);
    for (size_t i = 0; i < attrs; i++) {
      element(w, s, SF_LIST_UNPROTECTED_ATTRS, i);
      test_attr(w, 6, i);
    }
    sf_dw_close(w);
  }
  sf_dw_close(w);
  sf_dw_close(w);
  sf_dw_close(w);
}

int sf_cms_list_is_enveloped(sf_cms_list list) {
  return list == SF_LIST_RECIPIENTS || list == SF_LIST_ORIGINATOR_CERTS ||
         list == SF_LIST_ORIGINATOR_CRLS || list == SF_LIST_UNPROTECTED_ATTRS;
}

unsigned sf_cms_build_with(sf_dw *w, sf_cms_list list, size_t count, size_t mark_index) {
  shape s = {list, count, mark_index, SF_DW_MAX_MARKS};
  if (sf_cms_list_is_enveloped(list)) {
    enveloped_data(w, &s);
  } else {
    signed_data(w, &s);
  }
  return s.mark;
}
