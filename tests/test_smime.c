/* test_smime.c: the OpenSSL layer (sf/smime.h) on the draft's blobs and on
 * one-byte changes of them, each change naming the verdict it must give:
 * a valid signature as of 2005, expired and not yet valid certificates, an
 * untrusted chain, no trust anchor, a changed content byte (digest
 * mismatch), a changed signed attribute (bad signature), an unknown digest
 * algorithm, the subjectAltName URIs, decryption by the right and the wrong
 * recipient; and the time conversions behind --at. */
#include <stdlib.h>

#include "sf/smime.h"
#include "testlib.h"

#define DRAFT_TIME 1107548400 /* 2005-02-04T20:20:00Z */

static uint8_t *blob1, *content1, *blob2, *blob3, *ca, *example_com, *kumiko_key, *kumiko_cert,
    *fluffy_key, *fluffy_cert;
static size_t blob1_len, content1_len, blob2_len, blob3_len, ca_len, example_com_len,
    kumiko_key_len, kumiko_cert_len, fluffy_key_len, fluffy_cert_len;
static sf_smime_verdict v;

static uint8_t *load(const char *rel, size_t *len) {
  return sf_read_file(sf_source_path(rel), len);
}

/* context returns a context with the draft's CA (when |with_ca|) at |at|. */
static sf_smime *context(int with_ca, int64_t at) {
  sf_smime *s = sf_smime_new();
  char why[256];
  CHECK(s != NULL);
  if (with_ca) CHECK_INT(sf_smime_add_ca_pem(s, ca, ca_len, why, sizeof why), 1);
  sf_smime_set_time(s, at);
  return s;
}

/* verify1 verifies |der| (blob 1 or a change of it) over |content|. */
static int verify1(const sf_smime *s, const uint8_t *der, const uint8_t *content,
                   size_t content_len) {
  int rc = sf_smime_verify(s, sf_guard(der, blob1_len), blob1_len, content, content_len, &v, NULL,
                           NULL);
  CHECK_INT(rc, v.status);
  return rc;
}

static void test_blob1_valid_in_2005(void) {
  sf_smime *s = context(1, DRAFT_TIME);
  CHECK_INT(verify1(s, blob1, content1, content1_len), SF_SMIME_OK);
  CHECK(sf_smime_verdict_valid(&v));
  CHECK_INT(v.signer_count, 1);
  CHECK_INT(v.at, DRAFT_TIME);
  CHECK_INT(v.trust_checked, 1);
  CHECK_INT(v.attached, 0);
  const sf_smime_signer *si = &v.signers[0];
  CHECK_INT(si->signature, SF_SMIME_SIG_VALID);
  CHECK_INT(si->cert_problems, 0);
  CHECK(strcmp(si->digest, "SHA1") == 0);
  CHECK_INT(si->signed_attrs, 1);
  CHECK_INT(si->has_signing_time, 1);
  CHECK_INT(si->signing_time, 1107548232); /* 050204201712Z */
  CHECK(strstr(si->subject, "CN=fluffy@example.com") != NULL);
  CHECK_INT(si->not_before, 1107456574); /* 2005-02-03T18:49:34Z */
  CHECK_INT(si->not_after, 1202064574);  /* 2008-02-03T18:49:34Z */
  CHECK_INT(si->san_uri_count, 3);
  CHECK_INT(si->san_uri_total, 3);
  CHECK_BYTES(sf_slice_make(si->san_uris[0].bytes, si->san_uris[0].len),
              (const uint8_t *)"sip:fluffy@example.com", 22);
  CHECK_BYTES(sf_slice_make(si->san_uris[1].bytes, si->san_uris[1].len),
              (const uint8_t *)"im:fluffy@example.com", 21);
  CHECK_BYTES(sf_slice_make(si->san_uris[2].bytes, si->san_uris[2].len),
              (const uint8_t *)"pres:fluffy@example.com", 23);
  sf_smime_free(s);
}

/* The same signature later, earlier, with another anchor and with none:
 * the signature stays valid, the certificate verdict changes. */
