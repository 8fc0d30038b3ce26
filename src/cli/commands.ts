// Subcommands beyond `check`, each loaded only when used. One line per command.
export {};
