import type {I18nText} from '../model/index.js'

/** A message in both languages; the renderer picks one with --lang. */
export function say(zh: string, en: string): I18nText {
  return {'zh-CN': zh, en}
}

export function list(xs: string[]): string {
  return xs.join(', ')
}
