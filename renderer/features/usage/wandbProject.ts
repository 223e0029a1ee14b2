/** Where W&B shows the usage of a `team/project`: the project's page. Null when the setting is not of that shape. */
export function wandbProjectUrl(project: string): string | null {
  const parts = project.trim().split('/');
  if (parts.length !== 2 || parts.some((part) => part === '')) return null;
  return `https://wandb.ai/${parts.map(encodeURIComponent).join('/')}`;
}
