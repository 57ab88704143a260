"""The world the trainee talks to, in layers; each imports only the layers below it
(checked by import-linter in `make lint`):

    cli > tui > authoring > training > records > engine  (> scoring, the pure judge)

`engine` turns a scenario into a call, `records` stores attempts, `training` holds
certification and HR, `authoring` the trainer's tools, `tui` the app and `cli` the command.
"""
