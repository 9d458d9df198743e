/* main.c: sipsec-check, an interop checker for SIP messages with S/MIME
 * bodies. See --help and docs/sipsec-check.md. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "options.h"

#ifndef SF_CHECK_VERSION
#define SF_CHECK_VERSION "unknown"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* read_all reads |f| up to |limit| bytes into a heap buffer. Returns it, or
 * NULL with |why| filled. */
static uint8_t *read_all(FILE *f, size_t limit, size_t *out_len, char *why, size_t cap) {
  size_t size = 0, room = 65536;
  uint8_t *buf = malloc(room);
  if (buf == NULL) {
    snprintf(why, cap, "out of memory");
    return NULL;
  }
  for (;;) {
    if (size == room) {
      if (room > limit) {
        snprintf(why, cap, "larger than %zu bytes", limit);
        free(buf);
        return NULL;
      }
      uint8_t *bigger = realloc(buf, room * 2);
      if (bigger == NULL) {
        snprintf(why, cap, "out of memory");
        free(buf);
        return NULL;
      }
      buf = bigger;
      room *= 2;
    }
    size_t n = fread(buf + size, 1, room - size, f);
    size += n;
    if (n == 0) break;
  }
  if (ferror(f)) {
    snprintf(why, cap, "%s", strerror(errno));
    free(buf);
    return NULL;
  }
  if (size > limit) {
    snprintf(why, cap, "larger than %zu bytes", limit);
    free(buf);
    return NULL;
  }
  *out_len = size;
  return buf;
}

/* read_file reads |path| ("-": standard input). */
static uint8_t *read_file(const char *path, size_t limit, size_t *out_len, char *why, size_t cap) {
  if (strcmp(path, "-") == 0) return read_all(stdin, limit, out_len, why, cap);
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    snprintf(why, cap, "%s", strerror(errno));
    return NULL;
  }
  uint8_t *buf = read_all(f, limit, out_len, why, cap);
  fclose(f);
  return buf;
}

/* setup loads the trust anchors, the recipient and the time. */
static int setup(const sf_check_options *o, sf_smime *s) {
  char why[256];
  for (int i = 0; i < o->ca_count; i++) {
    size_t len = 0;
    uint8_t *pem = read_file(o->ca[i], 1u << 20, &len, why, sizeof why);
    if (pem == NULL || sf_smime_add_ca_pem(s, pem, len, why, sizeof why) < 0) {
      fprintf(stderr, "sipsec-check: --ca %s: %s\n", o->ca[i], why);
      free(pem);
      return -1;
    }
    free(pem);
  }
  if (o->key != NULL) {
    size_t klen = 0, clen = 0;
    uint8_t *key = read_file(o->key, 1u << 20, &klen, why, sizeof why);
    if (key == NULL) {
      fprintf(stderr, "sipsec-check: --key %s: %s\n", o->key, why);
      return -1;
    }
    uint8_t *cert = read_file(o->cert, 1u << 20, &clen, why, sizeof why);
    int rc = cert == NULL ? -1 : sf_smime_set_recipient_pem(s, key, klen, cert, clen, why, sizeof why);
    free(key);
    free(cert);
    if (rc != 0) {
      fprintf(stderr, "sipsec-check: --key %s --cert %s: %s\n", o->key, o->cert, why);
      return -1;
    }
  }
  if (o->has_at) sf_smime_set_time(s, o->at);
  return 0;
}

int main(int argc, char **argv) {
  sf_check_options o;
  char why[256];
  if (sf_check_parse_options(argc, argv, &o, why, sizeof why) != 0) {
    fprintf(stderr, "sipsec-check: %s\n", why);
    return EXIT_USAGE;
  }
  if (o.help) {
    sf_check_usage(stdout);
    return EXIT_CLEAN;
  }
  if (o.version) {
    printf("sipsec-check %s\n", SF_CHECK_VERSION);
    return EXIT_CLEAN;
  }
  sf_smime *smime = sf_smime_new();
  if (smime == NULL || setup(&o, smime) != 0) {
    sf_smime_free(smime);
    return EXIT_USAGE;
  }
  sf_check_config config = sf_check_config_default(smime);
  sf_check_emit e;
  sf_check_emit_init(&e, stdout, o.json);
  if (o.json) {
    sf_check_emit_object(&e, NULL);
    sf_check_emit_str(&e, "tool", "sipsec-check " SF_CHECK_VERSION);
    sf_check_emit_list(&e, "files");
  }
  int status = EXIT_CLEAN, io_failed = 0;
  for (int i = 0; i < o.file_count; i++) {
    size_t len = 0;
    uint8_t *data = read_file(o.files[i], SF_CHECK_MAX_INPUT, &len, why, sizeof why);
    if (data == NULL) {
      fprintf(stderr, "sipsec-check: %s: %s\n", o.files[i], why);
      io_failed = 1;
      continue;
    }
    sf_check_report *r = sf_check_new();
    if (r == NULL) {
      fprintf(stderr, "sipsec-check: %s: out of memory\n", o.files[i]);
      free(data);
      io_failed = 1;
      continue;
    }
    sf_check_run(r, &config, data, len);
    int file_status = sf_check_count(r, SF_CHECK_ERROR) > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
    if (file_status > status) status = file_status;
    if (!o.json && i > 0) putchar('\n');
    sf_check_describe(&e, r, strcmp(o.files[i], "-") == 0 ? "(standard input)" : o.files[i],
                      file_status, o.quiet);
    sf_check_free(r);
    free(data);
  }
  if (io_failed) status = EXIT_USAGE;
  if (o.json) {
    sf_check_emit_end(&e);
    sf_check_emit_int(&e, "exit", status);
    sf_check_emit_end(&e);
  }
  sf_check_emit_done(&e);
  sf_smime_free(smime);
  return status;
}
