/* bench_cms: CMS parse speed, ours against OpenSSL, and the DER/BER scaling
 * families; one process, so both share the machine state.
 *
 * What each side does per input (the timed call):
 *   ours            sf_cms_parse(SF_CMS_ALLOW_BER): the ContentInfo and its
 *                   SignedData or EnvelopedData in full (digest algorithms,
 *                   certificates with the fields RFC 5280 checks need:
 *                   names, validity, extensions; signer infos with their
 *                   signed attributes decoded; recipient infos), DER rules
 *                   checked throughout. Nothing allocated.
 *   OpenSSL         d2i_CMS_ContentInfo, CMS_ContentInfo_free: the template
 *                   decoder builds the whole object tree (each certificate
 *                   an X509 object, names decoded) and frees it. Success
 *                   means an object and every byte consumed.
 * For the generic DER families:
 *   ours            the DER harness's tree walk (sf_walk_tree): every
 *                   element at every depth read with sf_der_get_any, which
 *                   checks identifier, length and the contents rules X.690
 *                   sets for INTEGER, BOOLEAN, NULL, OID, BIT STRING...;
 *                   strict DER for definite lengths, SF_DER_BER for the
 *                   indefinite family.
 *   openssl d2i     d2i_ASN1_SEQUENCE_ANY, sk_ASN1_TYPE_pop_free: the outer
 *                   SEQUENCE OF ANY decoded into ASN1_TYPE objects; a
 *                   constructed ANY is kept as its undecoded bytes (OpenSSL
 *                   only finds its end), so for the nested families it does
 *                   much less than a walk.
 *   openssl walk    the same tree walk as ours on OpenSSL's own identifier
 *                   and length decoder, ASN1_get_object (no contents rules). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/cms.h>
#include <openssl/err.h>

#include "bench.h"
#include "der_check.h"
#include "sf/cms.h"
#include "sf/der.h"

/* ---- CMS contenders ------------------------------------------------------------ */

static sf_cms g_cms;
static sf_error g_err;

static int ours_cms(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  return sf_cms_parse(data, len, SF_CMS_ALLOW_BER, &g_cms, &g_err);
}

static void ours_cms_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  snprintf(out, cap, "%s at byte %zu", sf_cms_status_name(rc), g_err.offset);
}

static const bench_contender ours_cms_c = {"ours", ours_cms, ours_cms_explain, NULL};

enum { OSSL_FAILED = 1, OSSL_TRAILING };

static void ossl_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  if (rc == OSSL_TRAILING) {
    snprintf(out, cap, "bytes left after the decoded element");
    return;
  }
  unsigned long e = ERR_peek_last_error();
  char text[120];
  ERR_error_string_n(e, text, sizeof text);
  snprintf(out, cap, "decoder failed: %s", e ? text : "no error queued");
  ERR_clear_error();
}

static int ossl_cms(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  const unsigned char *p = data;
  CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)len);
  if (cms == NULL) return OSSL_FAILED;
  CMS_ContentInfo_free(cms);
  return p == data + len ? 0 : OSSL_TRAILING;
}

static const bench_contender ossl_cms_c = {"OpenSSL", ossl_cms, ossl_explain, NULL};

/* ---- Generic DER contenders ------------------------------------------------------ */

typedef struct der_ctx {
  unsigned flags;
  sf_der_state st;
} der_ctx;

static int ours_walk(void *ctx, const uint8_t *data, size_t len) {
  der_ctx *c = ctx;
  sf_der d;
  sf_der_init(&d, &c->st, data, len, c->flags);
  return sf_walk_tree(&d, NULL);
}

static void ours_walk_explain(void *ctx, int rc, char *out, size_t cap) {
  der_ctx *c = ctx;
  snprintf(out, cap, "%s at byte %zu", sf_der_status_name(rc), c->st.err.offset);
}

static der_ctx der_strict = {0, {0}};
static der_ctx der_ber = {SF_DER_BER, {0}};
static const bench_contender ours_der = {"ours", ours_walk, ours_walk_explain, &der_strict};
static const bench_contender ours_ber = {"ours", ours_walk, ours_walk_explain, &der_ber};

static int ossl_seq_any(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  const unsigned char *p = data;
  ASN1_SEQUENCE_ANY *seq = d2i_ASN1_SEQUENCE_ANY(NULL, &p, (long)len);
  if (seq == NULL) return OSSL_FAILED;
  sk_ASN1_TYPE_pop_free(seq, ASN1_TYPE_free);
  return p == data + len ? 0 : OSSL_TRAILING;
}

