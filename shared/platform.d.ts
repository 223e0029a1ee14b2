/**
 * The web-platform globals shared code may use. Every runtime Parley has (Node, Electron's
 * preload, the page) provides them; they are declared here because shared/ compiles with
 * neither the DOM's types nor Node's.
 */
declare class URL {
  constructor(url: string, base?: string);
  static canParse(url: string, base?: string): boolean;
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
