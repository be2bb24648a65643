// The editor's corrections to what enrichment finds, from dossier.yaml
// (`people:` and `organisations:`). The config beats the machine.

export interface EntitySettings {
  /** Entries to add: name, other forms, and a role. */
  add: { name: string; aliases: string[]; role?: string }[];
  /** Forms to fold into a name: `Ed Miliband: [Miliband, Ed]`. */
  aliases: Record<string, string[]>;
  /** A role to state for a name, before those found. */
  roles: Record<string, string>;
  /** Names (or forms) that are not entries at all. */
  exclude: string[];
}

export const NO_SETTINGS: EntitySettings = { add: [], aliases: {}, roles: {}, exclude: [] };
