import type { Span } from '../text/span';

/** A recognised piece of a note. Offsets are UTF-16 code-unit offsets into the document text. */
export type Mention = OfficialMention | CountryMention | FigureMention;

export interface OfficialMention extends Span {
  readonly kind: 'official';
  readonly officialId: string;
}

/** Countries are not cards of their own; they give context for ranking tariff figures. */
export interface CountryMention extends Span {
  readonly kind: 'country';
  readonly code: string;
}

export interface FigureMention extends Span {
  readonly kind: 'figure';
  /** The rate in percent, e.g. 145 or 7.5. */
  readonly rate: number;
  /** Ids of the tariffs whose history has this rate, most relevant to the surrounding text first. */
  readonly tariffIds: readonly string[];
}
