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
#define CTX4 0xA4

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
 * |mark_index|; or which edit applies, and the mark at its fault. */
typedef struct shape {
  sf_cms_list list;
  size_t count;
  size_t mark_index;
  sf_cms_edit edit;
  unsigned mark;
} shape;

/* plain returns the state of a build with no long list and no edit: what
 * the elements after the first of a list, and the pieces written for tests
 * that assemble a message by hand, are built with. */
static shape plain(void) {
  shape s = {SF_LIST_NONE, 0, 0, SF_EDIT_NONE, SF_DW_MAX_MARKS};
  return s;
}

/* count_of returns how many elements list |l| gets: the shape's count for
 * its own list, |usual| for the others. */
static size_t count_of(const shape *s, sf_cms_list l, size_t usual) {
  return s->list == l ? s->count : usual;
}

/* element marks the start of element |i| of list |l| if it is the one. */
static void element(sf_dw *w, shape *s, sf_cms_list l, size_t i) {
  if (s->list == l && i == s->mark_index) s->mark = sf_dw_mark(w);
}

/* is returns 1 if the build applies edit |e|. */
static int is(const shape *s, sf_cms_edit e) { return s->edit == e; }

/* fault_here marks where the next element starts as the edit's fault. */
static void fault_here(sf_dw *w, shape *s) { s->mark = sf_dw_mark(w); }

/* edit_at returns 1, marking the fault here, if the build applies |e|: the
 * caller then writes the faulty element instead of the right one. */
static int edit_at(sf_dw *w, shape *s, sf_cms_edit e) {
  if (!is(s, e)) return 0;
  fault_here(w, s);
  return 1;
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

/* alg_no_oid writes SEQUENCE { NULL } (an AlgorithmIdentifier that lost its
 * OID), marking the NULL. */
static void alg_no_oid(sf_dw *w, shape *s) {
  sf_dw_open(w, SEQ);
  fault_here(w, s);
  sf_dw_prim(w, 0x05, NULL, 0);
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

/* issuer_and_serial writes an IssuerAndSerialNumber, or with the sid edits
 * the faulty SignerIdentifier (the builds that apply them have no
 * recipient). */
static void issuer_and_serial(sf_dw *w, shape *s, uint64_t serial) {
  if (edit_at(w, s, SF_EDIT_SID_OCTETS)) {
    sf_dw_prim(w, OCTETS, filler, 20);
    return;
  }
  sf_dw_open(w, SEQ);
  name(w, "Test CA");
  if (edit_at(w, s, SF_EDIT_SID_SERIAL_OCTETS)) {
    sf_dw_prim(w, OCTETS, "\x01", 1);
  } else {
    sf_dw_int(w, serial);
  }
  sf_dw_close(w);
}

/* The edits that give certificate 0 an extensions [3]. */
static int extension_edit(sf_cms_edit e) {
  return e >= SF_EDIT_EXTS_SET && e <= SF_EDIT_EKU_STRING;
}

/* extension_with writes Extension { OID |oid|, OCTET STRING { ...} }, its
 * value left open for the caller, who closes the OCTET STRING and the
 * SEQUENCE. */
static void extension_with(sf_dw *w, const char *oid) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, oid);
  sf_dw_open(w, OCTETS);
}

