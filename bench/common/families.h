/* families.h: the adversarial inputs of the scaling table (scripts/bench,
 * table 2), shared by the benchmark programs and by tests/test_linear.c.
 *
 * A family is a generator: build() writes an input of at least |target|
 * bytes made of repeated units, stopping early after |max_units| units (the
 * most our parser's limits allow, or SIZE_MAX). Nothing here depends on a
 * peer library: only the parsers' public headers, for their limits. */
#ifndef SF_BENCH_FAMILIES_H
#define SF_BENCH_FAMILIES_H

#include <stddef.h>
#include <stdint.h>

#include "sf/common.h"

/* bench_buf is a growable byte buffer (it exits the program when memory
 * runs out: it is for benchmarks and tests). */
typedef struct bench_buf {
  uint8_t *p;
  size_t len, cap;
} bench_buf;

void bench_buf_put(bench_buf *b, const void *data, size_t len);
void bench_buf_puts(bench_buf *b, const char *s);
void bench_buf_printf(bench_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void bench_buf_byte(bench_buf *b, uint8_t byte);
void bench_buf_free(bench_buf *b);

typedef size_t (*bench_build_fn)(bench_buf *out, size_t target, size_t max_units);

/* Which of our parsers reads a family's inputs. */
enum bench_kind {
  BENCH_SIP,  /* sf_sip_parse(SF_SIP_INTEROP), a whole request */
  BENCH_MIME, /* sf_mime_parse(SF_MIME_INTEROP) of "Content-Type: v" CRLF CRLF body
                 (bench_mime_split) */
  BENCH_DER,  /* a tree walk with sf_der_get_any, strict DER */
  BENCH_BER,  /* the same with SF_DER_BER */
  BENCH_CMS,  /* sf_cms_parse(SF_CMS_ALLOW_BER) */
};

typedef struct bench_family {
  const char *name;      /* "sip: many headers" */
  const char *what;      /* one line: what a unit is */
  bench_build_fn build;
  size_t ours_max_units; /* the most units our parser's limits allow; 0: no limit */
  const char *limit;     /* the limit that sets ours_max_units, in words */
  int kind;              /* enum bench_kind */
  int limit_code;        /* our status for ours_max_units + 1 units (0: no limit) */
} bench_family;

extern const bench_family bench_sip_families[];
extern const size_t bench_sip_family_count;
extern const bench_family bench_mime_families[];
extern const size_t bench_mime_family_count;
extern const bench_family bench_der_families[]; /* the cms: family last */
extern const size_t bench_der_family_count;

/* BENCH_MIME inputs start with this, then the Content-Type value, CRLF CRLF
 * and the body. */
#define BENCH_CT_PREFIX "Content-Type: "

/* bench_mime_split finds the Content-Type value and the body of a
 * BENCH_MIME input; returns 0 if the input is not framed that way. */
int bench_mime_split(const uint8_t *data, size_t len, sf_slice *out_ct, sf_slice *out_body);

#endif /* SF_BENCH_FAMILIES_H */
