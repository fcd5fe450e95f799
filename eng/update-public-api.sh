#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt of its
# project, and drops lines it reports as removed (RS0017). Review the diff before committing: the record is the point.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
python3 eng/normalize-public-api.py
dotnet build CascadeGuard.sln -p:TreatWarningsAsErrors=false --no-incremental 2>&1 | tee "$log" >/dev/null || true
python3 - "$log" <<'PY'
import re, sys, collections, os
adds = collections.defaultdict(set); removes = collections.defaultdict(set)
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.search(r"(RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]", line)
    if not m: continue
    code, sym, proj = m.groups()
    d = os.path.dirname(proj)
    (adds if code == 'RS0016' else removes)[d].add(sym)
for d in set(adds) | set(removes):
    path = os.path.join(d, 'PublicAPI.Unshipped.txt')
    lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')] if os.path.exists(path) else ['#nullable enable']
    body = set(l for l in lines[1:] if l.strip()) | adds[d]
    body -= removes[d]
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('#nullable enable\n' + ''.join(s + '\n' for s in sorted(body, key=lambda s: s.lstrip('~').replace('static ', '').replace('override ', '').replace('abstract ', '').replace('virtual ', '').replace('const ', '').replace('readonly ', ''))))
    print(f"{path}: +{len(adds[d])} -{len(removes[d])}")
PY
rm -f "$log"