static const bench_contender ossl_d2i = {"openssl d2i", ossl_seq_any, ossl_explain, NULL};

/* The walk's nesting bound: OpenSSL's own ASN1_MAX_CONSTRUCTED_NEST. */
#define OSSL_WALK_MAX_DEPTH 30

/* ossl_walk reads the elements of [*pp, *pp + len) with ASN1_get_object,
 * descending into constructed ones; |indefinite| contents end at their
 * end-of-contents octets. Returns 0, or -1 on any fault. */
static int ossl_walk(const unsigned char **pp, long len, int indefinite, int depth) {
  const unsigned char *p = *pp, *end = p + len;
  while (p < end) {
    long n;
    int tag, cls;
    int r = ASN1_get_object(&p, &n, &tag, &cls, (long)(end - p));
    if (r & 0x80) return -1;
    if (r & V_ASN1_CONSTRUCTED) {
      if (depth >= OSSL_WALK_MAX_DEPTH) return -1;
      if (r & 1) {
        if (ossl_walk(&p, (long)(end - p), 1, depth + 1) != 0) return -1;
      } else {
        const unsigned char *q = p;
        if (ossl_walk(&q, n, 0, depth + 1) != 0) return -1;
        p += n;
      }
    } else if (indefinite && tag == V_ASN1_EOC && cls == V_ASN1_UNIVERSAL && n == 0) {
      *pp = p;
      return 0;
    } else {
      p += n;
    }
  }
  if (indefinite) return -1; /* no end-of-contents */
  *pp = p;
  return 0;
}

static int ossl_walk_fn(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  const unsigned char *p = data;
  return ossl_walk(&p, (long)len, 0, 0) == 0 ? 0 : OSSL_FAILED;
}

static void ossl_walk_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  (void)rc;
  snprintf(out, cap, "ASN1_get_object walk failed");
  ERR_clear_error();
}

static const bench_contender ossl_walk_c = {"openssl walk", ossl_walk_fn, ossl_walk_explain, NULL};

/* ---- Table 1: the draft's four CMS blobs ------------------------------------------ */

static const bench_contender *const speed_contenders[3] = {&bench_memchr, &ours_cms_c,
                                                           &ossl_cms_c};

static void speed_table(const bench_opts *o) {
  bench_speed sp;
  bench_speed_begin(&sp, "cms-speed",
                    "CMS parse speed: ns per message, best and median of the rounds; "
                    "OpenSSL/ours > 1 means ours is faster",
                    speed_contenders, 3);
  static const char *const blobs[] = {"blob1-signed.der", "blob2-enveloped.der",
                                      "blob3-enveloped.der", "blob4-signed.der"};
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/draft/cms", o->data_dir);
  for (size_t i = 0; i < sizeof blobs / sizeof blobs[0]; i++) {
    size_t len;
    uint8_t *data = bench_read_file(dir, blobs[i], &len);
    bench_speed_row(&sp, blobs[i], data, len, o);
    free(data);
  }
  bench_speed_end(&sp);
}

/* ---- Table 2: scaling families --------------------------------------------------- */

static void scaling_table(const bench_opts *o) {
  bench_table("der-scaling",
              "DER/BER and CMS scaling: ns per byte (best of the rounds) at each size; a linear "
              "parser keeps it flat");
  bench_scaling_header(o);
  for (size_t i = 0; i < bench_der_family_count; i++) {
    const bench_family *f = &bench_der_families[i];
    if (f->kind == BENCH_CMS) {
      const bench_contender *cs[] = {&ours_cms_c, &bench_memchr, &ossl_cms_c};
      bench_scaling_family(f, cs, 3, o);
    } else {
      const bench_contender *ours = f->kind == BENCH_BER ? &ours_ber : &ours_der;
      const bench_contender *cs[] = {ours, &bench_memchr, &ossl_d2i, &ossl_walk_c};
      bench_scaling_family(f, cs, 4, o);
    }
  }
  bench_note("ours: the DER harness's tree walk (sf_der_get_any on every element) for der:, "
             "sf_cms_parse(SF_CMS_ALLOW_BER) for cms:; openssl d2i: d2i_ASN1_SEQUENCE_ANY "
             "(keeps a nested constructed value undecoded); openssl walk: the same tree walk on "
             "ASN1_get_object; OpenSSL: d2i_CMS_ContentInfo.");
}

int main(int argc, char **argv) {
  bench_opts o;
  bench_parse_args(argc, argv, &o);
  if (o.run_speed) speed_table(&o);
  if (o.run_scaling) scaling_table(&o);
  return 0;
}
