"""One module per ``forumdesk`` subcommand, each with ``configure(parser)`` and ``run(args)``.

Qt is never imported here, so the command line starts fast and runs without a display.
"""
