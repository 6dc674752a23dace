/**
 * Shell completion scripts (`parity completion bash|zsh|fish`), written from
 * the option table: every command, and each command's options with their
 * help and, for a choice, its values; case files, reports and folders
 * complete as paths. Pure: the script is a string.
 */
import { longFlag, metaOf, type OptionDecl, type OptionMeta } from './option-kinds.js';
import { COMMANDS } from './options.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** One option as a shell completes it. */
interface Flag {
  readonly long: string;
  readonly short: string | undefined;
  readonly help: string;
  /** Takes a value (`--tracker <file>`), not a switch. */
  readonly takesValue: boolean;
  readonly choices: readonly string[] | undefined;
  readonly repeatable: boolean;
}

interface CommandWords {
  readonly name: string;
  readonly description: string;
  readonly flags: readonly Flag[];
}

function flagsOf(meta: OptionMeta): Flag[] {
  const short = /(?:^|\s)-([A-Za-z]),/.exec(meta.flags)?.[1];
  const flag: Flag = {
    long: longFlag(meta.flags),
    short,
    help: meta.help,
    takesValue: /[<[]/.test(meta.flags),
    choices: meta.choices,
    repeatable: meta.repeatable === true,
  };
  if (meta.negation === undefined) return [flag];
  const negated = `--no-${flag.long.slice(2)}`;
  const off = { long: negated, short: undefined, help: meta.negation, takesValue: false };
  return [flag, { ...off, choices: undefined, repeatable: false }];
}

/** Every command's words, in the table's order. */
function commandWords(): CommandWords[] {
  return Object.values(COMMANDS).map((decl) => ({
    name: decl.name,
    description: decl.description,
    flags: Object.values<OptionDecl>(decl.options).flatMap((option) => flagsOf(metaOf(option))),
  }));
}

/** Text inside single quotes in sh, zsh and fish. */
const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** One line of help: the first clause, short enough for a menu. */
function brief(help: string): string {
  const line = help.split(/[;(]/)[0]?.trim() ?? help;
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

function bash(commands: readonly CommandWords[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const choices = new Map<string, readonly string[]>();
  for (const command of commands) {
    for (const flag of command.flags) {
      if (flag.choices !== undefined && !choices.has(flag.long))
        choices.set(flag.long, flag.choices);
    }
  }
  const perCommand = commands.map((c) => {
    const words = c.flags.flatMap((f) =>
      f.short === undefined ? [f.long] : [f.long, `-${f.short}`],
    );
    return `    ${c.name}) opts=${quoted([...words, '--help'].join(' '))} ;;`;
  });
  const values = [...choices].map(
    ([flag, list]) =>
      `    ${flag}) COMPREPLY=($(compgen -W ${quoted(list.join(' '))} -- "$cur")); return ;;`,
  );
  return `# parity completion for bash: eval "$(parity completion bash)" in ~/.bashrc,
# or save it as ~/.local/share/bash-completion/completions/parity
_parity() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W ${quoted(`${names} help --help --version`)} -- "$cur"))
    return
  fi
  case "$prev" in
${values.join('\n')}
  esac
  case "\${COMP_WORDS[1]}" in
${perCommand.join('\n')}
    *) opts='--help' ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F _parity parity
`;
}

/** A zsh `_arguments` spec: `[`, `]` and `:` would end its parts. */
function zshSpec(flag: Flag): string {
  const help = brief(flag.help).replace(/[[\]:\\]/g, ' ');
  const value =
    flag.choices !== undefined
      ? `:value:(${flag.choices.join(' ')})`
      : flag.takesValue
        ? ':value:_files'
        : '';
  const many = flag.repeatable ? '*' : '';
  // `{-c,--config}'[…]'`: zsh's brace expansion gives the spec to both names.
  return flag.short === undefined
    ? quoted(`${many}${flag.long}[${help}]${value}`)
    : `${many}{-${flag.short},${flag.long}}${quoted(`[${help}]${value}`)}`;
}

function zsh(commands: readonly CommandWords[]): string {
  const described = commands.map(
    (c) => `    ${quoted(`${c.name}:${brief(c.description).replaceAll(':', ' ')}`)}`,
  );
  const cases = commands.map((c) => {
    const specs = c.flags.map((f) => `        ${zshSpec(f)} \\`);
    return `    ${c.name})\n      _arguments \\\n${specs.join('\n')}\n        '*:file:_files' ;;`;
  });
  return `#compdef parity
# parity completion for zsh: save as _parity in a folder of your $fpath,
# or eval "$(parity completion zsh)" after compinit in ~/.zshrc
_parity() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases.join('\n')}
  esac
}
if [ "$funcstack[1]" = "_parity" ]; then _parity "$@"; else compdef _parity parity; fi
`;
}

function fish(commands: readonly CommandWords[]): string {
  const lines = [
    '# parity completion for fish: parity completion fish > ~/.config/fish/completions/parity.fish',
    'complete -c parity -f',
  ];
  for (const c of commands) {
    lines.push(
      `complete -c parity -n __fish_use_subcommand -a ${c.name} -d ${quoted(brief(c.description))}`,
    );
  }
  for (const c of commands) {
    for (const f of c.flags) {
      const short = f.short === undefined ? '' : ` -s ${f.short}`;
      const value =
        f.choices !== undefined
          ? ` -x -a ${quoted(f.choices.join(' '))}`
          : f.takesValue
            ? ' -r -F'
            : '';
      lines.push(
        `complete -c parity -n '__fish_seen_subcommand_from ${c.name}'${short} -l ${f.long.slice(2)}${value} -d ${quoted(brief(f.help))}`,
      );
    }
    lines.push(`complete -c parity -n '__fish_seen_subcommand_from ${c.name}' -F`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell): string {
  const commands = commandWords();
  switch (shell) {
    case 'bash':
      return bash(commands);
    case 'zsh':
      return zsh(commands);
    case 'fish':
      return fish(commands);
    default: {
      const never: never = shell;
      return never;
    }
  }
}
