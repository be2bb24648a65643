// What the normalisation plugins learn about an article travels on the
// vfile's `data`, the way unified plugins share results.
import type { ArticleOverride } from '../config.js';
import type { Deck, InputFormat, PublicationDate, StatedMeta } from '../model.js';
import type { DateOrder } from './dates.js';

export interface Headline {
  text: string;
  /** Made from the first sentence because the cutting had none. */
  derived: boolean;
  /** Taken out of the body text (so a standfirst may follow it). */
  fromText: boolean;
}

declare module 'vfile' {
  interface DataMap {
    format: InputFormat;
    stated: StatedMeta;
    /** The editor's corrections from dossier.yaml: they win over what is found. */
    override: ArticleOverride;
    kicker: string;
    dateOrder: DateOrder;
    headline: Headline;
    publication: PublicationDate;
    byline: string;
    deck: Deck;
    relatedLinks: string[];
    /** Short lines the dossier's other saved pages print too (compared by `furnitureKey`): furniture. */
    repeatedLines: string[];
  }
}