/* edited_extension writes the one extension of an extension edit. */
static void edited_extension(sf_dw *w, shape *s) {
  static const char *const email_protection = "1.3.6.1.5.5.7.3.4";
  if (edit_at(w, s, SF_EDIT_EXT_BARE_OID)) {
    arc_oid(w, 2, 0);
    return;
  }
  if (is(s, SF_EDIT_EXT_NO_OID)) {
    sf_dw_open(w, SEQ);
    fault_here(w, s);
    sf_dw_prim(w, 0x01, "\xFF", 1);
    sf_dw_open(w, OCTETS);
    sf_dw_prim(w, 0x05, NULL, 0);
    sf_dw_close(w);
    sf_dw_close(w);
    return;
  }
  if (is(s, SF_EDIT_EXT_CRITICAL_FALSE) || is(s, SF_EDIT_EXT_CRITICAL_TRUE) ||
      is(s, SF_EDIT_EXT_EXTRA)) {
    sf_dw_open(w, SEQ);
    arc_oid(w, 2, 0);
    if (edit_at(w, s, SF_EDIT_EXT_CRITICAL_FALSE)) sf_dw_prim(w, 0x01, "\x00", 1);
    if (is(s, SF_EDIT_EXT_CRITICAL_TRUE)) sf_dw_prim(w, 0x01, "\xFF", 1);
    sf_dw_open(w, OCTETS);
    sf_dw_prim(w, 0x05, NULL, 0);
    sf_dw_close(w);
    if (edit_at(w, s, SF_EDIT_EXT_EXTRA)) sf_dw_prim(w, 0x05, NULL, 0);
    sf_dw_close(w);
    return;
  }
  if (is(s, SF_EDIT_EXT_VALUE_NOT_OCTETS)) {
    sf_dw_open(w, SEQ);
    sf_dw_oid(w, "2.5.29.19");
    fault_here(w, s);
    sf_dw_open(w, SEQ); /* the BasicConstraints value itself, not wrapped */
    sf_dw_close(w);
    sf_dw_close(w);
    return;
  }
  if (s->edit >= SF_EDIT_BC_NOT_SEQUENCE && s->edit <= SF_EDIT_BC_CA_PATH_LEN) {
    extension_with(w, "2.5.29.19");
    if (edit_at(w, s, SF_EDIT_BC_NOT_SEQUENCE)) {
      sf_dw_prim(w, 0x01, "\xFF", 1);
    } else if (is(s, SF_EDIT_BC_CA_FALSE)) {
      sf_dw_open(w, SEQ);
      fault_here(w, s);
      sf_dw_prim(w, 0x01, "\x00", 1);
      sf_dw_close(w);
    } else if (is(s, SF_EDIT_BC_INTEGER_FIRST)) {
      sf_dw_open(w, SEQ);
      sf_dw_int(w, 0);
      fault_here(w, s);
      sf_dw_prim(w, 0x01, "\xFF", 1);
      sf_dw_close(w);
    } else {
      sf_dw_open(w, SEQ);
      sf_dw_prim(w, 0x01, "\xFF", 1);
      sf_dw_int(w, 3);
      sf_dw_close(w);
    }
  } else if (is(s, SF_EDIT_SKI_BIT_STRING)) {
    extension_with(w, "2.5.29.14");
    fault_here(w, s);
    sf_dw_open(w, 0x03);
    sf_dw_raw(w, "\0", 1);
    sf_dw_raw(w, filler, 20);
    sf_dw_close(w);
  } else {
    extension_with(w, "2.5.29.37");
    if (edit_at(w, s, SF_EDIT_EKU_BARE_OID)) {
      sf_dw_oid(w, email_protection);
    } else {
      sf_dw_open(w, SEQ);
      if (is(s, SF_EDIT_EKU_EMPTY)) fault_here(w, s);
      if (is(s, SF_EDIT_EKU_STRING)) {
        sf_dw_oid(w, email_protection);
        fault_here(w, s);
        sf_dw_text(w, 0x0C, "clientAuth");
      }
      sf_dw_close(w);
    }
  }
  sf_dw_close(w); /* OCTET STRING */
  sf_dw_close(w); /* Extension */
}

/* extensions writes certificate 0's [3] extensions when one of its lists is
 * the long one: N unknown extensions, or one subjectAltName or
 * extendedKeyUsage extension with N entries; or, for an extension edit,
 * the edited extension. */
/* ski_extension writes a subjectKeyIdentifier extension of 20 octets. */
static void ski_extension(sf_dw *w) {
  extension_with(w, "2.5.29.14");
  sf_dw_prim(w, OCTETS, filler, 20);
  sf_dw_close(w);
  sf_dw_close(w);
}