static void test_blob1_certificate_times(void) {
  static const struct {
    int with_ca;
    int64_t at;
    unsigned problems;
    int depth;
  } cases[] = {
      {1, 1767225600, SF_SMIME_CERT(EXPIRED), 0},         /* 2026: both expired */
      {1, 1104537600, SF_SMIME_CERT(NOT_YET_VALID), 0},   /* 2005-01-01 */
      {1, 1300000000, SF_SMIME_CERT(EXPIRED), 0},         /* 2011: signer expired, CA not */
      {0, DRAFT_TIME, 0, 0},                              /* no anchor: dates only, fine */
      {0, 1767225600, SF_SMIME_CERT(EXPIRED), 0},         /* no anchor: still expired */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sf_smime *s = context(cases[i].with_ca, cases[i].at);
    CHECK_INT(verify1(s, blob1, content1, content1_len), SF_SMIME_OK);
    CHECK(sf_smime_verdict_valid(&v));
    CHECK_INT(v.trust_checked, cases[i].with_ca);
    CHECK_INT(v.signers[0].cert_problems, cases[i].problems);
    CHECK_INT(v.signers[0].cert_error_depth, cases[i].depth);
    CHECK(cases[i].problems == 0 || v.signers[0].cert_detail[0] != '\0');
    sf_smime_free(s);
  }
  /* A trust anchor that did not issue the signer's certificate. */
  sf_smime *s = sf_smime_new();
  char why[256];
  CHECK_INT(sf_smime_add_ca_pem(s, example_com, example_com_len, why, sizeof why), 1);
  sf_smime_set_time(s, DRAFT_TIME);
  CHECK_INT(verify1(s, blob1, content1, content1_len), SF_SMIME_OK);
  CHECK_INT(v.signers[0].cert_problems, SF_SMIME_CERT(UNTRUSTED));
  sf_smime_free(s);
}

/* One byte changed, one verdict each. */
static void test_blob1_changes(void) {
  sf_smime *s = context(1, DRAFT_TIME);
  uint8_t *copy = malloc(blob1_len), *text = malloc(content1_len);
  /* A byte of "Hello": the messageDigest no longer matches. */
  memcpy(text, content1, content1_len);
  text[content1_len - 5] = 'J';
  CHECK_INT(verify1(s, blob1, text, content1_len), SF_SMIME_OK);
  CHECK_INT(v.signers[0].signature, SF_SMIME_SIG_DIGEST_MISMATCH);
  CHECK(!sf_smime_verdict_valid(&v));
  /* A digit of the signed signingTime (offset 972 + 11): the signature
   * over the signed attributes fails, the digest still matches. */
  memcpy(copy, blob1, blob1_len);
  CHECK(memcmp(copy + 972, "050204201712Z", 13) == 0);
  copy[972 + 11] = '3';
  CHECK_INT(verify1(s, copy, content1, content1_len), SF_SMIME_OK);
  CHECK_INT(v.signers[0].signature, SF_SMIME_SIG_BAD_SIGNATURE);
  /* The last byte of the RSA signature value. */
  memcpy(copy, blob1, blob1_len);
  copy[blob1_len - 1] ^= 0x01;
  CHECK_INT(verify1(s, copy, content1, content1_len), SF_SMIME_OK);
  CHECK_INT(v.signers[0].signature, SF_SMIME_SIG_BAD_SIGNATURE);
  /* SHA-1 (1.3.14.3.2.26) renamed 1.3.14.3.2.127, in digestAlgorithms and
   * in the SignerInfo. */
  memcpy(copy, blob1, blob1_len);
  static const uint8_t sha1_oid[] = {0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a};
  size_t renamed = 0;
  for (size_t i = 0; i + sizeof sha1_oid <= blob1_len; i++) {
    if (memcmp(copy + i, sha1_oid, sizeof sha1_oid) == 0) copy[i + 6] = 0x7f, renamed++;
  }
  CHECK_INT(renamed, 2);
  CHECK_INT(verify1(s, copy, content1, content1_len), SF_SMIME_OK);
  CHECK_INT(v.signers[0].signature, SF_SMIME_SIG_UNKNOWN_ALGORITHM);
  CHECK(strcmp(v.signers[0].digest, "1.3.14.3.2.127") == 0);
  free(copy);
  free(text);
  sf_smime_free(s);
}

