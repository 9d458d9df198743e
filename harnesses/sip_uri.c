/* sip_uri.c: fuzz target for sf_sip_parse_uri alone.
 *
 * Promises checked: every slice lies in the input and counts stay within
 * their limits; a URI accepted as a Request-URI is accepted as a plain URI
 * with the same structure; printing a parsed URI and parsing the print gives
 * the same parts, and printing that again gives the same bytes; failures
 * carry a listed code, its reason, and an offset inside the input. */
#include <stdlib.h>

#include "sip_check.h"

static void check_round_trip(size_t len, unsigned flags, const sf_sip_uri *u) {
  size_t cap = len + 8;
  uint8_t *p1 = malloc(cap), *p2 = malloc(cap);
  SF_CHECK(p1 != NULL && p2 != NULL, "out of memory");
  size_t n1 = 0, n2 = 0;
  SF_CHECK(sf_sip_print_uri(u, p1, cap, &n1) == SF_SIP_OK, "printing needed more than len + 8");
  SF_CHECK(n1 <= len, "the canonical URI (%zu bytes) is longer than the input (%zu)", n1, len);
  uint8_t *exact = malloc(n1 ? n1 : 1); /* exact size: over-reads hit ASan */
  SF_CHECK(exact != NULL, "out of memory");
  memcpy(exact, p1, n1);
  static sf_sip_uri again;
  sf_error e;
  int rc = sf_sip_parse_uri(exact, sf_slice_make(exact, n1), flags, &again, &e);
  SF_CHECK(rc == SF_SIP_OK, "the printed URI does not parse: %s at %zu", sf_sip_status_name(rc),
           e.offset);
  sf_check_same_uri(u, &again);
  SF_CHECK(sf_sip_print_uri(&again, p2, cap, &n2) == SF_SIP_OK && n1 == n2 &&
               memcmp(p1, p2, n1) == 0,
           "printing is not idempotent");
  free(exact);
  free(p1);
  free(p2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sf_sip_uri plain, request;
  sf_error e1, e2;
  sf_slice text = sf_slice_make(data, size);
  int rc = sf_sip_parse_uri(data, text, 0, &plain, &e1);
  int rq = sf_sip_parse_uri(data, text, SF_SIP_URI_REQUEST, &request, &e2);
  if (rc != SF_SIP_OK) {
    sf_check_sip_error(rc, &e1, size);
    SF_CHECK(rq != SF_SIP_OK, "accepted as a Request-URI but not as a URI");
  } else {
    sf_check_uri_within(&plain, data, size);
    check_round_trip(size, 0, &plain);
  }
  if (rq != SF_SIP_OK) {
    sf_check_sip_error(rq, &e2, size);
    /* The only extra rule for a Request-URI: no ?headers in sip/sips. */
    SF_CHECK(rc != SF_SIP_OK || rq == SF_SIP_URI_HEADERS_IN_REQUEST_URI,
             "a URI rejected as Request-URI with %s", sf_sip_status_name(rq));
  } else {
    sf_check_uri_within(&request, data, size);
    sf_check_same_uri(&plain, &request);
    check_round_trip(size, SF_SIP_URI_REQUEST, &request);
  }
  return 0;
}
