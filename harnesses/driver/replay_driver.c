/* replay_driver.c: the plain driver that turns any harness into a program
 * that replays files, with any C compiler and no fuzzing engine.
 *
 *   <target> [options] PATH...
 *
 * Each PATH is a file or a directory (walked recursively, entries sorted so
 * runs are reproducible). Every input is copied into a heap buffer of exactly
 * its size, so that AddressSanitizer, or a plain over-read into unmapped
 * memory, catches a parser reading one byte too far.
 *
 * By default each input runs in a child process: an abort, a sanitizer report,
 * a time-out or too much memory on one input is reported against that input
 * and the replay goes on with the next. --no-fork runs everything in this
 * process, which is what a debugger wants. The exit status is 0 only if every
 * input passed.
 *
 * Options:
 *   --timeout=SECONDS     per-input wall-clock limit (default 25; 0 = none)
 *   --rss-limit-mb=MB     per-input peak resident memory limit (default 2048;
 *                         0 = none), measured by the kernel for the child
 *   --no-fork             run inputs in-process (no limits, stops at a crash)
 *   --quiet               print only failures and the summary
 *
 * Options libFuzzer understands (-runs=, -dict=, ...) are accepted and ignored,
 * so a libFuzzer command line can be pointed at this driver. */
#define _GNU_SOURCE /* wait4, strsignal: this driver is POSIX-only */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a harness: weak, so harnesses without it link. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

typedef struct {
  unsigned timeout_s;
  unsigned long rss_limit_mb;
  int fork_each;
  int quiet;
  size_t inputs, failed;
} replay_opts;

/* read_file reads |path| into a new heap buffer of exactly its size (one byte
 * is allocated for an empty file so the pointer is valid; size stays 0). */
static int read_file(const char *path, uint8_t **out, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return 0;
  size_t cap = 4096, len = 0;
  uint8_t *buf = malloc(cap);
  while (buf != NULL) {
    size_t n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0) break;
    if (len == cap) {
      uint8_t *bigger = realloc(buf, cap * 2);
      if (bigger == NULL) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  int ok = buf != NULL && !ferror(f);
  fclose(f);
  if (!ok) {
    free(buf);
    return 0;
  }
  /* Copy into an exact-size buffer: any read past |len| leaves the block. */
  uint8_t *exact = malloc(len ? len : 1);
  if (exact == NULL) {
    free(buf);
    return 0;
  }
  if (len) memcpy(exact, buf, len);
  free(buf);
  *out = exact;
  *out_len = len;
  return 1;
}

static void run_one_in_process(const uint8_t *data, size_t len) {
  /* The harness gets a pointer to exactly |len| readable bytes. */
  LLVMFuzzerTestOneInput(data, len);
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* run_forked runs one input in a child and describes the outcome in |why|.
 * Returns 1 if the input passed. */
static int run_forked(const replay_opts *o, const uint8_t *data, size_t len,
                      char *why, size_t why_len, long *out_rss_kb) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    snprintf(why, why_len, "fork failed: %s", strerror(errno));
    return 0;
  }
  if (pid == 0) {
    /* The default action of SIGALRM ends the child: that is the time-out. */
    if (o->timeout_s) alarm(o->timeout_s);
    run_one_in_process(data, len);
    /* exit, not _exit: LeakSanitizer checks and coverage profiles are
     * written by exit handlers, and both matter for this input. */
    exit(0);
  }
  int status = 0;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      snprintf(why, why_len, "wait failed: %s", strerror(errno));
      return 0;
    }
  }
  int timed_out = WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM;
  *out_rss_kb = ru.ru_maxrss; /* Linux reports kilobytes */
  if (timed_out) {
    snprintf(why, why_len, "timeout: still running after %u s", o->timeout_s);
    return 0;
  }
  if (WIFSIGNALED(status)) {
    snprintf(why, why_len, "killed by signal %d (%s)", WTERMSIG(status),
             strsignal(WTERMSIG(status)));
    return 0;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    snprintf(why, why_len, "exited with status %d (sanitizer report above)",
             WEXITSTATUS(status));
    return 0;
  }
  if (o->rss_limit_mb && (unsigned long)ru.ru_maxrss / 1024 > o->rss_limit_mb) {
    snprintf(why, why_len, "out of memory: peak RSS %ld MB > limit %lu MB",
             ru.ru_maxrss / 1024, o->rss_limit_mb);
    return 0;
  }
  return 1;
}

