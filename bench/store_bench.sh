#!/usr/bin/env bash
# Store commit benchmark (issue 2, item 7): per-commit time of `git add FILE && git commit`
# against store::Repository::Commit on the same repository of DIRS x 40 records, side by side.
#
#   bench/store_bench.sh [BUILD_DIR=build] [N=50] [DIRS=2000]
#
# The repository is generated once (bench/make_store_repo.py, deterministic) under
# ${SIJILL_BENCH_DIR:-/tmp/sijill-store-bench} and reused; each run adds commits to it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-50}
dirs=${3:-2000}
work=${SIJILL_BENCH_DIR:-/tmp/sijill-store-bench}
repo=$work/repo-$dirs
[ -d "$repo/.git" ] || python3 bench/make_store_repo.py "$repo" "$dirs" 40
echo "repository: $repo ($(git -C "$repo" ls-files | wc -l) files)"

# The git CLI loop: one record of a different report each time, as a follow-up would.
mapfile -t files < <(git -C "$repo" ls-files recommendations | awk 'NR % 40 == 6')
git_loop() {
  for ((i = 0; i < n; i++)); do
    f=${files[$((i % ${#files[@]}))]}
    echo "# git bench follow-up $i" >> "$repo/$f"
    git -C "$repo" add "$f"
    git -C "$repo" -c user.name=bench -c user.email=bench@sijill.invalid commit -q -m "git: $i"
  done
}
# CPU time (user + system of the git processes) is reported too: on a shared machine it moves
# far less with other load than wall time does.
start=$(date +%s%N)
TIMEFORMAT="%U %S"
cpu=$( { time git_loop >/dev/null; } 2>&1 )
end=$(date +%s%N)
awk -v t=$((end - start)) -v n="$n" -v cpu="$cpu" 'BEGIN { split(cpu, c, " ");
  printf "git add && git commit: %d commits, mean %.2f ms, CPU %.2f ms per commit\n",
         n, t / n / 1e6, (c[1] + c[2]) * 1000 / n }'

"$build/store_bench" "$repo" "$n"
"$build/store_bench" "$repo" "$n" --reopen
test -z "$(git -C "$repo" status --porcelain)" && echo "git status: clean"
