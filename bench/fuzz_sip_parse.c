/* fuzz_sip_parse.c: the least a libFuzzer harness around our SIP parser
 * can be, for scripts/bench to set beside fuzz_osip_message.c: one
 * sf_sip_parse call per input and nothing checked.
 *
 * The project's own sip_message target asserts the parser's promises
 * (slices inside the input, print and parse again, ...); this one shows how
 * much of that target's cost is the parse itself, under the same
 * instrumentation (our parser is compiled with ASan, UBSan and libFuzzer's
 * coverage and comparison tracing; libosip2 is not). Not a project target:
 * it is not listed in fuzz/targets.tsv. */
#include <stddef.h>
#include <stdint.h>

#include "sf/sip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sf_sip_msg msg;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sf_error err;
  sf_sip_parse(data, size, SF_SIP_INTEROP, &msg, &err);
  return 0;
}
