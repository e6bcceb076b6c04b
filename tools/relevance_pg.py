#!/usr/bin/env python3
"""PostgreSQL's `arabic` full-text search on the same units as tools/relevance (issue #4).

Starts a throw-away cluster on 127.0.0.1 (a free port, a temporary directory), loads
UNITS.tsv (id<TAB>text), runs every query of QUERIES.tsv with OR semantics
(plainto_tsquery per word, joined with ||) ranked by ts_rank, prints recall@10 and MRR,
then stops and deletes the cluster. Usage: relevance_pg.py UNITS.tsv QUERIES.tsv
"""
import glob, os, shutil, socket, subprocess, sys, tempfile

def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        sys.exit("relevance_pg: PostgreSQL is not installed (apt-get install postgresql)")
    return found[-1]

def as_postgres(args, **kw):
    if os.geteuid() == 0:  # initdb refuses root
        args = ["runuser", "-u", "postgres", "--"] + args
    done = subprocess.run(args, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.exit(f"relevance_pg: {os.path.basename(args[-1] if args else '')}: {done.stderr.strip()}")
    return done

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def sql_literal(text):
    return "$q$" + text.replace("$q$", "") + "$q$"

def main(units_path, queries_path):
    queries = []
    for line in open(queries_path, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        q, ids = line.rstrip("\n").split("\t", 1)
        queries.append((q, set(ids.split())))
    tmp = tempfile.mkdtemp(prefix="sijill-pg-")
    os.chmod(tmp, 0o777)
    data, port = os.path.join(tmp, "data"), free_port()
    shutil.copy(units_path, os.path.join(tmp, "units.tsv"))
    os.chmod(os.path.join(tmp, "units.tsv"), 0o644)
    try:
        as_postgres([pg_bin("initdb"), "-D", data, "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust"])
        as_postgres([pg_bin("pg_ctl"), "-D", data, "-w", "-l", os.path.join(tmp, "log"),
                     "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp}", "start"])
        lines = ["CREATE TABLE unit (id text, body text);",
                 f"\\copy unit FROM '{tmp}/units.tsv'",
                 "ALTER TABLE unit ADD COLUMN tsv tsvector;",
                 "UPDATE unit SET tsv = to_tsvector('arabic', body);",
                 "CREATE INDEX ON unit USING gin (tsv);"]
        for n, (q, _) in enumerate(queries):
            words = [w for w in q.split() if w]
            tsq = " || ".join(f"plainto_tsquery('arabic', {sql_literal(w)})" for w in words)
            lines.append(f"SELECT {n}, id FROM (SELECT id, ts_rank(tsv, q) AS r FROM unit, (SELECT {tsq}) "
                         f"AS t(q) WHERE tsv @@ q ORDER BY r DESC, id LIMIT 20) s;")
        script = os.path.join(tmp, "run.sql")
        open(script, "w", encoding="utf-8").write("\n".join(lines) + "\n")
        out = as_postgres([pg_bin("psql"), "-h", "127.0.0.1", "-p", str(port), "-d", "postgres",
                           "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-f", script]).stdout
    finally:
        subprocess.run((["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) +
                       [pg_bin("pg_ctl"), "-D", data, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    ranked = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].isdigit():
            ranked.setdefault(int(parts[0]), [])
            if parts[1] not in ranked[int(parts[0])]:
                ranked[int(parts[0])].append(parts[1])
    recall = mrr = 0.0
    for n, (_, relevant) in enumerate(queries):
        top = ranked.get(n, [])[:10]
        recall += len([i for i in top if i in relevant]) / len(relevant)
        mrr += next((1 / (k + 1) for k, i in enumerate(top) if i in relevant), 0)
    print(f"postgresql-arabic: recall@10 {recall / len(queries):.3f}  MRR {mrr / len(queries):.3f}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
