#!/usr/bin/env bash
# The anchors of README "Performance", measured the way the `bench` commands measure twostep: the naive C pair
# kernel (gcc, OpenMP, float32, with and without -ffast-math), SciPy and POT (exact assignment, Sinkhorn) and PyTorch
# (MeanFlow step with forward-mode AD). The Python anchors come from Debian packages (python3-scipy, python3-pot,
# python3-torch; installed when missing and run as root), run by /usr/bin/python3. Run next to the bench commands
# on the same machine, one thing at a time.
#   deploy/bench/anchors.sh            # all anchors
#   deploy/bench/anchors.sh c          # only the C kernel (also: python)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
what="${1:-all}"
py=/usr/bin/python3
if [ "$what" = all ] || [ "$what" = c ]; then
  command -v gcc >/dev/null || { echo "anchors: gcc is missing (apt-get install gcc)" >&2; exit 2; }
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  gcc -O3 -march=native -fopenmp -ffast-math "$here/ks_pairs.c" -o "$out/fast" -lm
  gcc -O3 -march=native -fopenmp "$here/ks_pairs.c" -o "$out/exact" -lm
  echo -n "-ffast-math: "; "$out/fast" 10000 20
  echo -n "no fast-math: "; "$out/exact" 10000 5
fi
if [ "$what" = all ] || [ "$what" = python ]; then
  if ! "$py" -c 'import scipy, ot, torch' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-scipy python3-pot python3-torch >/dev/null
    else
      echo "anchors: install python3-scipy python3-pot python3-torch (Debian) first" >&2
      exit 2
    fi
  fi
  "$py" "$here/anchors.py"
fi