static void extensions(sf_dw *w, shape *s) {
  int version_edit = is(s, SF_EDIT_CERT_V2_EXTENSIONS) || is(s, SF_EDIT_CERT_V3_ALL_FIELDS);
  if (s->list != SF_LIST_EXTENSIONS && s->list != SF_LIST_SAN && s->list != SF_LIST_EKU &&
      !extension_edit(s->edit) && !version_edit) {
    return;
  }
  edit_at(w, s, SF_EDIT_CERT_V2_EXTENSIONS); /* its fault is the [3] */
  sf_dw_open(w, CTX3);
  if (edit_at(w, s, SF_EDIT_EXTS_SET)) {
    sf_dw_open(w, SET); /* extensions as a SET OF, the right members */
    ski_extension(w);
    sf_dw_close(w);
    sf_dw_close(w);
    return;
  }
  sf_dw_open(w, SEQ);
  if (is(s, SF_EDIT_EXTS_EMPTY)) {
    fault_here(w, s);
  } else if (version_edit) {
    ski_extension(w);
  } else if (extension_edit(s->edit)) {
    edited_extension(w, s);
  } else if (s->list == SF_LIST_EXTENSIONS) {
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

/* bit_string writes a BIT STRING of |n| filler octets, or with edit |e| an
 * OCTET STRING of them. */
static void bit_string(sf_dw *w, shape *s, sf_cms_edit e, size_t n) {
  if (edit_at(w, s, e)) {
    sf_dw_prim(w, OCTETS, filler, n);
    return;
  }
  sf_dw_open(w, 0x03);
  sf_dw_raw(w, "\0", 1); /* no unused bits */
  sf_dw_raw(w, filler, n);
  sf_dw_close(w);
}

/* cert_version is the version a certificate of edit |e| carries: -1 for
 * none (v1 by default), else the INTEGER written (0 v1, 1 v2, 2 v3). */
static int cert_version(const shape *e) {
  switch (e->edit) {
    case SF_EDIT_CERT_V1_UNIQUE_ID:
    case SF_EDIT_CERT_V1_PLAIN:
      return -1;
    case SF_EDIT_CERT_VERSION_V1:
      return 0;
    case SF_EDIT_CERT_V2_EXTENSIONS:
    case SF_EDIT_CERT_V2_UNIQUE_ID:
      return 1;
    default:
      return 2;
  }
}

/* cert writes a certificate; the edits apply to the first one only (an
 * empty shape stands in for the others). */
static void cert(sf_dw *w, shape *s, uint64_t serial, int first) {
  shape none = plain();
  shape *e = first ? s : &none;
  sf_dw_open(w, edit_at(w, e, SF_EDIT_CERT_SET) ? SET : SEQ);
  sf_dw_open(w, edit_at(w, e, SF_EDIT_TBS_SET) ? SET : SEQ); /* tbsCertificate */
  int version = cert_version(e);
  if (version >= 0) {
    edit_at(w, e, SF_EDIT_CERT_VERSION_V1); /* its fault is the [0] */
    sf_dw_open(w, CTX0);
    sf_dw_int(w, (uint64_t)version);
    sf_dw_close(w);
  }
  if (edit_at(w, e, SF_EDIT_SERIAL_OCTETS)) {
    sf_dw_prim(w, OCTETS, "\x01", 1);
  } else {
    sf_dw_int(w, serial);
  }
  alg(w, "1.2.840.113549.1.1.11", 1); /* sha256WithRSAEncryption */
  name(w, "Test CA");
  int wrapped = !edit_at(w, e, SF_EDIT_VALIDITY_UNWRAPPED);
  if (wrapped) sf_dw_open(w, SEQ);
  sf_dw_text(w, 0x17, "050203184934Z");
  sf_dw_text(w, 0x17, "080203184934Z");
  if (edit_at(w, e, SF_EDIT_VALIDITY_THREE_TIMES)) sf_dw_text(w, 0x17, "110203184934Z");
  if (wrapped) sf_dw_close(w);
  name(w, "Test subject");
  sf_dw_open(w, edit_at(w, e, SF_EDIT_SPKI_SET) ? SET : SEQ);
  if (edit_at(w, e, SF_EDIT_KEY_ALG_BARE_OID)) {
    sf_dw_oid(w, "1.2.840.113549.1.1.1");
  } else {
    alg(w, "1.2.840.113549.1.1.1", 1);
  }
  bit_string(w, e, SF_EDIT_SPKI_KEY_OCTETS, 32);
  sf_dw_close(w);
  if (edit_at(w, e, SF_EDIT_CERT_V1_UNIQUE_ID) || is(e, SF_EDIT_CERT_V2_UNIQUE_ID) ||
      is(e, SF_EDIT_CERT_V3_ALL_FIELDS)) {
    sf_dw_prim(w, 0x81, "\0\x01", 2); /* [1] IMPLICIT BIT STRING: issuerUniqueID */
  }
  if (is(e, SF_EDIT_CERT_V3_ALL_FIELDS)) {
    sf_dw_prim(w, 0x82, "\0\x02", 2); /* [2] IMPLICIT BIT STRING: subjectUniqueID */
  }
  if (first) extensions(w, s);
  sf_dw_close(w);
  alg(w, "1.2.840.113549.1.1.11", 1);
  bit_string(w, e, SF_EDIT_CERT_SIG_OCTETS, 64);
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

static void content_type_attr(sf_dw *w) {
  attr_header(w, "1.2.840.113549.1.9.3");
  sf_dw_oid(w, "1.2.840.113549.1.7.1");
  attr_end(w);
}

/* edited_attr writes the attribute of an attribute edit, after contentType
 * and messageDigest. */
static void edited_attr(sf_dw *w, shape *s) {
  if (edit_at(w, s, SF_EDIT_ATTR_BARE_OID)) {
    arc_oid(w, 1, 0);
  } else if (s->edit >= SF_EDIT_ATTR_TYPE_INTEGER && s->edit <= SF_EDIT_ATTR_NO_VALUES) {
    sf_dw_open(w, SEQ);
    if (edit_at(w, s, SF_EDIT_ATTR_TYPE_INTEGER)) {
      sf_dw_int(w, 1);
    } else {
      arc_oid(w, 1, 0);
    }
    if (edit_at(w, s, SF_EDIT_ATTR_VALUE_NOT_SET)) {
      sf_dw_int(w, 1);
    } else {
      sf_dw_open(w, SET);
      if (!is(s, SF_EDIT_ATTR_NO_VALUES)) sf_dw_int(w, 1);
      sf_dw_close(w);
    }
    if (edit_at(w, s, SF_EDIT_ATTR_EXTRA)) sf_dw_int(w, 2);
    sf_dw_close(w);
  } else if (s->edit >= SF_EDIT_SIGNING_TIME_NO_VALUE &&
             s->edit <= SF_EDIT_SIGNING_TIME_GENERALIZED_2050) {
    attr_header(w, "1.2.840.113549.1.9.5");
    if (is(s, SF_EDIT_SIGNING_TIME_NO_VALUE)) fault_here(w, s);
    if (edit_at(w, s, SF_EDIT_SIGNING_TIME_TWO_VALUES)) {
      sf_dw_text(w, 0x17, "050204201712Z");
      sf_dw_text(w, 0x17, "050204201713Z");
    }
    if (edit_at(w, s, SF_EDIT_SIGNING_TIME_INTEGER)) sf_dw_int(w, 0);
    if (edit_at(w, s, SF_EDIT_SIGNING_TIME_GENERALIZED_2005)) {
      sf_dw_text(w, 0x18, "20050204201712Z");
    }
    if (is(s, SF_EDIT_SIGNING_TIME_GENERALIZED_1949)) sf_dw_text(w, 0x18, "19491231235959Z");
    if (is(s, SF_EDIT_SIGNING_TIME_GENERALIZED_2050)) sf_dw_text(w, 0x18, "20500101000000Z");
    attr_end(w);
  }
}

/* The edits that give signer 0 signedAttrs. */
static int signed_attrs_edit(sf_cms_edit e) {
  return e >= SF_EDIT_SIGNED_ATTRS_EMPTY && e <= SF_EDIT_SIGNING_TIME_GENERALIZED_2050 &&
         e != SF_EDIT_UNSIGNED_ATTRS_EMPTY && e != SF_EDIT_UNPROTECTED_ATTRS_EMPTY;
}

/* signed_attrs: contentType id-data and a SHA-256 messageDigest (what RFC
 * 5652 5.3 requires), then the long list's elements or the edited
 * attribute. */
static void signed_attrs(sf_dw *w, shape *s) {
  if (s->list != SF_LIST_SIGNED_ATTRS && s->list != SF_LIST_SMIME_CAPS &&
      !signed_attrs_edit(s->edit)) {
    return;
  }
  if (is(s, SF_EDIT_SIGNED_ATTRS_EMPTY)) {
    sf_dw_open(w, CTX0);
    fault_here(w, s);
    sf_dw_close(w);
    return;
  }
  if (is(s, SF_EDIT_NO_CONTENT_TYPE_ATTR) || is(s, SF_EDIT_CONTENT_TYPE_UNSIGNED)) {
    fault_here(w, s);
  }
  sf_dw_open(w, CTX0);
  element(w, s, SF_LIST_SIGNED_ATTRS, 0);
  if (!is(s, SF_EDIT_NO_CONTENT_TYPE_ATTR) && !is(s, SF_EDIT_CONTENT_TYPE_UNSIGNED)) {
    content_type_attr(w);
  }
  element(w, s, SF_LIST_SIGNED_ATTRS, 1);
  attr_header(w, "1.2.840.113549.1.9.4");
  sf_dw_prim(w, OCTETS, filler, 32);
  attr_end(w);
  edited_attr(w, s);
  if (s->list == SF_LIST_SIGNED_ATTRS) {
    for (size_t i = 2; i < s->count; i++) {
      element(w, s, SF_LIST_SIGNED_ATTRS, i);
      test_attr(w, 1, i);
    }
  } else if (s->list == SF_LIST_SMIME_CAPS) {
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

/* unsigned_attrs: N attributes of one value, or one attribute of N values;
 * or the unsigned attributes of an edit. */
static void unsigned_attrs(sf_dw *w, shape *s) {
  if (is(s, SF_EDIT_UNSIGNED_ATTRS_EMPTY)) {
    sf_dw_open(w, CTX1);
    fault_here(w, s);
    sf_dw_close(w);
  } else if (is(s, SF_EDIT_CONTENT_TYPE_UNSIGNED)) {
    sf_dw_open(w, CTX1);
    content_type_attr(w);
    sf_dw_close(w);
  } else if (s->list == SF_LIST_UNSIGNED_ATTRS) {
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

/* signature_value writes a 64-octet OCTET STRING, or with edit |e| an empty
 * one. */
static void signature_value(sf_dw *w, shape *s, sf_cms_edit e) {
  if (edit_at(w, s, e)) {
    sf_dw_prim(w, OCTETS, NULL, 0);
  } else {
    sf_dw_prim(w, OCTETS, filler, 64);
  }
}

static void signer(sf_dw *w, shape *s, uint64_t serial, int first) {
  shape none = plain();
  if (!first) s = &none;
  sf_dw_open(w, SEQ);
  sf_dw_int(w, 1); /* version 1: issuerAndSerialNumber (RFC 5652 5.3) */
  issuer_and_serial(w, s, serial);
  if (is(s, SF_EDIT_SIGNER_DIGEST_ALG_NO_OID)) {
    alg_no_oid(w, s);
  } else {
    alg(w, "2.16.840.1.101.3.4.2.1", 0); /* sha256 */
  }
  signed_attrs(w, s);
  if (is(s, SF_EDIT_SIGNATURE_ALG_EXTRA)) {
    sf_dw_open(w, SEQ);
    sf_dw_oid(w, "1.2.840.113549.1.1.1");
    sf_dw_prim(w, 0x05, NULL, 0);
    fault_here(w, s);
    sf_dw_prim(w, 0x05, NULL, 0);
    sf_dw_close(w);
  } else {
    alg(w, "1.2.840.113549.1.1.1", 1);
  }
  signature_value(w, s, SF_EDIT_SIGNATURE_EMPTY);
  unsigned_attrs(w, s);
  sf_dw_close(w);
}

/* cert_set writes [0] certificates, |n| of them (serials 1..n), unless n
 * is 0; the first carries the long extension list, if that is the one, and
 * the certificate edits. The CertificateChoices edits add their element
 * after the certificates. */
static void cert_set(sf_dw *w, shape *s, sf_cms_list l, size_t n) {
  if (n == 0) return;
  sf_dw_open(w, CTX0);
  for (size_t i = 0; i < n; i++) {
    element(w, s, l, i);
    cert(w, s, i + 1, i == 0);
  }
  if (edit_at(w, s, SF_EDIT_CERT_CHOICE_CTX4)) {
    sf_dw_open(w, CTX4);
    sf_dw_oid(w, TEST_ARC ".7.1");
    sf_dw_close(w);
  }
  if (is(s, SF_EDIT_CERT_OTHER_NO_OID)) {
    sf_dw_open(w, CTX3); /* OtherCertificateFormat without its OID */
    fault_here(w, s);
    sf_dw_int(w, 1);
    sf_dw_prim(w, 0x05, NULL, 0);
    sf_dw_close(w);
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
  sf_dw_open(w, edit_at(w, s, SF_EDIT_CI_SET) ? SET : SEQ);
  if (edit_at(w, s, SF_EDIT_CI_TYPE_INTEGER)) {
    sf_dw_int(w, 1);
  } else {
    sf_dw_oid(w, "1.2.840.113549.1.7.2");
  }
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
    if (i == 0 && edit_at(w, s, SF_EDIT_DIGEST_ALGS_BARE_OID)) {
      sf_dw_oid(w, oid);
    } else {
      alg(w, oid, 0);
    }
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

/* nested_octets writes SF_EDIT_CI_NESTED_OCTETS: ContentInfo { id-ct-
 * contentInfo, [0] { OCTET STRING } }, whose content must itself be a
 * ContentInfo (RFC 5083 1.1 names the type for CMS content that is). */
static void nested_octets(sf_dw *w, shape *s) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "1.2.840.113549.1.9.16.1.6");
  sf_dw_open(w, CTX0);
  fault_here(w, s);
  sf_dw_prim(w, OCTETS, filler, 16);
  sf_dw_close(w);
  sf_dw_close(w);
}

static void ktri(sf_dw *w, shape *s, uint64_t serial) {
  sf_dw_open(w, SEQ);
  sf_dw_int(w, 0); /* version 0: issuerAndSerialNumber (RFC 5652 6.2.1) */
  if (edit_at(w, s, SF_EDIT_RID_INTEGER)) {
    sf_dw_int(w, serial);
  } else {
    issuer_and_serial(w, s, serial);
  }
  if (is(s, SF_EDIT_KEY_ENC_ALG_NO_OID)) {
    alg_no_oid(w, s);
  } else {
    alg(w, "1.2.840.113549.1.1.1", 1);
  }
  signature_value(w, s, SF_EDIT_ENCRYPTED_KEY_EMPTY);
  sf_dw_close(w);
}

static void encrypted_content_info(sf_dw *w, shape *s) {
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "1.2.840.113549.1.7.1");
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "2.16.840.1.101.3.4.1.2"); /* aes128-CBC */
  sf_dw_prim(w, OCTETS, filler, 16);     /* the IV, one block (RFC 3565 4.1) */
  if (edit_at(w, s, SF_EDIT_CONTENT_ENC_ALG_EXTRA)) sf_dw_prim(w, 0x05, NULL, 0);
  sf_dw_close(w);
  sf_dw_prim(w, 0x80, filler + 16, 32); /* [0] IMPLICIT OCTET STRING */
  sf_dw_close(w);
}

void sf_cms_build_ktri(sf_dw *w, uint64_t serial) {
  shape none = plain();
  ktri(w, &none, serial);
}

void sf_cms_build_encrypted_content_info(sf_dw *w) {
  shape none = plain();
  encrypted_content_info(w, &none);
}

static void enveloped_data(sf_dw *w, shape *s) {
  size_t certs = count_of(s, SF_LIST_ORIGINATOR_CERTS, 0);
  size_t crls = count_of(s, SF_LIST_ORIGINATOR_CRLS, 0);
  size_t attrs = count_of(s, SF_LIST_UNPROTECTED_ATTRS, 0);
  int empty_attrs = is(s, SF_EDIT_UNPROTECTED_ATTRS_EMPTY);
  sf_dw_open(w, SEQ);
  sf_dw_oid(w, "1.2.840.113549.1.7.3");
  sf_dw_open(w, CTX0);
  sf_dw_open(w, SEQ);
  /* RFC 5652 6.1: 2 with originatorInfo or unprotectedAttrs, else 0. */
  sf_dw_int(w, certs || crls || attrs || empty_attrs ? 2 : 0);
  if (certs || crls) {
    sf_dw_open(w, CTX0);
    cert_set(w, s, SF_LIST_ORIGINATOR_CERTS, certs);
    crl_set(w, s, SF_LIST_ORIGINATOR_CRLS, crls);
    sf_dw_close(w);
  }
  sf_dw_open(w, edit_at(w, s, SF_EDIT_RECIPIENT_INFOS_SEQUENCE) ? SEQ : SET);
  if (is(s, SF_EDIT_RECIPIENT_INFOS_EMPTY)) {
    fault_here(w, s);
  } else if (edit_at(w, s, SF_EDIT_RECIPIENT_CTX0)) {
    sf_dw_open(w, CTX0);
    ktri(w, s, 1);
    sf_dw_close(w);
  } else {
    size_t n = count_of(s, SF_LIST_RECIPIENTS, 1);
    for (size_t i = 0; i < n; i++) {
      element(w, s, SF_LIST_RECIPIENTS, i);
      ktri(w, s, i + 1);
    }
  }
  sf_dw_close(w);
  encrypted_content_info(w, s);
  if (is(s, SF_EDIT_UNPROTECTED_ATTRS_EMPTY)) {
    sf_dw_open(w, CTX1);
    fault_here(w, s);
    sf_dw_close(w);
  }
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

int sf_cms_edit_is_enveloped(sf_cms_edit edit) {
  switch (edit) {
    case SF_EDIT_KEY_ENC_ALG_NO_OID:
    case SF_EDIT_CONTENT_ENC_ALG_EXTRA:
    case SF_EDIT_RID_INTEGER:
    case SF_EDIT_UNPROTECTED_ATTRS_EMPTY:
    case SF_EDIT_ENCRYPTED_KEY_EMPTY:
    case SF_EDIT_RECIPIENT_INFOS_SEQUENCE:
    case SF_EDIT_RECIPIENT_INFOS_EMPTY:
    case SF_EDIT_RECIPIENT_CTX0:
      return 1;
    default:
      return 0;
  }
}

unsigned sf_cms_build_with(sf_dw *w, sf_cms_list list, size_t count, size_t mark_index) {
  shape s = {list, count, mark_index, SF_EDIT_NONE, SF_DW_MAX_MARKS};
  if (sf_cms_list_is_enveloped(list)) {
    enveloped_data(w, &s);
  } else {
    signed_data(w, &s);
  }
  return s.mark;
}

unsigned sf_cms_build_edited(sf_dw *w, sf_cms_edit edit) {
  shape s = plain();
  s.edit = edit;
  if (edit == SF_EDIT_CI_NESTED_OCTETS) {
    nested_octets(w, &s);
  } else if (sf_cms_edit_is_enveloped(edit)) {
    enveloped_data(w, &s);
  } else {
    signed_data(w, &s);
  }
  return s.mark;
}

unsigned sf_cms_build_certificate(sf_dw *w, sf_cms_edit edit) {
  shape s = plain();
  s.edit = edit;
  cert(w, &s, 1, 1);
  return s.mark;
}
