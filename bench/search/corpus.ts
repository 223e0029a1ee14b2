/**
 * A chat history as a heavy user builds it, generated the same on every run: mostly English
 * with a Zipf-shaped vocabulary (a few words in most messages, a long tail of rare ones), code
 * words, and some conversations held in Russian, Japanese or Chinese, with accents and emoji
 * where people use them. Questions are short, answers a few paragraphs.
 */
import { prng } from '../random';

/** The 120 most frequent English words, most frequent first (the shape of any frequency list). */
const COMMON = (
  'the of and to a in is it you that he was for on are with as i his they be at one have this from or had by not but ' +
  'what some we can out other were all there when up use your how said an each she which do their time if will way ' +
  'about many then them write would like so these her long make thing see him two has look more day could go come did ' +
  'number sound no most people my over know water than call first who may down side been now find any new work part ' +
  'take get place made live where after back little only round man year came show every good me give our under name'
).split(' ');

const TECH = (
  'function return value array object string error request response model token stream answer question database index ' +
  'query table migration backup search result page window render state component effect python typescript rust golang ' +
  'server client network latency memory cache thread process signal kubernetes docker deploy cluster container promise'
).split(' ');

const SYLLABLES = 'ka to ri ne mo la shi ver an ex pre con tion ing ment al er or ble per com de re in un sta tra gra fi lo mi se qua zu'.split(' ');

const RUSSIAN = 'привет мир спасибо программа память запрос ответ сервер данные поиск история модель время работа вопрос'.split(' ');
const ACCENTED = 'café naïve résumé über straße crème brûlée mañana façade déjà vu señor jalapeño Zürich København'.split(' ');
const EMOJI = ['🚀', '✅', '🙂', '👍', '🎉', '🔥', '❤️', '👨‍👩‍👧‍👦'];
/** Common Han, kana and a few words, from which CJK sentences are drawn (no spaces, as in the real thing). */
const HAN = '日本語東京天気中文検索問題時間今日明日学生先生会社電話仕事大学研究開発言語情報世界人生活動作品理由方法説明'.split('');
const KANA = 'のはがをにでとてもしたですますあるいうこれそれ'.split('');

/** Words that occur a handful of times in the whole history, each in one message of so many: what "rare" queries look for. */
export const RARE_WORDS = { quetzalcoatlus: 80_000, zygomorphic: 150_000 } as const;

type Language = 'english' | 'russian' | 'cjk';

export interface GeneratedConversation {
  title: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
}

export class Corpus {
  private readonly random: () => number;
  private readonly tail: string[];
  private messages = 0;

  constructor(seed = 7) {
    this.random = prng(seed);
    this.tail = Array.from({ length: 40_000 }, () => this.syllables(1 + Math.floor(this.random() * 3.5)));
  }

  private pick<T>(list: readonly T[], skew = 1): T {
    return list[Math.floor(this.random() ** skew * list.length)] as T;
  }

  private syllables(count: number): string {
    let word = '';
    for (let n = 0; n < count; n++) word += this.pick(SYLLABLES);
    return word;
  }

  private englishWord(): string {
    const roll = this.random();
    if (roll < 0.45) return this.pick(COMMON, 2);
    if (roll < 0.55) return this.pick(TECH, 1.5);
    if (roll < 0.556) return this.pick(ACCENTED, 1.5);
    if (roll < 0.559) return this.pick(EMOJI, 1.5);
    return this.pick(this.tail, 3);
  }

  private sentence(language: Language): string {
    const length = 4 + Math.floor(this.random() * 16);
    if (language === 'cjk') {
      let text = '';
      for (let n = 0; n < length; n++) text += this.random() < 0.6 ? this.pick(HAN, 1.3) + this.pick(HAN, 1.3) : this.pick(KANA);
      return `${text}。`;
    }
    const words = Array.from({ length }, () => (language === 'russian' && this.random() < 0.7 ? this.pick(RUSSIAN, 1.4) : this.englishWord()));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  private paragraph(language: Language, sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence(language)).join(' ');
  }

  private message(role: 'user' | 'assistant', language: Language): string {
    this.messages++;
    const rare = Object.entries(RARE_WORDS)
      .filter(([, every]) => this.messages % every === 0)
      .map(([word]) => ` ${word}`)
      .join('');
    if (role === 'user') return this.paragraph(language, 1 + Math.floor(this.random() * 2)) + rare;
    const paragraphs = 1 + Math.floor(this.random() * 4);
    return Array.from({ length: paragraphs }, () => this.paragraph(language, 1 + Math.floor(this.random() * 4))).join('\n\n') + rare;
  }

  /** A conversation of about `pairs` questions and answers (at least one). */
  conversation(pairs: number): GeneratedConversation {
    const roll = this.random();
    const language: Language = roll < 0.05 ? 'russian' : roll < 0.1 ? 'cjk' : 'english';
    const messages: GeneratedConversation['messages'] = [];
    for (let n = 0; n < Math.max(1, pairs); n++) messages.push({ role: 'user', content: this.message('user', language) }, { role: 'assistant', content: this.message('assistant', language) });
    return { title: this.sentence(language).slice(0, 60), messages };
  }

  /** Conversation lengths as people have them: most short, some long (exponential, mean 10 pairs). */
  conversationPairs(): number {
    return Math.max(1, Math.round(-Math.log(1 - this.random()) * 10));
  }
}
