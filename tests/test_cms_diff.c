/* test_cms_diff.c: the decision the cms_diff fuzz target makes
 * (harnesses/common/cms_diff_check.h), shown to be able to fail:
 *   - a disagreement no row of the table covers is reported, naming the
 *     field and both values: accept/reject verdicts set by hand, and fields
 *     compared between our result for one message and OpenSSL's for
 *     another;
 *   - every row of the table fires, and is the row that fires, for an input
 *     that shows the difference it describes: the regression inputs in
 *     crashes/cms_diff/ (crashes/INDEX.tsv tells each story), malformed
 *     inputs of tests/data/cms-bad/, and messages built by cms_build.c;
 *   - messages both sides read alike pass with no row. */
#include <stdlib.h>

#include "cms_build.h"
#include "cms_diff_check.h"
#include "testlib.h"

static sf_cms ours; /* large: keep it off the stack */

/* CHECK_HAS checks that C string |s| contains |part|. */
#define CHECK_HAS(s, part)                                                            \
  do {                                                                                \
    sf_test_checks++;                                                                 \
    if (strstr((s), (part)) == NULL) {                                                \
      sf_test_failures++;                                                             \
      fprintf(stderr, "%s:%d: [%s] \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, \
              sf_test_current, (s), (part));                                          \
    }                                                                                 \
  } while (0)

static void test_unjustified_verdicts(void) {
  /* We reject what OpenSSL accepts, with a code no row names. */
  static const uint8_t input[] = {0x30, 0x03, 0x02, 0x01, 0x01};
  sf_cms_diff d;
  memset(&d, 0, sizeof d);
  memset(&ours, 0, sizeof ours);
  d.data = input;
  d.size = sizeof input;
  d.m = &ours;
  d.ours = SF_CMS_MISSING_SIGNER_INFOS;
  d.err.code = d.ours;
  d.err.offset = 5;
  d.err.reason = sf_cms_status_reason(d.ours);
  d.theirs = 1;
  d.consumed = sizeof input;
  CHECK_INT(sf_cms_diff_decide(&d, NULL), 0);
  CHECK(d.justified_by == NULL);
  CHECK_HAS(d.failure, "cms_diff: accept/reject differs");
  CHECK_HAS(d.failure,
            "ours=SF_CMS_MISSING_SIGNER_INFOS (a SignedData has no signerInfos SET at offset 5)");
  CHECK_HAS(d.failure, "openssl=accepted");

  /* The same verdicts with a code a row names: covered, nothing reported. */
  d.failure[0] = '\0';
  d.ours = d.err.code = SF_CMS_TOO_MANY_SIGNERS;
  CHECK_INT(sf_cms_diff_decide(&d, NULL), 1);
  CHECK(d.justified_by != NULL && strcmp(d.justified_by, "limits") == 0);
  CHECK_INT(d.failure[0], '\0');

  /* OpenSSL rejects what we accept, for a reason no row names (the input
   * walks as BER, and no error names a part we keep raw). */
  memset(&d, 0, sizeof d);
  d.data = input;
  d.size = sizeof input;
  d.m = &ours;
  d.ours = SF_CMS_OK;
  d.theirs = 0;
  snprintf(d.ossl_errors, sizeof d.ossl_errors, "nested asn1 error (Type=CMS_SignedData);");
  CHECK_INT(sf_cms_diff_decide(&d, NULL), 0);
  CHECK(d.justified_by == NULL);
  CHECK_HAS(d.failure, "ours=SF_CMS_OK");
  CHECK_HAS(d.failure, "openssl=rejected [nested asn1 error (Type=CMS_SignedData);]");
}

/* compare_across parses |ours_rel| with our parser and |theirs_rel| with
 * OpenSSL, and returns what sf_cms_diff_compare reports (into |d|). */
static int compare_across(const char *ours_rel, const char *theirs_rel, sf_cms_diff *d) {
  size_t a_len = 0, b_len = 0;
  uint8_t *a = sf_read_file(sf_source_path(ours_rel), &a_len);
  uint8_t *b = sf_read_file(sf_source_path(theirs_rel), &b_len);
  int agreed = -1;
  memset(d, 0, sizeof *d);
  if (a != NULL && b != NULL) {
    sf_error err;
    CHECK_INT(sf_cms_parse(a, a_len, SF_CMS_DIFF_FLAGS, &ours, &err), SF_CMS_OK);
    const unsigned char *p = b;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)b_len);
    CHECK(cms != NULL);
    d->data = a;
    d->size = a_len;
    d->m = &ours;
    d->theirs = cms != NULL;
    d->consumed = a_len; /* the bytes-read check is not what is shown here */
    if (cms != NULL) agreed = sf_cms_diff_compare(d, &ours, cms);
    CMS_ContentInfo_free(cms);
  }
  free(a);
  free(b);
  ERR_clear_error();
  return agreed;
}

#define SEED(sha1) "corpus/cms/" sha1
#define BLOB(name) "tests/data/draft/cms/" name

static void test_unjustified_fields(void) {
  /* Our result for one message against OpenSSL's for another: the first
   * field that differs is named, with both values. */
  static const struct {
    const char *ours, *theirs, *failure;
  } rows[] = {
      {BLOB("blob1-signed.der"), BLOB("blob2-enveloped.der"),
       "cms_diff: content type differs: ours=2a864886f70d010702 openssl=2a864886f70d010703"},
      {BLOB("blob1-signed.der"), SEED("8285d5036856af7245e7889f35225910e190df17"),
       "cms_diff: signer count differs: ours=1 openssl=2"},
      {BLOB("blob1-signed.der"), SEED("618a7ec46f1ed3c1199fd0cc918764d39f5a1c39"),
       "cms_diff: signer 0 digest algorithm differs: ours=2b0e03021a openssl=608648016503040201"},
      {BLOB("blob1-signed.der"), SEED("3b8966d4dd7d4cdd163117e0ffe73036fda5d53e"),
       "cms_diff: signer 0 identifier kind differs: ours=1 openssl=2"},
      {BLOB("blob1-signed.der"), SEED("8429850778bafe16d58102de3b468691a44f4dc7"),
       "cms_diff: certificate count differs: ours=1 openssl=0"},
      {BLOB("blob2-enveloped.der"), SEED("4a1a38415752865e27a1d51a093b59a9392c277a"),
       "cms_diff: recipient count differs: ours=1 openssl=2"},
      {BLOB("blob2-enveloped.der"), BLOB("blob3-enveloped.der"), NULL}, /* the same recipient */
      {BLOB("blob1-signed.der"), BLOB("blob4-signed.der"), NULL},       /* the same signer */
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    sf_cms_diff d;
    int agreed = compare_across(rows[i].ours, rows[i].theirs, &d);
    sf_test_checks++;
    if (agreed != (rows[i].failure == NULL) ||
        strcmp(d.failure, rows[i].failure ? rows[i].failure : "") != 0) {
      sf_test_failures++;
      fprintf(stderr, "[unjustified_fields] %s vs %s: got %d \"%s\", want \"%s\"\n", rows[i].ours,
              rows[i].theirs, agreed, d.failure, rows[i].failure ? rows[i].failure : "");
    }
  }
}

/* run_bytes runs |data| through sf_cms_diff_run from a guarded copy. */
static int run_bytes(const uint8_t *data, size_t len, sf_cms_diff *d) {
  return sf_cms_diff_run(d, sf_guard(data, len), len, &ours);
}

/* An input for a row: a file, or a message built here (file NULL). */
typedef enum { BUILT_NONE, BUILT_TOO_MANY_SIGNERS, BUILT_NESTED_FAULT, BUILT_BAD_CRL } built;

static void build(built what, sf_dw *w) {
  switch (what) {
    case BUILT_TOO_MANY_SIGNERS:
      sf_cms_build_with(w, SF_LIST_SIGNERS, SF_CMS_MAX_SIGNERS + 1, 0);
      break;
    case BUILT_NESTED_FAULT:
      /* id-ct-contentInfo around a signedData ContentInfo with no [0]
       * content: OpenSSL keeps the outer content as an ANY. */
      sf_dw_open(w, 0x30);
      sf_dw_oid(w, "1.2.840.113549.1.9.16.1.6");
      sf_dw_open(w, 0xA0);
      sf_dw_open(w, 0x30);
      sf_dw_oid(w, "1.2.840.113549.1.7.2");
      sf_dw_close(w);
      sf_dw_close(w);
      sf_dw_close(w);
      break;
    case BUILT_BAD_CRL:
      /* crls with one entry we only count, which is no CertificateList. */
      sf_cms_build_with(w, SF_LIST_CRLS, 1, 0);
      break;
    default:
      break;
  }
}

/* name_value_visible: blob 1 with the countryName of its signer's issuer
 * (C=US, a PrintableString) written as a VisibleString: a universal type,
 * fine for X.501's ANY and for us, outside OpenSSL's B_ASN1_PRINTABLE. */
static uint8_t *name_value_visible(size_t *out_len) {
  uint8_t *b = sf_read_file(sf_source_path(BLOB("blob1-signed.der")), out_len);
  static const uint8_t country[] = {0x06, 0x03, 0x55, 0x04, 0x06, 0x13, 0x02, 'U', 'S'};
  size_t last = 0;
  for (size_t i = 0; b != NULL && i + sizeof country <= *out_len; i++)
    if (memcmp(b + i, country, sizeof country) == 0) last = i;
  CHECK(last != 0);
  if (b != NULL && last != 0) b[last + 5] = 0x1A; /* the signer's sid comes last */
  return b;
}

static void test_every_row_fires(void) {
  static const struct {
    const char *row;
    const char *file; /* NULL: built, or made by name_value_visible */
    built what;
    int ours; /* our status on it */
  } cases[] = {
      {"decoded-on-use", "crashes/cms_diff/ee16db68a6cda3e0b41b0c0bcefb6952b9d3f778", BUILT_NONE,
       SF_CMS_RESERVED_LENGTH},
      {"trailing-bytes", "tests/data/cms-bad/trailing-bytes.der", BUILT_NONE, SF_CMS_TRAILING_DATA},
      {"extension-trailing-bytes", "crashes/cms_diff/c7f501e244f958e9f1a319ce660b735c6526f66b",
       BUILT_NONE, SF_CMS_TRAILING_DATA},
      {"rfc5652-rules", "tests/data/cms-bad/unknown-digest-oid.der", BUILT_NONE,
       SF_CMS_UNKNOWN_DIGEST_ALG},
      {"limits", NULL, BUILT_TOO_MANY_SIGNERS, SF_CMS_TOO_MANY_SIGNERS},
      {"nested-content", NULL, BUILT_NESTED_FAULT, SF_CMS_MISSING_CONTENT},
      {"certificate-details", "tests/data/cms-bad/empty-san.der", BUILT_NONE,
       SF_CMS_BAD_SUBJECT_ALT_NAME},
      {"x690-rules", "crashes/cms_diff/7d0f66a2cb969ce50ccf81019cc1e8a2feee3b39", BUILT_NONE,
       SF_CMS_BAD_FORM},
      {"name-value-types", NULL, BUILT_NONE, SF_CMS_OK},
      {"eoc-as-value", "crashes/cms_diff/c67b2da119db17b7d381a2bfd60e4eb31b3bbf2b", BUILT_NONE,
       SF_CMS_MISSING_ELEMENT},
      {"empty-constructed-bit-string", "crashes/cms_diff/96170ce21171d5dd0dba89f5ef2514f987cb4ae3",
       BUILT_NONE, SF_CMS_OK},
      {"raw-not-ber", "crashes/cms_diff/e191cb0ec783b44733a7636237cb1fdbb90052c1", BUILT_NONE,
       SF_CMS_OK},
      {"kept-raw", NULL, BUILT_BAD_CRL, SF_CMS_OK},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t *bytes = NULL;
    size_t len = 0;
    sf_dw w;
    sf_dw_init(&w);
    if (cases[i].file != NULL) {
      bytes = sf_read_file(sf_source_path(cases[i].file), &len);
    } else if (cases[i].what != BUILT_NONE) {
      build(cases[i].what, &w);
    } else {
      bytes = name_value_visible(&len);
    }
    sf_cms_diff d;
    int agreed = bytes ? run_bytes(bytes, len, &d) : run_bytes(w.buf, w.len, &d);
    sf_test_checks++;
    if (!agreed || d.justified_by == NULL || strcmp(d.justified_by, cases[i].row) != 0 ||
        d.ours != cases[i].ours || d.theirs != (cases[i].ours != SF_CMS_OK)) {
      sf_test_failures++;
      fprintf(stderr, "[every_row_fires] %s: ours %s, openssl %s, row %s; %s\n", cases[i].row,
              sf_cms_status_name(d.ours), d.theirs ? "accepted" : "rejected",
              d.justified_by ? d.justified_by : "none", d.failure);
    }
    free(bytes);
    sf_dw_free(&w);
  }
  /* Every row of the table has its case above. */
  for (size_t r = 0; r < SF_CMS_DIFF_ROWS; r++) {
    int found = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
      found |= strcmp(cases[i].row, sf_cms_diff_rows[r].name) == 0;
    sf_test_checks++;
    if (!found) {
      sf_test_failures++;
      fprintf(stderr, "[every_row_fires] row %s has no input\n", sf_cms_diff_rows[r].name);
    }
  }
}

static void test_agreement(void) {
  /* Messages both sides read alike: no row, no failure. */
  static const char *const files[] = {
      BLOB("blob1-signed.der"), BLOB("blob2-enveloped.der"),
      SEED("4ace748fe7b119fb8bc7b773c339cc3ad330b9dc"), /* streamed EnvelopedData */
      SEED("45d9884e1b8b3463e09c10211c730dea9fa12378"), /* certs-only, with a CRL */
      SEED("ede4a6c11de62554d24cd381afc2cc9fe538ed8f"), /* signed attributes kept raw */
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    size_t len = 0;
    uint8_t *bytes = sf_read_file(sf_source_path(files[i]), &len);
    if (bytes == NULL) continue;
    sf_cms_diff d;
    CHECK_INT(run_bytes(bytes, len, &d), 1);
    CHECK(d.justified_by == NULL);
    CHECK_SLICE(sf_slice_make((const uint8_t *)d.failure, strlen(d.failure)), "");
    free(bytes);
  }
  /* Built: originatorInfo certificates (compared with OpenSSL's
   * CMS_get1_certs) and a full SignedData certificate set. */
  static const sf_cms_list lists[] = {SF_LIST_ORIGINATOR_CERTS, SF_LIST_CERTS, SF_LIST_SAN};
  for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
    sf_dw w;
    sf_dw_init(&w);
    sf_cms_build_with(&w, lists[i], 3, 0);
    sf_cms_diff d;
    CHECK_INT(run_bytes(w.buf, w.len, &d), 1);
    CHECK(d.justified_by == NULL);
    CHECK_INT(d.ours, SF_CMS_OK);
    CHECK_INT(d.theirs, 1);
    sf_dw_free(&w);
  }
}

int main(void) {
  RUN(test_unjustified_verdicts);
  RUN(test_unjustified_fields);
  RUN(test_every_row_fires);
  RUN(test_agreement);
  return sf_test_finish();
}
