// The moment a build says it was made. Reproducible builds
// (https://reproducible-builds.org/specs/source-date-epoch/) set
// SOURCE_DATE_EPOCH; a dossier with a date in its settings uses that date;
// otherwise it is now. Same input and same moment give the same bytes.
import type { Dossier } from '../../model.js';

export function buildTimestamp(dossier: Pick<Dossier, 'date'>): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch) * 1000);
  if (dossier.date) return new Date(`${dossier.date}T00:00:00Z`);
  return new Date();
}
