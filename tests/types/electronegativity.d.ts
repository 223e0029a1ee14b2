/** The part of Electronegativity's programmatic API the security test uses (it ships no types). */
declare module '@doyensec/electronegativity' {
  interface RunOptions {
    input: string;
    electronVersionOverride?: string;
    isRelative?: boolean;
  }
  interface Issue {
    id: string;
    file: string;
    sample?: string;
  }
  export default function run(options: RunOptions): Promise<{ issues: Issue[] }>;
}
