/* fuzz_osip_message.c: a libFuzzer harness around libosip2's
 * osip_message_parse, built against the Debian library, for scripts/bench
 * to set its executions per second beside our targets'.
 *
 * It only parses and frees: no assertion about the result, so it does far
 * less per input than our sip_message target (which parses each input four
 * ways, checks every slice and header, prints the message and parses the
 * print); bench/fuzz_sip_parse.c is its like on our side. The library itself is not instrumented
 * (neither coverage nor ASan inside libosip2), so libFuzzer sees no edges
 * in it and each execution is cheaper than it would be in an instrumented
 * build: its exec/s is an upper bound for the peer. */
#include <stddef.h>
#include <stdint.h>

#include "osip_setup.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  sf_bench_osip_init();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  osip_message_t *m = NULL;
  if (osip_message_init(&m) != OSIP_SUCCESS) return 0;
  osip_message_parse(m, (const char *)data, size);
  osip_message_free(m);
  return 0;
}
