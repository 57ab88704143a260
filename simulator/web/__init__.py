"""The browser app's server (`collectsim serve`): sign-in, then one app process a tab.

Its own layer beside `tui`, never importing it: the app runs in child processes that
textual-serve starts, and this package decides who may start one and as whom. `tokens`
signs the session cookie, `pages` writes the sign-in and "server full" pages (zh and en),
`limits` counts app processes and failed sign-ins, `identity` is how the signed-in user
reaches the app process, and `server` puts them around textual-serve (aiohttp).
"""
