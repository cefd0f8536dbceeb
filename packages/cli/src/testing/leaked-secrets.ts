/** Every secret that appears anywhere in the given outputs. */
export function leakedSecrets(secrets: string[], outputs: string[]): string[] {
  const all = outputs.join('\n');
  return secrets.filter((s) => all.includes(s));
}