/* Whole-message statuses. */
static void test_statuses(void) {
  sf_smime *s = context(1, DRAFT_TIME);
  uint8_t *content = NULL;
  size_t content_len = 0;
  /* Detached, and no content given: nothing to check it against. */
  CHECK_INT(sf_smime_verify(s, blob1, blob1_len, NULL, 0, &v, &content, &content_len),
            SF_SMIME_NO_CONTENT);
  CHECK(content == NULL);
  /* An EnvelopedData is not a signature. */
  CHECK_INT(sf_smime_verify(s, blob2, blob2_len, content1, content1_len, &v, NULL, NULL),
            SF_SMIME_NOT_SIGNED_DATA);
  /* Not CMS at all, and the first bytes of one. */
  CHECK_INT(sf_smime_verify(s, sf_guard_str("Hello"), 5, content1, content1_len, &v, NULL, NULL),
            SF_SMIME_MALFORMED);
  CHECK(v.detail[0] != '\0');
  CHECK_INT(sf_smime_verify(s, sf_guard(blob1, 100), 100, content1, content1_len, &v, NULL, NULL),
            SF_SMIME_MALFORMED);
  sf_smime_free(s);
}

static void test_decrypt(void) {
  sf_smime *s = sf_smime_new();
  char why[256];
  uint8_t *out = NULL;
  size_t out_len = 0;
  sf_smime_decryption d;
  CHECK_INT(sf_smime_decrypt(s, blob2, blob2_len, &out, &out_len, &d), SF_SMIME_NO_RECIPIENT_KEY);
  /* A key that is not the certificate's is refused when set. */
  CHECK_INT(sf_smime_set_recipient_pem(s, fluffy_key, fluffy_key_len, kumiko_cert,
                                       kumiko_cert_len, why, sizeof why),
            -1);
  CHECK(strstr(why, "does not belong") != NULL);
  CHECK_INT(sf_smime_set_recipient_pem(s, kumiko_key, kumiko_key_len, kumiko_cert,
                                       kumiko_cert_len, why, sizeof why),
            0);
  static const char hello[] =
      "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHello";
  static const char hi[] =
      "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHi There";
  CHECK_INT(sf_smime_decrypt(s, sf_guard(blob2, blob2_len), blob2_len, &out, &out_len, &d),
            SF_SMIME_OK);
  CHECK_BYTES(sf_slice_make(out, out_len), (const uint8_t *)hello, sizeof hello - 1);
  CHECK_INT(d.authenticated, 0);
  free(out);
  CHECK_INT(sf_smime_decrypt(s, blob3, blob3_len, &out, &out_len, &d), SF_SMIME_OK);
  CHECK_BYTES(sf_slice_make(out, out_len), (const uint8_t *)hi, sizeof hi - 1);
  free(out);
  CHECK_INT(sf_smime_decrypt(s, blob1, blob1_len, &out, &out_len, &d), SF_SMIME_NOT_ENVELOPED_DATA);
  CHECK(out == NULL);
  /* fluffy is not a recipient of blob 2. */
  CHECK_INT(sf_smime_set_recipient_pem(s, fluffy_key, fluffy_key_len, fluffy_cert,
                                       fluffy_cert_len, why, sizeof why),
            0);
  CHECK_INT(sf_smime_decrypt(s, blob2, blob2_len, &out, &out_len, &d),
            SF_SMIME_NO_MATCHING_RECIPIENT);
  CHECK(d.detail[0] != '\0');
  sf_smime_free(s);
}

static void test_load_errors(void) {
  sf_smime *s = sf_smime_new();
  char why[256];
  CHECK_INT(sf_smime_add_ca_pem(s, (const uint8_t *)"not PEM", 7, why, sizeof why), -1);
  CHECK(why[0] != '\0');
  CHECK_INT(sf_smime_ca_count(s), 0);
  CHECK_INT(sf_smime_set_recipient_pem(s, ca, ca_len, ca, ca_len, why, sizeof why), -1);
  CHECK_INT(sf_smime_has_recipient(s), 0);
  sf_smime_free(s);
}

