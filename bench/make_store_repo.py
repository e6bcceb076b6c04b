#!/usr/bin/env python3
"""Make a records-like git repository for the store benchmark: DIRS reports x FILES records.

Usage: bench/make_store_repo.py DIR [DIRS=2000] [FILES=40]
Deterministic (fixed seed); commits everything with the git CLI in one commit.
"""
import os
import random
import subprocess
import sys

WORDS = ("توصي الدول الأطراف ينبغي أن تنظر في تعزيز التعاون الدولي مكافحة الاتجار "
         "بالأشخاص تهريب المهاجرين الفريق العامل المؤتمر الأمانة").split()


def record(rng, slug, n):
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90)))
    return (f"id: {slug}.p{n}\nsource:\n  symbol: {slug.upper()}\n  paragraph: {n}\n"
            f"text: >-\n  {text}\nlanguage: ar\nadopted: 2013-10-{1 + n % 28:02d}\n"
            f"addressees: [states-parties]\nmodality: should\ntopics: [cooperation]\n"
            f"status: open\nfollowup: []\n")


def main():
    root = sys.argv[1]
    dirs = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    rng = random.Random(20131007)
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "sijill.yaml"), "w") as f:
        f.write("title: bench\n")
    for d in range(dirs):
        slug = f"ctoc-cop-wg.4-{2000 + d // 100}-{d % 100}"
        base = os.path.join(root, "recommendations", slug)
        os.makedirs(base, exist_ok=True)
        for n in range(1, files + 1):
            with open(os.path.join(base, f"p{n}.yaml"), "w") as f:
                f.write(record(rng, slug, n))
    git = ["git", "-C", root, "-c", "user.name=bench", "-c", "user.email=bench@sijill.invalid"]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "bench corpus"], check=True)


if __name__ == "__main__":
    main()
