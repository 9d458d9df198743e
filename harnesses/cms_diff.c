/* cms_diff.c: differential fuzz target: our CMS parser against OpenSSL's
 * d2i_CMS_ContentInfo on the same bytes.
 *
 * Both sides must agree on accept or reject and, when both accept, on the
 * content type, signer and recipient counts and identifiers, digest
 * algorithms, eContent presence and each certificate's serial and
 * subjectAltName list. Any other outcome aborts with a message naming the
 * field and both values, unless a row of the table of justified differences
 * covers it. The comparison and the table live in
 * common/cms_diff_check.h, where sf_cms_diff_run() decides without
 * aborting: this file only turns its failure into a crash, and
 * tests/test_cms_diff.c shows that a disagreement no row covers is reported
 * and that every row fires for an input that shows it (README.md and
 * docs/cms.md carry the same table). */
#include "check.h"
#include "cms_diff_check.h"

static sf_cms g_ours; /* large: keep it off the stack */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sf_cms_diff d;
  sf_cms_diff_run(&d, data, size, &g_ours);
  SF_CHECK(d.failure[0] == '\0', "%s", d.failure);
  return 0;
}
