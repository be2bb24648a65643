// smartypants ships no types.
declare module 'smartypants' {
  /** SmartyPants with Unicode output; `attributes` as in the original Perl (`q`, `D`, `e`…) or `1`. */
  export function smartypantsu(text: string, attributes?: string | number): string;
}
