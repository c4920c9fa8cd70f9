#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a libFuzzer target for a bounded time, starting from its seed corpus.
#
#   run-fuzzer.sh FUZZER SEED-CORPUS WORK-DIR
#
# New inputs go to WORK-DIR/corpus (the seed corpus in the source tree is
# only read), a crash to WORK-DIR/crash-* with the input that caused it.
# PLC_FUZZ_SECONDS (default 25) bounds the run.  A crash, a leak, a timeout
# or a sanitizer report fails the test: add the input to the seed corpus as
# a regression test, then fix the code.

set -eu

fuzzer=${1:?usage: run-fuzzer.sh FUZZER SEED-CORPUS WORK-DIR}
seeds=${2:?usage: run-fuzzer.sh FUZZER SEED-CORPUS WORK-DIR}
work=${3:?usage: run-fuzzer.sh FUZZER SEED-CORPUS WORK-DIR}
seconds=${PLC_FUZZ_SECONDS:-25}

mkdir -p "$work/corpus"
# The fuzzer's own memory limits, and a report that ends the run at the
# first finding.  Leaks count: LeakSanitizer runs after each input.
ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=1:abort_on_error=0
export ASAN_OPTIONS

# -max_len: the seeds nested 100,000 levels deep are 200 kB; without it
# libFuzzer would make every input that long.  It reads them cut to this
# length (still far deeper than the readers take); the corpus test in the
# unit suite replays them whole.
exec "$fuzzer" \
  -max_total_time="$seconds" \
  -max_len=32768 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -artifact_prefix="$work/" \
  "$work/corpus" "$seeds"
