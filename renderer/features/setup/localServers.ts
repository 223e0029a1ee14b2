/** The local servers first run knows, with the address each listens on out of the box. */
export interface LocalServerPreset {
  id: 'ollama' | 'lm-studio' | 'vllm' | 'other';
  name: string;
  /** Empty for "Other": the person types it. */
  baseURL: string;
}

export const LOCAL_SERVERS: readonly LocalServerPreset[] = [
  { id: 'ollama', name: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1' },
  { id: 'lm-studio', name: 'LM Studio', baseURL: 'http://127.0.0.1:1234/v1' },
  { id: 'vllm', name: 'vLLM', baseURL: 'http://127.0.0.1:8000/v1' },
  { id: 'other', name: 'Other', baseURL: '' },
];

/** The endpoint's name in Settings: the server's name, or "Local server" for another one. */
export const endpointNameFor = (preset: LocalServerPreset) => (preset.id === 'other' ? 'Local server' : preset.name);

/** "Connected: 6 models, e.g. llama3.2:3b": the count and one model, not a wall of ids. */
export function connectedSummary(models: readonly string[]): string {
  const count = `${models.length} ${models.length === 1 ? 'model' : 'models'}`;
  return models[0] === undefined ? `Connected, but the server lists no models yet.` : `Connected: ${count}, e.g. ${models[0]}`;
}
