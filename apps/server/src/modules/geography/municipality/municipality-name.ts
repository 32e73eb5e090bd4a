/** Municipalities whose name in "… kommun" does not follow the rule below. */
const IRREGULAR: Record<string, string> = {
  Falun: 'Falu kommun',
  Gotland: 'Region Gotland',
};

/**
 * A municipality as Swedish names it: the genitive before "kommun" ("Älvdalens kommun", "Lilla
 * Edets kommun"), no s after a vowel or s, x or z ("Ludvika kommun", "Borås kommun", "Kalix kommun"),
 * and the two that go their own way ("Falu kommun", "Region Gotland").
 */
export function municipalityFullName(name: string): string {
  const irregular = IRREGULAR[name];
  if (irregular) return irregular;
  return /[aeiouyåäösxz]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}
