#!/usr/bin/env python3
"""Adds least-privilege files to a snapshot made by shared/bench/gen_snapshot.py, in the shapes the
AWS CLI prints (docs/snapshot-layout.md, "Least-privilege files"), deterministically:

  accounts/<id>/iam/get-credential-report.json   one row per user of the authorization details, plus root
  accounts/<id>/iam/get-account-summary.json
  accounts/<id>/iam/get-account-password-policy.json   (every third account has none)
  with --last-accessed: accounts/<id>/iam/service-last-accessed/<principal-id>.json for every user and role

Usage: python3 scripts/add-usage-reports.py SNAPSHOT [--last-accessed]
Prints one line: accounts, users, files written.
"""
import base64, hashlib, json, os, sys

COLUMNS = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
           "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
           "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
           "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
           "cert_2_last_rotated").split(",")
NOW = "2026-06-01T00:00:00+00:00"


def pick(text, n):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % n


def day(offset):
    """A date `offset` days before NOW (2026-06-01), as the report prints it."""
    import datetime
    d = datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc) - datetime.timedelta(days=offset)
    return d.isoformat()


def key(arn, slot):
    h = pick(arn + str(slot), 10)
    if slot == 2 and h < 7:
        return ["false", "N/A", "N/A", "N/A", "N/A"]
    if slot == 1 and h < 3:
        return ["false", "N/A", "N/A", "N/A", "N/A"]
    rotated = day(10 + pick(arn + "r" + str(slot), 700))
    used = "N/A" if h == 9 else day(pick(arn + "u" + str(slot), 200))
    return ["true", rotated, used, "N/A" if used == "N/A" else "us-east-1", "N/A" if used == "N/A" else "s3"]


def row(user):
    arn = user["Arn"]
    console = pick(arn + "p", 3) == 0
    password = ["true", day(pick(arn + "pu", 300)), day(400), "N/A"] if console else ["false", "N/A", "N/A", "N/A"]
    mfa = "true" if pick(arn + "m", 4) else "false"
    return [user["UserName"], arn, day(800)] + password + [mfa] + key(arn, 1) + key(arn, 2) + ["false", "N/A", "false", "N/A"]


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=4)
        f.write("\n")


def main():
    root = sys.argv[1]
    last_accessed = "--last-accessed" in sys.argv[2:]
    accounts = sorted(os.listdir(os.path.join(root, "accounts")))
    users = files = 0
    for i, account in enumerate(accounts):
        iam = os.path.join(root, "accounts", account, "iam")
        with open(os.path.join(iam, "get-account-authorization-details.json")) as f:
            gaad = json.load(f)
        rows = [["<root_account>", f"arn:aws:iam::{account}:root", day(900), "not_supported", day(30), "not_supported",
                 "not_supported", "true" if i % 2 else "false"] + ["false", "N/A", "N/A", "N/A", "N/A"] * 2 + ["false", "N/A", "false", "N/A"]]
        rows += [row(u) for u in gaad.get("UserDetailList", [])]
        users += len(rows) - 1
        csv = ",".join(COLUMNS) + "\n" + "\n".join(",".join(r) for r in rows) + "\n"
        write(os.path.join(iam, "get-credential-report.json"),
              {"Content": base64.b64encode(csv.encode()).decode(), "ReportFormat": "text/csv", "GeneratedTime": NOW})
        write(os.path.join(iam, "get-account-summary.json"),
              {"SummaryMap": {"Users": len(rows) - 1, "AccountMFAEnabled": i % 2, "AccountAccessKeysPresent": 0}})
        files += 2
        if i % 3:
            write(os.path.join(iam, "get-account-password-policy.json"),
                  {"PasswordPolicy": {"MinimumPasswordLength": 6 + i % 10, "RequireSymbols": True, "RequireNumbers": True,
                                      "RequireUppercaseCharacters": bool(i % 2), "RequireLowercaseCharacters": True,
                                      "AllowUsersToChangePassword": True, "ExpirePasswords": False}})
            files += 1
        if last_accessed:
            for p in gaad.get("UserDetailList", []) + gaad.get("RoleDetailList", []):
                pid = p.get("UserId") or p.get("RoleId")
                if not pid:
                    continue
                services = [{"ServiceName": ns, "ServiceNamespace": ns, "TotalAuthenticatedEntities": 0} for ns in ("s3", "ec2", "iam")]
                if pick(pid, 2):
                    services[0].update({"LastAuthenticated": day(pick(pid, 200)), "LastAuthenticatedRegion": "us-east-1"})
                write(os.path.join(iam, "service-last-accessed", pid + ".json"),
                      {"JobStatus": "COMPLETED", "JobType": "SERVICE_LEVEL", "JobCreationDate": NOW, "JobCompletionDate": NOW,
                       "ServicesLastAccessed": services, "IsTruncated": False})
                files += 1
    print(f"accounts {len(accounts)}, users {users}, files written {files}")


if __name__ == "__main__":
    main()
