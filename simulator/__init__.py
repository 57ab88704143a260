"""The world the trainee talks to: scenarios, the persona engine, sessions, records, CLI, TUI."""
