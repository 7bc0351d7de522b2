"""``python -m agendadsl`` runs the ``agenda`` command."""

from .cli.entry import script

if __name__ == "__main__":
    script()
