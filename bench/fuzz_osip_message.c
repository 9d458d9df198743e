/* fuzz_osip_message.c: a libFuzzer harness around libosip2's
 * osip_message_parse, built against the Debian library, for scripts/bench
 * to set its executions per second beside our targets'.
 *
 * It only parses and frees: no assertion about the result, so it does far
 * less per input than our sip_message target (which checks slices, prints
 * the message and parses it again). The library itself is not instrumented
 * (neither coverage nor ASan inside libosip2), so libFuzzer sees no edges
 * in it and each execution is cheaper than it would be in an instrumented
 * build: its exec/s is an upper bound for the peer. */
#include <stddef.h>
#include <stdint.h>

#include <osipparser2/osip_parser.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  parser_init();
  /* libosip2 logs every parse error to stdout: a fuzzer would spend its
   * time printing. */
  for (int level = 0; level < END_TRACE_LEVEL; level++) {
    osip_trace_disable_level((osip_trace_level_t)level);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  osip_message_t *m = NULL;
  if (osip_message_init(&m) != OSIP_SUCCESS) return 0;
  osip_message_parse(m, (const char *)data, size);
  osip_message_free(m);
  return 0;
}
