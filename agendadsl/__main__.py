"""``python -m agendadsl`` runs the ``agenda`` command."""

from .cli.entry import main

if __name__ == "__main__":
    main()
