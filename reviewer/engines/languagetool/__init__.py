"""The LanguageTool engine: a real LanguageTool 6.8 server, provisioned with Maven.

Modules, one job each:

- `settings`: environment variables and per-user paths (cache, server URL).
- `install`: resolve the LanguageTool jars into the per-user cache and verify them.
- `serverconfig`: the tuned `server.properties` and the `java` command line.
- `server`: `ServerManager`, one background LanguageTool process with an observable state.
- `client`: HTTP requests to `/v2/check`.
- `offsets`: LanguageTool's UTF-16 offsets to Python string offsets.
- `mapping`: LanguageTool matches to `Flag`s (categories table in resources/languagetool/).
- `cache`: results per paragraph text and options.
- `engine`: `LanguageToolEngine`, the `Engine` the registry creates.
- `commands`: `reviewer languagetool install|status`.

Nothing here is imported by `reviewer check --engines artefacts`; `requests` and the server
machinery load only when this engine is created.
"""

LANGUAGETOOL_VERSION = "6.8"
