"""`hitouch backup`, `restore` and `check`: they take the journal's access (path, settings,
clock), not an opened journal, so they still work when the journal itself is in trouble."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hitouch.cli.output import print_json, print_table

if TYPE_CHECKING:
    from hitouch.cli.access import JournalAccess


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser("backup", help="a consistent copy of the journal, or the list of backups")
    backup.add_argument("out", nargs="?", type=Path, metavar="OUT", help="default: the journal's backup folder")
    backup.add_argument("--list", action="store_true", help="list the backups kept")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(run=run_backup, needs_workspace=False)

    restore = commands.add_parser("restore", help="replace the journal with a backup (the current one is kept)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(run=run_restore, needs_workspace=False)

    check = commands.add_parser("check", help="check the journal's integrity")
    check.set_defaults(run=run_check, needs_workspace=False)

    encrypt = commands.add_parser(
        "encrypt", help="encrypt the journal at rest with a passphrase ($HITOUCH_PASSPHRASE, or asked)"
    )
    encrypt.set_defaults(run=run_encrypt, needs_workspace=False)


def run_backup(args: argparse.Namespace, access: JournalAccess) -> int:
    workspace = access.open()  # with the user's settings: the rotation is the one Preferences set
    try:
        backups = workspace.backups
        if args.list:
            items = backups.list()
            if args.json:
                print_json(
                    [{"path": str(b.path), "created": b.created, "size": b.size, "contacts": b.contacts} for b in items]
                )
            else:
                print_table(
                    [
                        [
                            b.created.strftime("%Y-%m-%d %H:%M"),
                            f"{b.contacts if b.contacts is not None else '?'}",
                            f"{b.size / 1e6:.1f} MB",
                            str(b.path),
                        ]
                        for b in items
                    ],
                    ["CREATED", "CONTACTS", "SIZE", "PATH"],
                )
            return 0
        print(backups.back_up(args.out))
        return 0
    finally:
        workspace.close()


def run_restore(args: argparse.Namespace, access: JournalAccess) -> int:
    from hitouch.services.safety.backups import restore_journal

    journal = access.path
    restore_journal(journal, args.file, clock=access.clock, policy=access.backup_policy, passphrase=access.passphrase)
    print(f"Restored {journal} from {args.file}; the previous journal is in the backup folder.")
    return 0


def run_check(args: argparse.Namespace, access: JournalAccess) -> int:
    from hitouch.services.errors import JournalDamaged
    from hitouch.services.safety.backups import check_journal

    journal = access.path
    report = check_journal(journal, access.passphrase)
    if report.sound:
        print(f"{journal}: sound")
        return 0
    advice = (
        (
            f" The newest sound backup is {report.newest_sound_backup.path} "
            f"({report.newest_sound_backup.created:%Y-%m-%d %H:%M}); restore it with: hitouch restore "
            f"{report.newest_sound_backup.path}"
        )
        if report.newest_sound_backup
        else " No sound backup was found."
    )
    raise JournalDamaged(f"{journal} is damaged: {'; '.join(report.problems[:3])}.{advice}")  # exit 3


def run_encrypt(args: argparse.Namespace, access: JournalAccess) -> int:
    import getpass

    from hitouch.services.errors import UserError
    from hitouch.services.safety.backups import encrypt_journal

    journal = access.path
    passphrase = access.passphrase
    if passphrase is None:
        passphrase = getpass.getpass("New passphrase: ")
        if getpass.getpass("Again: ") != passphrase:
            raise UserError("the two passphrases differ; nothing was changed")
    encrypt_journal(journal, passphrase)
    print(
        f"{journal} is now encrypted. Open it with $HITOUCH_PASSPHRASE set, or give the passphrase "
        f"when the window asks. Backups made before now are not encrypted: they are in {journal.parent}."
    )
    return 0