static void test_time(void) {
  static const struct {
    const char *text;
    int ok;
    int64_t t;
  } cases[] = {
      {"2005-02-04T20:20:00Z", 1, DRAFT_TIME},
      {"2005-02-04t20:20:00z", 1, DRAFT_TIME},
      {"2005-02-04 20:20:00Z", 1, DRAFT_TIME},
      {"2005-02-04T21:20:00.75+01:00", 1, DRAFT_TIME},
      {"2005-02-04T12:20:00-08:00", 1, DRAFT_TIME},
      {"1107548400", 1, DRAFT_TIME},
      {"0", 1, 0},
      {"1970-01-01T00:00:00Z", 1, 0},
      {"2000-02-29T00:00:00Z", 1, 951782400},
      {"2008-12-31T23:59:60Z", 1, 1230768000}, /* a leap second counts as the next */
      {"1900-02-29T00:00:00Z", 0, 0},
      {"2005-02-30T00:00:00Z", 0, 0},
      {"2005-13-01T00:00:00Z", 0, 0},
      {"2005-02-04T24:00:00Z", 0, 0},
      {"2005-02-04T20:20:00", 0, 0},
      {"2005-02-04", 0, 0},
      {"2005-02-04T20:20:00Zjunk", 0, 0},
      {"", 0, 0},
      {"-5", 0, 0},
      {"12x", 0, 0},
      {"1234567890123456789", 0, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int64_t t = -1;
    sf_test_current = cases[i].text;
    int rc = sf_smime_parse_time(cases[i].text, &t);
    CHECK_INT(rc == 0, cases[i].ok);
    if (cases[i].ok) CHECK_INT(t, cases[i].t);
  }
  sf_test_current = "format";
  static const struct {
    int64_t t;
    const char *text;
  } out[] = {
      {DRAFT_TIME, "2005-02-04T20:20:00Z"}, {0, "1970-01-01T00:00:00Z"},
      {951782400, "2000-02-29T00:00:00Z"},  {-1, "1969-12-31T23:59:59Z"},
      {253402300799, "9999-12-31T23:59:59Z"}, {INT64_MAX, "9999-12-31T23:59:59Z"},
  };
  for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
    char text[SF_SMIME_TIME_LEN];
    sf_smime_format_time(out[i].t, text);
    CHECK(strcmp(text, out[i].text) == 0);
  }
  /* Every day from 1600 to 2400 formats and parses back. */
  for (int64_t t = -11676096000; t < 13569465600; t += 86400 + 3661) {
    char text[SF_SMIME_TIME_LEN];
    int64_t back = 0;
    sf_smime_format_time(t, text);
    if (sf_smime_parse_time(text, &back) != 0 || back != t) {
      CHECK_INT(back, t);
      break;
    }
  }
}

int main(void) {
  blob1 = load("tests/data/draft/cms/blob1-signed.der", &blob1_len);
  content1 = load("tests/data/draft/cms/blob1-signed-content.bin", &content1_len);
  blob2 = load("tests/data/draft/cms/blob2-enveloped.der", &blob2_len);
  blob3 = load("tests/data/draft/cms/blob3-enveloped.der", &blob3_len);
  ca = load("tests/data/draft/certs/ca-cert.pem", &ca_len);
  example_com = load("tests/data/draft/certs/example.com-cert.pem", &example_com_len);
  kumiko_key = load("tests/data/draft/certs/kumiko-key.pem", &kumiko_key_len);
  kumiko_cert = load("tests/data/draft/certs/kumiko-cert.pem", &kumiko_cert_len);
  fluffy_key = load("tests/data/draft/certs/fluffy-key.pem", &fluffy_key_len);
  fluffy_cert = load("tests/data/draft/certs/fluffy-cert.pem", &fluffy_cert_len);
  if (!blob1 || !content1 || !blob2 || !blob3 || !ca || !example_com || !kumiko_key ||
      !kumiko_cert || !fluffy_key || !fluffy_cert) {
    return sf_test_finish();
  }
  RUN(test_blob1_valid_in_2005);
  RUN(test_blob1_certificate_times);
  RUN(test_blob1_changes);
  RUN(test_statuses);
  RUN(test_decrypt);
  RUN(test_load_errors);
  RUN(test_time);
  free(blob1), free(content1), free(blob2), free(blob3), free(ca), free(example_com);
  free(kumiko_key), free(kumiko_cert), free(fluffy_key), free(fluffy_cert);
  return sf_test_finish();
}
