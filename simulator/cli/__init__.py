"""The `collectsim` command."""
