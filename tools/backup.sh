#!/usr/bin/env bash
# A consistent copy of the SQLite database while the app runs, through SQLite's online backup API
# (never a file copy: that can catch the database between the file and its write-ahead log).
#   tools/backup.sh /data/stretching.db /backups/stretching-$(date +%F).db
set -euo pipefail
source_db=${1:?usage: tools/backup.sh <database> <backup file>}
target_db=${2:?usage: tools/backup.sh <database> <backup file>}
python3 - "$source_db" "$target_db" <<'PY'
import sqlite3, sys
source = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
target = sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
check = target.execute("PRAGMA integrity_check").fetchone()[0]
target.close()
source.close()
if check != "ok":
    sys.exit(f"the backup failed its integrity check: {check}")
print(f"backed up {sys.argv[1]} to {sys.argv[2]}")
PY
