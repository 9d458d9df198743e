#!/bin/bash -eu
# Copyright 2026 the sipsec-fuzz authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
################################################################################

# The build lives in the repository, next to the code it builds, so that it
# changes with it: scripts/build.sh writes every fuzz target, its seed corpus,
# dictionary and .options into $OUT. This file is the same for OSS-Fuzz
# (projects/sipsec-fuzz/build.sh) and ClusterFuzzLite (.clusterfuzzlite/);
# scripts/oss-fuzz-check runs it under OSS-Fuzz's build environment.
exec "$SRC/sipsec-fuzz/scripts/build.sh"