static void replay_file(replay_opts *o, const char *path) {
  uint8_t *data = NULL;
  size_t len = 0;
  o->inputs++;
  if (!read_file(path, &data, &len)) {
    fprintf(stderr, "FAIL %s: cannot read: %s\n", path, strerror(errno));
    o->failed++;
    return;
  }
  if (!o->fork_each) {
    double start = now_seconds();
    run_one_in_process(data, len);
    if (!o->quiet)
      printf("ok   %s (%zu bytes, %.1f ms)\n", path, len, (now_seconds() - start) * 1e3);
    free(data);
    return;
  }
  char why[200] = "";
  long rss_kb = 0;
  double start = now_seconds();
  int ok = run_forked(o, data, len, why, sizeof why, &rss_kb);
  double ms = (now_seconds() - start) * 1e3;
  if (ok) {
    if (!o->quiet) printf("ok   %s (%zu bytes, %.1f ms, %ld MB)\n", path, len, ms, rss_kb / 1024);
  } else {
    printf("FAIL %s (%zu bytes): %s\n", path, len, why);
    o->failed++;
  }
  fflush(stdout);
  free(data);
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_path(replay_opts *o, const char *path);

static void replay_dir(replay_opts *o, const char *path) {
  DIR *d = opendir(path);
  if (d == NULL) {
    fprintf(stderr, "FAIL %s: cannot open directory: %s\n", path, strerror(errno));
    o->failed++;
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue; /* ., .., and hidden files */
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **bigger = realloc(names, cap * sizeof *names);
      if (bigger == NULL) break;
      names = bigger;
    }
    names[n] = strdup(e->d_name);
    if (names[n] != NULL) n++;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, compare_names);
  for (size_t i = 0; i < n; i++) {
    size_t plen = strlen(path) + strlen(names[i]) + 2;
    char *child = malloc(plen);
    if (child != NULL) {
      snprintf(child, plen, "%s/%s", path, names[i]);
      replay_path(o, child);
      free(child);
    }
    free(names[i]);
  }
  free(names);
}

static void replay_path(replay_opts *o, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "FAIL %s: %s\n", path, strerror(errno));
    o->inputs++;
    o->failed++;
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    replay_dir(o, path);
  } else {
    replay_file(o, path);
  }
}

static int parse_unsigned(const char *s, unsigned long *out) {
  char *end = NULL;
  errno = 0;
  unsigned long v = strtoul(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return 0;
  *out = v;
  return 1;
}

static void usage(const char *argv0) {
  fprintf(stderr,
          "usage: %s [--timeout=S] [--rss-limit-mb=MB] [--no-fork] [--quiet] PATH...\n"
          "Replays each file (directories recursively) through this harness.\n",
          argv0);
}

int main(int argc, char **argv) {
  replay_opts o = {25, 2048, 1, 0, 0, 0};
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  int paths = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    unsigned long v = 0;
    if (strncmp(a, "--timeout=", 10) == 0 && parse_unsigned(a + 10, &v)) {
      o.timeout_s = (unsigned)v;
    } else if (strncmp(a, "--rss-limit-mb=", 15) == 0 && parse_unsigned(a + 15, &v)) {
      o.rss_limit_mb = v;
    } else if (strcmp(a, "--no-fork") == 0) {
      o.fork_each = 0;
    } else if (strcmp(a, "--quiet") == 0) {
      o.quiet = 1;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage(argv[0]);
      return 0;
    } else if (a[0] == '-' && a[1] != '-' && a[1] != '\0') {
      continue; /* a libFuzzer flag such as -runs=1: not ours, ignored */
    } else if (a[0] == '-' && a[1] == '-') {
      fprintf(stderr, "%s: unknown option %s\n", argv[0], a);
      usage(argv[0]);
      return 2;
    } else {
      paths++;
    }
  }
  if (paths == 0) {
    usage(argv[0]);
    return 2;
  }
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1] != '\0') continue;
    replay_path(&o, argv[i]);
  }
  printf("replayed %zu input(s): %zu passed, %zu failed\n", o.inputs, o.inputs - o.failed,
         o.failed);
  return o.failed ? 1 : 0;
}
