/* testlib.c: see testlib.h. */
#define _DEFAULT_SOURCE /* mmap flags, sysconf */
#include "testlib.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int sf_test_failures = 0;
int sf_test_checks = 0;
const char *sf_test_current = "?";

static void print_escaped(const uint8_t *p, size_t n) {
  fputc('"', stderr);
  for (size_t i = 0; i < n && i < 200; i++) {
    if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' && p[i] != '\\') {
      fputc(p[i], stderr);
    } else {
      fprintf(stderr, "\\x%02x", p[i]);
    }
  }
  fputs(n > 200 ? "\"..." : "\"", stderr);
}

void sf_check_bytes(const char *file, int line, const char *expr, sf_slice s,
                    const uint8_t *want, size_t want_len) {
  sf_test_checks++;
  if (s.len == want_len && (want_len == 0 || (s.ptr && memcmp(s.ptr, want, want_len) == 0)))
    return;
  sf_test_failures++;
  fprintf(stderr, "%s:%d: [%s] %s = ", file, line, sf_test_current, expr);
  if (s.ptr) {
    print_escaped(s.ptr, s.len);
  } else {
    fputs("(absent)", stderr);
  }
  fprintf(stderr, " (%zu bytes), want ", s.len);
  print_escaped(want, want_len);
  fprintf(stderr, " (%zu bytes)\n", want_len);
}

void sf_check_slice(const char *file, int line, const char *expr, sf_slice s, const char *want) {
  sf_check_bytes(file, line, expr, s, (const uint8_t *)want, strlen(want));
}

static uint8_t *guard_region;
static size_t guard_region_len;

const uint8_t *sf_guard(const void *data, size_t len) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t data_pages = (len + page - 1) / page;
  size_t need = (data_pages + 1) * page;
  if (guard_region != NULL) munmap(guard_region, guard_region_len);
  guard_region = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (guard_region == MAP_FAILED) {
    perror("mmap");
    abort();
  }
  guard_region_len = need;
  uint8_t *fence = guard_region + data_pages * page;
  if (mprotect(fence, page, PROT_NONE) != 0) {
    perror("mprotect");
    abort();
  }
  uint8_t *start = fence - len;
  if (len) memcpy(start, data, len);
  /* Make the data itself read-only too: parsers must never write to input. */
  if (data_pages && mprotect(guard_region, data_pages * page, PROT_READ) != 0) {
    perror("mprotect");
    abort();
  }
  return start;
}

const uint8_t *sf_guard_str(const char *s) { return sf_guard(s, strlen(s)); }

uint8_t *sf_read_file(const char *path, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  sf_test_checks++;
  if (f == NULL) {
    sf_test_failures++;
    fprintf(stderr, "[%s] cannot open %s\n", sf_test_current, path);
    return NULL;
  }
  size_t cap = 1 << 16, len = 0;
  uint8_t *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      uint8_t *b = realloc(buf, cap *= 2);
      if (b == NULL) free(buf);
      buf = b;
    }
  }
  fclose(f);
  if (buf == NULL) abort();
  *out_len = len;
  return buf;
}

const char *sf_source_path(const char *rel) {
  static char buf[4096];
  snprintf(buf, sizeof buf, "%s/%s", SF_SOURCE_DIR, rel);
  return buf;
}

int sf_test_finish(void) {
  if (sf_test_failures) {
    fprintf(stderr, "FAILED: %d of %d checks\n", sf_test_failures, sf_test_checks);
    return 1;
  }
  printf("passed: %d checks\n", sf_test_checks);
  return 0;
}
