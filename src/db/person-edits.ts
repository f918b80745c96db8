// Editorial fixes to persons: merging duplicates and renaming. Each runs in one transaction,
// and the old names stay as aliases so later ingests land on the edited person.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { normalizeName } from "../ingest/normalize.js";

export class PersonEditError extends Error {
  constructor(message: string, readonly argumentName: string) {
    super(message);
  }
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** Moves every mention and quote of the `from` persons onto `into`, then deletes them. */
export async function mergePersons(prisma: PrismaClient, intoId: number, fromIds: number[]): Promise<void> {
  if (!fromIds.length) throw new PersonEditError("from must name at least one person", "from");
  if (fromIds.includes(intoId)) throw new PersonEditError("a person cannot be merged into itself", "from");
  await prisma.$transaction(async (tx) => {
    const persons = await tx.person.findMany({ where: { id: { in: [intoId, ...fromIds] } } });
    const into = persons.find((p) => p.id === intoId);
    if (!into) throw new PersonEditError("into names no stored person", "into");
    const from = persons.filter((p) => p.id !== intoId);
    if (from.length !== new Set(fromIds).size) throw new PersonEditError("from names a person that is not stored", "from");

    const mentions = await tx.articlePerson.findMany({ where: { personId: { in: [intoId, ...fromIds] } } });
    const byArticle = new Map<number, Prisma.ArticlePersonCreateManyInput>();
    for (const m of mentions) {
      const merged = byArticle.get(m.articleId);
      const spans = [...((merged?.mentions as object[]) ?? []), ...((m.mentions as object[]) ?? [])];
      byArticle.set(m.articleId, {
        articleId: m.articleId, personId: intoId, mentionCount: (merged?.mentionCount ?? 0) + m.mentionCount,
        aliases: union((merged?.aliases as string[]) ?? [], m.aliases), roles: union((merged?.roles as string[]) ?? [], m.roles),
        mentions: spans as Prisma.InputJsonValue,
        // Gender evidence adds up; what a title or first name says is kept where one said it.
        femalePronouns: (merged?.femalePronouns ?? 0) + m.femalePronouns, malePronouns: (merged?.malePronouns ?? 0) + m.malePronouns,
        titleGender: merged?.titleGender && merged.titleGender !== "UNKNOWN" ? merged.titleGender : m.titleGender,
        firstNameGender: merged?.firstNameGender && merged.firstNameGender !== "UNKNOWN" ? merged.firstNameGender : m.firstNameGender,
        gender: merged?.gender && merged.gender !== "UNKNOWN" ? merged.gender : m.gender,
        genderEvidence: merged?.genderEvidence && merged.genderEvidence !== "NONE" ? merged.genderEvidence : m.genderEvidence,
      });
    }
    await tx.articlePerson.deleteMany({ where: { personId: { in: [intoId, ...fromIds] } } });
    if (byArticle.size) await tx.articlePerson.createMany({ data: [...byArticle.values()] });
    await tx.quote.updateMany({ where: { speakerId: { in: fromIds } }, data: { speakerId: intoId } });
    await tx.person.deleteMany({ where: { id: { in: fromIds } } });
    await tx.person.update({
      where: { id: intoId },
      data: {
        aliases: union(into.aliases, ...from.map((p) => [p.name, ...p.aliases])).filter((a) => a !== into.name),
        roles: union(into.roles, ...from.map((p) => p.roles)),
      },
    });
  });
}

/** Gives a person a new canonical name; the old one becomes an alias. */
export async function renamePerson(prisma: PrismaClient, id: number, name: string): Promise<void> {
  const clean = name.replace(/\s+/g, " ").trim();
  const normalizedName = normalizeName(clean);
  if (!normalizedName) throw new PersonEditError("name must hold at least one letter", "name");
  await prisma.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id } });
    if (!person) throw new PersonEditError("id names no stored person", "id");
    const other = await tx.person.findUnique({ where: { normalizedName }, select: { id: true, name: true } });
    if (other && other.id !== id) {
      throw new PersonEditError(`another person is already called "${other.name}": use mergePersons to join them`, "name");
    }
    await tx.person.update({
      where: { id },
      data: { name: clean, normalizedName, aliases: union(person.aliases, [person.name]).filter((a) => a !== clean) },
    });
  });
}
