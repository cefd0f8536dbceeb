import type { Command, Option } from 'commander';

/** One command of the tree as a completion script needs it: its path of names, subcommands and options. */
interface Node {
  path: string[];
  commands: { name: string; description: string }[];
  /** Values a positional argument accepts (`completion <shell>`). */
  values: string[];
  options: { flags: string[]; takesValue: boolean; choices: string[]; description: string }[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

function optionOf(option: Option): Node['options'][number] {
  return {
    flags: [option.short, option.long].filter((f): f is string => Boolean(f)),
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
    description: option.description,
  };
}

/** Every command, depth first, read from the commander program itself so a new option completes at once. */
function walk(command: Command, path: string[] = []): Node[] {
  const visible = command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const options = command.options.filter((o) => !o.hidden).map(optionOf);
  options.push({ flags: ['-h', '--help'], takesValue: false, choices: [], description: 'display help' });
  const node: Node = {
    path,
    commands: visible.map((c) => ({ name: c.name(), description: c.description() })),
    values: command.registeredArguments.flatMap((a) => a.argChoices ?? []),
    options,
  };
  return [node, ...visible.flatMap((c) => walk(c, [...path, c.name()]))];
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(nodes: Node[]): string {
  // Commander takes the program's options after a subcommand too: one list of the options that take a value.
  const valued = [
    ...new Set(nodes.flatMap((n) => n.options.filter((o) => o.takesValue).flatMap((o) => o.flags))),
  ];
  const cases = nodes.map((n) => {
    const words = [...n.commands.map((c) => c.name), ...n.values, ...n.options.flatMap((o) => o.flags)].join(
      ' ',
    );
    return `    ${quote(n.path.join(' '))}) subs=${quote(n.commands.map((c) => c.name).join(' '))}; words=${quote(words)} ;;`;
  });
  const choices = nodes.flatMap((n) =>
    n.options
      .filter((o) => o.choices.length)
      .flatMap((o) =>
        o.flags.map(
          (f) => `    ${quote(`${n.path.join(' ')}|${f}`)}) words=${quote(o.choices.join(' '))} ;;`,
        ),
      ),
  );
  return `# sso-supervisor completion for bash: eval "$(sso-supervisor completion bash)"
_sso_supervisor_node() {
  case "$1" in
${cases.join('\n')}
    *) subs=""; words="" ;;
  esac
}
_sso_supervisor_value() {
  case "$1|$2" in
${choices.join('\n')}
    *) words="" ;;
  esac
}
_sso_supervisor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" valued=${quote(valued.join(' '))} path="" subs words word i skip=0
  # The words before the cursor: a command name goes one level down, an option's value is skipped.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [ "$skip" -eq 1 ]; then skip=0; continue; fi
    if [[ " $valued " == *" $word "* ]]; then skip=1; continue; fi
    _sso_supervisor_node "$path"
    [[ " $subs " == *" $word "* ]] && path="\${path:+$path }$word"
  done
  if [ "$skip" -eq 1 ]; then
    _sso_supervisor_value "$path" "\${COMP_WORDS[COMP_CWORD-1]}"
    if [ -n "$words" ]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
    return 0
  fi
  _sso_supervisor_node "$path"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _sso_supervisor sso-supervisor
`;
}

function zsh(nodes: Node[]): string {
  const valued = [
    ...new Set(nodes.flatMap((n) => n.options.filter((o) => o.takesValue).flatMap((o) => o.flags))),
  ];
  const described = (name: string, description: string) =>
    quote(`${name}:${description.replace(/:/g, '\\:')}`);
  const cases = nodes.map((n) => {
    const subs = [
      ...n.commands.map((c) => described(c.name, c.description)),
      ...n.values.map((v) => quote(v)),
    ];
    const opts = n.options.flatMap((o) => o.flags.map((f) => described(f, o.description)));
    return `    ${quote(n.path.join(' '))}) subs=(${subs.join(' ')}); opts=(${opts.join(' ')}) ;;`;
  });
  return `#compdef sso-supervisor
# sso-supervisor completion for zsh: eval "$(sso-supervisor completion zsh)" (after compinit)
_sso_supervisor_node() {
  case "$1" in
${cases.join('\n')}
    *) subs=(); opts=() ;;
  esac
}
_sso_supervisor() {
  local here="" word i skip=0
  local -a subs opts names valued
  valued=(${valued.join(' ')})
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    if (( skip )); then skip=0; continue; fi
    if (( \${valued[(Ie)$word]} )); then skip=1; continue; fi
    _sso_supervisor_node "$here"
    names=(\${subs%%:*})
    (( \${names[(Ie)$word]} )) && here="\${here:+$here }$word"
  done
  if (( skip )); then _files; return; fi
  _sso_supervisor_node "$here"
  if [[ "\${words[CURRENT]}" == -* ]]; then _describe -t options option opts; else _describe -t commands command subs; fi
}
compdef _sso_supervisor sso-supervisor
`;
}

function fish(nodes: Node[]): string {
  const lines = [
    '# sso-supervisor completion for fish: sso-supervisor completion fish | source',
    'complete -c sso-supervisor -f',
  ];
  for (const n of nodes) {
    // fish's own helpers: at the top, no subcommand yet; below, the node's whole path seen and none of its children.
    const here = n.path.length
      ? `__fish_seen_subcommand_from ${n.path[n.path.length - 1]}` +
        (n.commands.length
          ? `; and not __fish_seen_subcommand_from ${n.commands.map((c) => c.name).join(' ')}`
          : '')
      : '__fish_use_subcommand';
    for (const c of n.commands)
      lines.push(`complete -c sso-supervisor -n ${quote(here)} -a ${c.name} -d ${quote(c.description)}`);
    if (n.values.length)
      lines.push(`complete -c sso-supervisor -n ${quote(here)} -a ${quote(n.values.join(' '))}`);
    for (const o of n.options) {
      const flags = o.flags
        .map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`))
        .join(' ');
      const value = o.choices.length ? ` -x -a ${quote(o.choices.join(' '))}` : o.takesValue ? ' -r' : '';
      lines.push(`complete -c sso-supervisor -n ${quote(here)} ${flags}${value} -d ${quote(o.description)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for `shell`, from the commands and options `program` registers. */
export function completionScript(program: Command, shell: Shell): string {
  const nodes = walk(program);
  return { bash, zsh, fish }[shell](nodes);
}
