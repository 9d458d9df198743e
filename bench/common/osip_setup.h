/* osip_setup.h: libosip2's set-up, as bench_sip and the osip_message fuzz
 * harness both need it (header only: the harness stays one file plus this). */
#ifndef SF_BENCH_OSIP_SETUP_H
#define SF_BENCH_OSIP_SETUP_H

#include <stdarg.h>

#include <osipparser2/osip_parser.h>

/* sf_bench_osip_quiet drops a libosip2 log line. */
static void sf_bench_osip_quiet(const char *file, int line, osip_trace_level_t level,
                                const char *format, va_list ap) {
  (void)file;
  (void)line;
  (void)level;
  (void)format;
  (void)ap;
}

/* sf_bench_osip_init runs parser_init and sends libosip2's log, which
 * otherwise goes to stdout for every parse error, to a function that drops
 * it (osip_trace_disable_level does not stop it in 5.3.0): a server would
 * not log there, and a fuzzer would spend its time printing. Returns
 * parser_init's status. */
static inline int sf_bench_osip_init(void) {
  int rc = parser_init();
  osip_trace_initialize_func(TRACE_LEVEL0, sf_bench_osip_quiet);
  return rc;
}

#endif /* SF_BENCH_OSIP_SETUP_H */
